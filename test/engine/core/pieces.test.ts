import { afterEach, describe, expect, it } from 'vitest';
import { ActivationStats, GradientProbe, GradientSum, LayerFactorNorms, Network, createRng, sortPieces } from '../../../src/engine';
import { finish, PieceMeter, unlimitedMeter, type Pieces } from '../../../src/engine/core/pieces';
import { setSimdEnabled, simdAvailable } from '../../../src/engine/wasm/simd';
import { syntheticSamples } from '../../worker/harness';

const LAYERS = [784, 96, 80, 64, 10];
const IMAGES = 120;

function network(seed = 3): Network {
  const net = new Network({ layers: LAYERS });
  net.initialize('default', createRng(seed));
  return net;
}

/** Drives `pieces` to the end, counting the yields. */
function drive<T>(pieces: Pieces<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = pieces.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

/** A meter small enough that every computation below is cut into many pieces. */
const smallMeter = () => new PieceMeter(200_000);

afterEach(() => setSimdEnabled(true));

describe('the meter', () => {
  it('says a piece is full once its work reaches the limit, and sizes row ranges to fit', () => {
    const meter = new PieceMeter(100);
    expect(meter.spend(60)).toBe(false);
    expect(meter.spend(50)).toBe(true);
    expect(meter.spend(99)).toBe(false);
    expect(meter.pieces).toBe(1);
    expect(meter.largestPiece).toBe(110);
    expect(meter.rowsPerPiece(7)).toBe(14);
    expect(meter.rowsPerPiece(7, 8)).toBe(8);
    expect(meter.rowsPerPiece(1000, 8)).toBe(8); // never fewer than one group of rows
    expect(unlimitedMeter().rowsPerPiece(1e12, 8)).toBeGreaterThan(1e9);
    expect(() => new PieceMeter(0)).toThrow(/positive/);
  });
});

describe.each(simdAvailable() ? [true, false] : [false])('computations in pieces equal them in one piece (SIMD %s)', (simd) => {
  it('the gradient probe: the same bits, in many pieces', () => {
    setSimdEnabled(simd);
    const samples = syntheticSamples(IMAGES, 21);
    const whole = new GradientProbe(network(), samples).run();
    const sliced = new GradientProbe(network(), samples);
    const meter = smallMeter();
    const { value, yields } = drive(sliced.runPieces(meter));
    expect(yields).toBeGreaterThan(4);
    expect(Array.from(value.gradB)).toEqual(Array.from(whole.gradB));
    expect(Array.from(value.layerNorms)).toEqual(Array.from(whole.layerNorms));
    for (let h = 0; h < whole.meanActivationPrime.length; h++) {
      expect(Array.from(value.meanActivationPrime[h])).toEqual(Array.from(whole.meanActivationPrime[h]));
      expect(Array.from(value.meanActivation[h])).toEqual(Array.from(whole.meanActivation[h]));
    }
  });

  it('the activation statistics and the sort under them', () => {
    setSimdEnabled(simd);
    const samples = syntheticSamples(IMAGES, 22);
    const net = network();
    const probe = new GradientProbe(net, samples);
    probe.run();
    const source = (h: number) => probe.hiddenActivations(h);
    const whole = structuredClone(new ActivationStats(net, samples, IMAGES).measure(source));
    const { value, yields } = drive(new ActivationStats(net, samples, IMAGES).measurePieces(source, smallMeter()));
    expect(yields).toBeGreaterThan(2);
    expect(value).toEqual(whole);
  });

  it('a gradient summed block by block in pieces, then one step', () => {
    setSimdEnabled(simd);
    const samples = syntheticSamples(IMAGES, 23);
    const order = Uint32Array.from({ length: IMAGES }, (_, i) => i);
    const opts = { eta: 0.5, lambda: 1, trainingSize: 1000 };
    const a = network();
    const b = network();
    const sumA = new GradientSum(a, 40);
    const sumB = new GradientSum(b, 40);
    let yields = 0;
    for (let off = 0; off < IMAGES; off += 40) {
      sumA.add(samples, order, off, 40);
      yields += drive(sumB.addPieces(samples, order, off, 40, smallMeter())).yields;
    }
    expect(yields).toBeGreaterThan(3);
    expect(sumB.apply(opts)).toBe(sumA.apply(opts));
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
  });
});

describe('eq. 124 in pieces', () => {
  it('gives the same norms, cut between Lanczos steps', () => {
    const net = network(5);
    const sigmaPrime = LAYERS.slice(1, -1).map((n, h) => Float32Array.from({ length: n }, (_, j) => 0.05 + ((j * 7 + h) % 19) / 100));
    const whole = new LayerFactorNorms(net).compute(sigmaPrime).slice();
    const { value, yields } = drive(new LayerFactorNorms(net).computePieces(sigmaPrime, new PieceMeter(50_000)));
    expect(yields).toBeGreaterThan(5);
    expect(Array.from(value)).toEqual(Array.from(whole));
  });
});

describe('sortPieces', () => {
  it('sorts exactly as Float32Array.prototype.sort, −0, +0 and NaN included, across many runs', () => {
    const rng = createRng(9);
    const n = (1 << 17) * 3 + 12_345; // several sorting runs and an odd tail
    const values = new Float32Array(n);
    for (let t = 0; t < n; t++) {
      const u = rng.uniform();
      values[t] = u < 0.01 ? Number.NaN : u < 0.03 ? -0 : u < 0.05 ? 0 : rng.uniform() * 2 - 1;
    }
    const expected = values.slice().sort();
    const meter = new PieceMeter(1_000_000);
    finish(sortPieces(values, new Float32Array(n), meter));
    expect(meter.pieces).toBeGreaterThan(3);
    const same = values.every((v, t) => Object.is(v, expected[t]));
    expect(same).toBe(true);
  });
});

describe('drawing the weights in pieces', () => {
  it('draws the same numbers from the same seed, for every initialiser', () => {
    for (const init of ['default', 'xavier', 'glorot-standard'] as const) {
      const whole = new Network({ layers: LAYERS });
      whole.initialize(init, createRng(17));
      const sliced = new Network({ layers: LAYERS });
      const { yields } = drive(sliced.initializePieces(init, createRng(17), new PieceMeter(200_000)));
      expect(yields).toBeGreaterThan(5);
      expect(Array.from(sliced.params)).toEqual(Array.from(whole.params));
    }
  });
});
