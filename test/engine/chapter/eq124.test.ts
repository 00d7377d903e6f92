import { describe, expect, it } from 'vitest';
import { LayerFactorNorms, largestTridiagonalEigenvalue, type LayeredWeights } from '../../../src/engine/chapter/eq124';
import { Network } from '../../../src/engine/core/network';
import { GradientProbe } from '../../../src/engine/core/probe';
import { createRng } from '../../../src/engine/core/rng';

/** Eigenvalues of a symmetric matrix (row-major n×n) by cyclic Jacobi rotations, in float64. */
function symmetricEigenvalues(a: Float64Array, n: number): number[] {
  const m = Float64Array.from(a);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p];
          const akq = m[k * n + q];
          m[k * n + p] = c * akp - s * akq;
          m[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k];
          const aqk = m[q * n + k];
          m[p * n + k] = c * apk - s * aqk;
          m[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => m[i * n + i]);
}

/** Dense reference: M = diag(s) Wᵀ (nIn × nOut); ‖M‖₂ = √λ_max(MᵀM), ‖M‖_F from the entries. */
function reference(w: Float32Array, nIn: number, nOut: number, s: ArrayLike<number>) {
  const m = (i: number, j: number) => s[i] * w[j * nIn + i];
  const mtm = new Float64Array(nOut * nOut);
  let frob = 0;
  for (let a = 0; a < nOut; a++) {
    for (let b = 0; b < nOut; b++) {
      let acc = 0;
      for (let i = 0; i < nIn; i++) acc += m(i, a) * m(i, b);
      mtm[a * nOut + b] = acc;
    }
  }
  for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) frob += m(i, j) ** 2;
  const lambdaMax = Math.max(...symmetricEigenvalues(mtm, nOut));
  return { spectral: Math.sqrt(lambdaMax), frobenius: Math.sqrt(frob) };
}

function randomNet(layers: number[], seed: number, scale = 1): LayeredWeights {
  const rng = createRng(seed);
  const weights = layers.slice(0, -1).map((nIn, l) => {
    const w = new Float32Array(nIn * layers[l + 1]);
    for (let k = 0; k < w.length; k++) w[k] = scale * rng.normal();
    return w;
  });
  return { layers, weights };
}

function randomPrimes(layers: number[], seed: number): Float32Array[] {
  const rng = createRng(seed);
  return layers.slice(1, -1).map((n) => Float32Array.from({ length: n }, () => 0.25 * rng.uniform()));
}

describe('LayerFactorNorms (eq. 124)', () => {
  it('matches the dense eigenvalue computation on small random layers', () => {
    for (const [seed, layers] of [
      [1, [6, 5, 4, 3]],
      [2, [3, 7, 2, 8, 5]],
      [3, [10, 12, 9, 10]],
      [4, [4, 1, 6, 2]],
    ] as [number, number[]][]) {
      const net = randomNet(layers, seed);
      const primes = randomPrimes(layers, seed + 100);
      const norms = new LayerFactorNorms(net);
      const got = norms.compute(primes);
      expect(got.length).toBe(layers.length - 2);
      for (let h = 1; h <= layers.length - 2; h++) {
        const ref = reference(net.weights[h], layers[h], layers[h + 1], primes[h - 1]);
        expect(got[h - 1]).toBeGreaterThan(0);
        expect(Math.abs(got[h - 1] - ref.spectral) / ref.spectral).toBeLessThan(1e-8);
        expect(Math.abs(norms.frobenius[h - 1] - ref.frobenius) / ref.frobenius).toBeLessThan(1e-12);
        expect(got[h - 1]).toBeLessThanOrEqual(norms.frobenius[h - 1] * (1 + 1e-12));
      }
    }
  });

  it('gives 25 for the exploding recipe: W = 100·I and σ′ = 1/4 (each factor wσ′ = 25)', () => {
    const layers = [3, 4, 4, 2];
    const weights = layers.slice(0, -1).map((nIn, l) => {
      const nOut = layers[l + 1];
      const w = new Float32Array(nIn * nOut);
      for (let j = 0; j < Math.min(nIn, nOut); j++) w[j * nIn + j] = 100;
      return w;
    });
    const primes = [new Float32Array(4).fill(0.25), new Float32Array(4).fill(0.25)];
    const got = new LayerFactorNorms({ layers, weights }).compute(primes);
    expect(got[0]).toBeCloseTo(25, 10);
    expect(got[1]).toBeCloseTo(25, 10);
  });

  it('is below 1/4 · ‖W‖₂ and shrinks with σ′: standard-normal 30×30 weights in a saturated layer', () => {
    const layers = [5, 30, 30, 10];
    const net = randomNet(layers, 7);
    const norms = new LayerFactorNorms(net);
    const full = Array.from(norms.compute([new Float32Array(30).fill(0.25), new Float32Array(30).fill(0.25)]));
    const saturated = Array.from(norms.compute([new Float32Array(30).fill(0.01), new Float32Array(30).fill(0.01)]));
    for (let h = 0; h < 2; h++) expect(saturated[h]).toBeCloseTo(full[h] * 0.04, 8);
    const ref = reference(net.weights[1], 30, 30, new Float32Array(30).fill(0.25));
    expect(full[0]).toBeCloseTo(ref.spectral, 6);
  });

  it('gives the same numbers on every call (deterministic start vector)', () => {
    const layers = [4, 20, 15, 3];
    const net = randomNet(layers, 11);
    const primes = randomPrimes(layers, 12);
    const a = Array.from(new LayerFactorNorms(net).compute(primes));
    const norms = new LayerFactorNorms(net);
    norms.compute(randomPrimes(layers, 99));
    const b = Array.from(norms.compute(primes));
    expect(b).toEqual(a);
  });

  it('returns 0 for an all-zero σ′ and NaN for non-finite input', () => {
    const layers = [2, 3, 2];
    const net = randomNet(layers, 5);
    const norms = new LayerFactorNorms(net);
    expect(norms.compute([new Float32Array(3)])[0]).toBe(0);
    expect(norms.compute([Float32Array.of(0.1, Number.NaN, 0.2)])[0]).toBeNaN();
  });

  it('names the mismatch when the σ′ arrays do not fit the network', () => {
    const norms = new LayerFactorNorms(randomNet([2, 3, 4, 2], 1));
    expect(() => norms.compute([new Float32Array(3)])).toThrow('eq. 124 needs mean σ′ for 2 hidden layers, got 1');
    expect(() => norms.compute([new Float32Array(3), new Float32Array(5)])).toThrow(
      'hidden layer 2 has 4 neurons but 5 mean σ′ values were given',
    );
    expect(() => new LayerFactorNorms(randomNet([2, 3, 2], 1), { iterations: 0 })).toThrow('got 0');
  });

  it('keeps working after its result buffer was transferred away (detached)', () => {
    const layers = [2, 3, 2];
    const net = randomNet(layers, 5);
    const norms = new LayerFactorNorms(net);
    const primes = [Float32Array.of(0.2, 0.1, 0.25)];
    const first = norms.compute(primes)[0];
    const buf = norms.compute(primes);
    structuredClone(buf.buffer, { transfer: [buf.buffer] });
    expect(buf.length).toBe(0);
    expect(norms.compute(primes)[0]).toBe(first);
  });

  it('bounds how much δ can grow from one hidden layer to the previous in a real network (one-example probe)', () => {
    // With a single probe example the mean σ′ is that example's σ′, eq. 124 holds exactly, and
    // ‖δʰ‖ ≤ ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ ‖δʰ⁺¹‖ for consecutive hidden layers.
    for (const seed of [1, 2, 3]) {
      const layers = [6, 8, 7, 5, 3];
      const net = new Network({ layers });
      net.initialize('large', createRng(seed));
      const rng = createRng(seed + 50);
      const probe = {
        inputs: Uint8Array.from({ length: 6 }, () => Math.floor(rng.uniform() * 256)),
        labels: Uint8Array.of(seed % 3),
        inputSize: 6,
        count: 1,
      };
      const r = new GradientProbe(net, probe, 1).run();
      const norms = new LayerFactorNorms(net).compute(r.meanActivationPrime);
      for (let h = 1; h < net.numHidden; h++) {
        expect(r.layerNorms[h - 1]).toBeLessThanOrEqual(norms[h - 1] * r.layerNorms[h] * (1 + 1e-5));
        expect(r.layerNorms[h - 1]).toBeGreaterThan(0);
      }
      for (let h = 1; h <= net.numHidden; h++) {
        const ref = reference(net.weights[h], layers[h], layers[h + 1], r.meanActivationPrime[h - 1]);
        expect(norms[h - 1]).toBeCloseTo(ref.spectral, 8);
      }
    }
  });

  it('converges on wide layers whose top singular values crowd together (160 → 120 → 140)', () => {
    const layers = [4, 160, 120, 140, 3];
    const net = randomNet(layers, 21, 1 / Math.sqrt(120));
    const primes = randomPrimes(layers, 22);
    const got = new LayerFactorNorms(net).compute(primes);
    for (let h = 1; h <= 2; h++) {
      const ref = reference(net.weights[h], layers[h], layers[h + 1], primes[h - 1]);
      expect(Math.abs(got[h - 1] - ref.spectral) / ref.spectral).toBeLessThan(1e-6);
    }
  });

  it('finds the largest eigenvalue of a tridiagonal matrix', () => {
    const rng = createRng(8);
    for (const m of [1, 2, 5, 12]) {
      const alpha = Array.from({ length: m }, () => rng.normal() * 3);
      const beta = Array.from({ length: m }, () => rng.normal());
      const dense = new Float64Array(m * m);
      for (let i = 0; i < m; i++) {
        dense[i * m + i] = alpha[i];
        if (i + 1 < m) dense[i * m + i + 1] = dense[(i + 1) * m + i] = beta[i];
      }
      const expected = Math.max(...symmetricEigenvalues(dense, m));
      expect(largestTridiagonalEigenvalue(alpha, beta, m)).toBeCloseTo(expected, 10);
    }
    expect(largestTridiagonalEigenvalue([], [], 0)).toBe(0);
    expect(largestTridiagonalEigenvalue([Number.NaN], [0], 1)).toBeNaN();
  });
});
