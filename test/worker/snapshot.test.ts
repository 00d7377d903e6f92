import { describe, expect, it } from 'vitest';
import type { ActivationStatsResult, ProbeResult } from '../../src/engine';
import { assembleSnapshot, batchesPerEpoch, findNonFinite, meanPerLayer } from '../../src/worker/snapshot';

/** A probe of two hidden layers, 2 and 3 neurons wide. */
function probeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    gradB: Float32Array.from([3, 4, 1, 2, 2]),
    hiddenOffsets: [0, 2, 5],
    layerNorms: Float64Array.from([5, 3]),
    meanActivation: [Float32Array.from([0.5, 0.5]), Float32Array.from([0.5, 0.5, 0.5])],
    meanActivationPrime: [Float32Array.from([0.25, 0.125]), Float32Array.from([0.25, 0.25, 0.25])],
    ...overrides,
  };
}

/** The activation statistics of the same two layers. */
function statsResult(overrides: Partial<ActivationStatsResult> = {}): ActivationStatsResult {
  return {
    mean: Float64Array.from([0.5, 0.3]),
    p02: Float64Array.from([0.1, 0.01]),
    p50: Float64Array.from([0.5, 0.2]),
    p98: Float64Array.from([0.9, 0.99]),
    saturatedShare: Float64Array.from([0.5, 0]),
    histogram: Float64Array.from([0.5, 0.5, 0.25, 0.75]),
    histogramRange: Float64Array.from([0, 1, 0, 1]),
    ...overrides,
  };
}

const header = { runId: 7, epoch: 2, batch: 40, batchesPerEpoch: 5000, examplesPerSecond: 1234 };

describe('meanPerLayer', () => {
  it('averages each layer and counts an empty layer as 0', () => {
    expect(Array.from(meanPerLayer([Float32Array.from([1, 2, 3]), new Float32Array(0), Float32Array.from([0.25])]))).toEqual([2, 0, 0.25]);
  });
});

describe('findNonFinite', () => {
  const finite = { meanPrime: Float64Array.from([0.2, 0.2]), factors: Float64Array.from([1, 1]) };

  it('finds nothing in a healthy probe', () => {
    expect(findNonFinite(probeResult(), finite.meanPrime, finite.factors)).toBeNull();
  });

  it("skips eq. 124's factor where a skip or layer normalisation makes it not applicable, and only there", () => {
    const factors = Float64Array.from([Number.NaN, 1]);
    expect(findNonFinite(probeResult(), finite.meanPrime, factors, [false, true])).toBeNull();
    expect(findNonFinite(probeResult(), finite.meanPrime, factors, [true, true])).toBe(
      'the weights feeding hidden layer 2 became NaN (not a number)',
    );
  });

  it('names the layer of a non-finite ‖δ‖ first, with a superscript', () => {
    const result = probeResult({ layerNorms: Float64Array.from([5, Number.NaN]), gradB: Float32Array.from([Infinity, 0, 0, 0, 0]) });
    expect(findNonFinite(result, finite.meanPrime, finite.factors)).toBe('the gradient of hidden layer 2, ‖δ²‖, became NaN (not a number)');
  });

  it('then a single ∂C/∂b, then the activations, then the weights', () => {
    expect(findNonFinite(probeResult({ gradB: Float32Array.from([0, -Infinity, 0, 0, 0]) }), finite.meanPrime, finite.factors)).toBe(
      'the gradient ∂C/∂b became infinite',
    );
    expect(findNonFinite(probeResult(), Float64Array.from([0.2, Number.NaN]), Float64Array.from([Infinity, 1]))).toBe(
      'the hidden activations became NaN (not a number)',
    );
    expect(findNonFinite(probeResult(), finite.meanPrime, Float64Array.from([1, Infinity]))).toBe(
      'the weights feeding hidden layer 3 became infinite',
    );
  });
});

describe('batchesPerEpoch', () => {
  it('is one full batch in learning-speed mode and rounds a short last batch up in SGD mode', () => {
    expect(batchesPerEpoch('learning-speed', 10, 50_000)).toBe(1);
    expect(batchesPerEpoch('sgd', 10, 50_000)).toBe(5000);
    expect(batchesPerEpoch('sgd', 32, 200)).toBe(7);
    expect(batchesPerEpoch('sgd', 10, null)).toBe(5000);
  });
});

describe('assembleSnapshot', () => {
  it('carries copies of the probe, the per-layer means and the header, with every buffer to transfer', () => {
    const result = probeResult();
    const factorNorms = Float64Array.from([0.5, 0.75]);
    const stats = statsResult();
    const outcome = assembleSnapshot(result, stats, factorNorms, header);
    if (!outcome.ok) throw new Error(outcome.what.kind);
    const s = outcome.snapshot;
    expect(s).toMatchObject({ type: 'snapshot', ...header, hiddenOffsets: [0, 2, 5] });
    expect(Array.from(s.gradB)).toEqual([3, 4, 1, 2, 2]);
    expect(Array.from(s.layerNorms)).toEqual([5, 3]);
    expect(Array.from(s.meanActivationPrime)).toEqual([0.1875, 0.25]);
    expect(s.factorNorms).toBe(factorNorms);
    // Copies: the probe reuses its buffers for the next probe.
    expect(s.gradB).not.toBe(result.gradB);
    expect(s.layerNorms).not.toBe(result.layerNorms);
    expect(s.hiddenOffsets).not.toBe(result.hiddenOffsets);
    expect(Array.from(s.saturatedShare)).toEqual([0.5, 0]);
    expect(Array.from(s.activationMean)).toEqual([0.5, 0.3]);
    expect(Array.from(s.activationP02)).toEqual([0.1, 0.01]);
    expect(Array.from(s.activationP50)).toEqual([0.5, 0.2]);
    expect(Array.from(s.activationP98)).toEqual([0.9, 0.99]);
    expect(Array.from(s.activationHistogram)).toEqual([0.5, 0.5, 0.25, 0.75]);
    expect(s.activationMean).not.toBe(stats.mean);
    expect(s.activationHistogram).not.toBe(stats.histogram);
    expect(outcome.transfer).toEqual([
      s.gradB.buffer,
      s.layerNorms.buffer,
      s.meanActivationPrime.buffer,
      s.saturatedShare.buffer,
      s.activationMean.buffer,
      s.activationP02.buffer,
      s.activationP50.buffer,
      s.activationP98.buffer,
      s.activationHistogram.buffer,
      s.histogramRange.buffer,
      factorNorms.buffer,
    ]);
  });

  it('never builds a snapshot holding a non-finite value', () => {
    const outcome = assembleSnapshot(
      probeResult({ gradB: Float32Array.from([0, 0, Number.NaN, 0, 0]) }),
      statsResult(),
      Float64Array.from([1, 1]),
      header,
    );
    expect(outcome).toEqual({ ok: false, what: { kind: 'bias-gradient', became: 'nan' } });
    const nanActivation = assembleSnapshot(
      probeResult(),
      statsResult({ mean: Float64Array.from([0.5, Number.NaN]) }),
      Float64Array.from([1, 1]),
      header,
    );
    expect(nanActivation).toEqual({ ok: false, what: { kind: 'activations' } });
  });
});
