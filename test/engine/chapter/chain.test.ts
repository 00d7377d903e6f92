import { describe, expect, it } from 'vitest';
import { activationFn } from '../../../src/engine/core/activations';
import {
  CHAIN_LENGTH,
  chainGradients,
  explodingRecipe,
  forwardChain,
  standardInit,
  type ChainParams,
} from '../../../src/engine/chapter/chain';
import { Network } from '../../../src/engine/core/network';
import { GradientProbe } from '../../../src/engine/core/probe';
import { createRng } from '../../../src/engine/core/rng';

/** Central finite difference of the chain's cost in one parameter, float64. */
function numericGrad(p: ChainParams, which: 'w' | 'b', j: number, h = 1e-6): number {
  const bump = (d: number): ChainParams => {
    const w = [...p.w];
    const b = [...p.b];
    (which === 'w' ? w : b)[j] += d;
    return { ...p, w, b };
  };
  return (forwardChain(bump(h)).cost - forwardChain(bump(-h)).cost) / (2 * h);
}

const EXAMPLES: ChainParams[] = [
  { w: [0.5, -1.2, 0.8, 1.7], b: [0.1, 0.3, -0.6, 0.2], a0: 1, y: 0 },
  { w: [2, 3, -2.5, 1], b: [-1, -1.5, 1, 0], a0: 0.3, y: 0.7 },
  { w: [-0.2, 0.9, 0.4, -1.1], b: [1.3, -0.4, 0.05, 0.6], a0: 0.8, y: 1 },
];

describe('the four-neuron chain (eqs. 114-122)', () => {
  it('backpropagated ∂C/∂bⱼ and ∂C/∂wⱼ agree with central finite differences', () => {
    for (const p of EXAMPLES) {
      const g = chainGradients(p);
      for (let j = 0; j < CHAIN_LENGTH; j++) {
        const nb = numericGrad(p, 'b', j);
        const nw = numericGrad(p, 'w', j);
        expect(Math.abs(g.gradB[j] - nb)).toBeLessThan(1e-9 + 1e-6 * Math.abs(nb));
        expect(Math.abs(g.gradW[j] - nw)).toBeLessThan(1e-9 + 1e-6 * Math.abs(nw));
      }
    }
  });

  it('∂C/∂b₁ is the product of the five factors of eq. 122, and the running product ends there', () => {
    const p = EXAMPLES[0];
    const g = chainGradients(p);
    const sp = g.z.map((z) => activationFn('sigmoid').fPrime(z));
    const expected = sp[0] * p.w[1] * sp[1] * p.w[2] * sp[2] * p.w[3] * sp[3] * (g.a[3] - p.y);
    expect(g.factors).toHaveLength(5);
    expect(g.factors[0]).toBe(sp[0]);
    expect(g.factors[2]).toBeCloseTo(p.w[2] * sp[2], 15);
    expect(g.factors[4]).toBe(g.a[3] - p.y);
    expect(g.gradB[0]).toBeCloseTo(expected, 15);
    expect(g.runningProducts[4]).toBeCloseTo(expected, 15);
    expect(g.runningProducts[1]).toBeCloseTo(sp[0] * p.w[1] * sp[1], 15);
    // ∂C/∂b₃ shares the last factors with ∂C/∂b₁ and lacks σ′(z₁)w₂σ′(z₂)/σ′(z₃)·w₃ (fig. 11's comparison)
    expect(g.gradB[2]).toBeCloseTo(sp[2] * p.w[3] * sp[3] * (g.a[3] - p.y), 15);
  });

  it('the exploding recipe puts every zⱼ at 0, every factor wⱼσ′(zⱼ) at 25, and ∂C/∂b₁ = 25³·∂C/∂b₄', () => {
    for (const a0 of [1, 0.37, 0]) {
      const p = explodingRecipe(a0, 0);
      expect(p.w).toEqual([100, 100, 100, 100]);
      expect(p.b.slice(1)).toEqual([-50, -50, -50]);
      const g = chainGradients(p);
      for (const z of g.z) expect(Math.abs(z)).toBeLessThan(1e-12);
      for (const f of g.factors.slice(1, 4)) expect(f).toBeCloseTo(25, 9);
      expect(g.gradB[0] / g.gradB[3]).toBeCloseTo(25 ** 3, 4);
      expect(g.gradB[1] / g.gradB[3]).toBeCloseTo(25 ** 2, 6);
      // a₄ = ½ and y = 0: ∂C/∂b₄ = σ′(0)·½ = 1/8
      expect(g.gradB[3]).toBeCloseTo(0.125, 12);
    }
  });

  it('standard init draws N(0,1) weights and biases from the seed, rounded to the slider step', () => {
    const p = standardInit(createRng(1), 1, 0);
    const q = standardInit(createRng(1), 1, 0);
    expect(q).toEqual(p);
    expect(standardInit(createRng(2), 1, 0)).not.toEqual(p);
    for (const v of [...p.w, ...p.b]) expect(Math.round(v * 100) / 100).toBe(v);
    // Over many seeds the factors |wⱼσ′(zⱼ)| fall below 1/4 (the chapter's observation) far more often than not,
    // and ∂C/∂b₁ is smaller than ∂C/∂b₄ in most draws.
    let below = 0;
    let total = 0;
    let vanishing = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const g = chainGradients(standardInit(createRng(seed), 1, 0));
      for (const f of g.factors.slice(1, 4)) {
        total++;
        if (Math.abs(f) < 0.25) below++;
      }
      if (Math.abs(g.gradB[0]) < Math.abs(g.gradB[3])) vanishing++;
    }
    expect(below / total).toBeGreaterThan(0.75);
    expect(vanishing / 400).toBeGreaterThan(0.9);
  });

  it('names the bad parameter', () => {
    expect(() => forwardChain({ w: [1, Number.NaN, 1, 1], b: [0, 0, 0, 0], a0: 1, y: 0 })).toThrow('w2 must be a finite number, got NaN');
    expect(() => forwardChain({ w: [1, 1, 1, 1], b: [0, 0, 0, 0], a0: Infinity, y: 0 })).toThrow('a0 must be a finite number');
    expect(() => forwardChain({ w: [1, 1, 1], b: [0, 0, 0, 0], a0: 1, y: 0 })).toThrow('expected 4 weights');
  });

  it('matches the general engine on a [1,1,1,1,1] network with sigmoid output and quadratic cost', () => {
    // The engine's targets are one-hot labels: with a single output neuron, label 0 means y = 1.
    // Its inputs are bytes / 255, so a₀ = 255/255 = 1. The probe reports ∂C/∂b of the hidden neurons (b₁..b₃).
    const p: ChainParams = { w: [0.5, -1.2, 0.8, 1.7], b: [0.1, 0.3, -0.6, 0.2], a0: 1, y: 1 };
    const net = new Network({ layers: [1, 1, 1, 1, 1], output: 'sigmoid', cost: 'quadratic' });
    for (let l = 0; l < 4; l++) {
      net.weights[l][0] = p.w[l];
      net.biases[l][0] = p.b[l];
    }
    const out = new Float32Array(1);
    net.feedforward(Float32Array.of(1), out);
    const g = chainGradients(p);
    expect(out[0]).toBeCloseTo(g.a[3], 6);
    const probe = new GradientProbe(net, { inputs: Uint8Array.of(255), labels: Uint8Array.of(0), inputSize: 1, count: 1 }, 1);
    const r = probe.run();
    for (let j = 0; j < 3; j++) expect(Math.abs(r.gradB[j] - g.gradB[j])).toBeLessThan(1e-6 * Math.max(1, Math.abs(g.gradB[j])));
    for (let j = 0; j < 3; j++) expect(r.meanActivationPrime[j][0]).toBeCloseTo(g.sigmaPrime[j], 6);
  });
});
