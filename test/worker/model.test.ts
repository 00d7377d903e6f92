import { describe, expect, it } from 'vitest';
import {
  beginValidation,
  buildModel,
  epochMeanCost,
  prepareModel,
  prepareValidation,
  switchPresetPieces,
  trainFullBatch,
  trainMiniBatch,
  validateSlice,
  VALIDATION_SLICE,
} from '../../src/worker/model';
import { evaluate, finish, PieceMeter, unlimitedMeter } from '../../src/engine';
import { baseConfig, syntheticSamples, syntheticSplit } from './harness';

const weights = (m: ReturnType<typeof buildModel>) => Array.from(m.net.params);

describe('the model of one run', () => {
  it('builds the network with the cures the configuration asks for', () => {
    const m = buildModel(baseConfig({ layers: [784, 30, 30, 10], residual: true, normalisation: 'layer' }));
    expect(m.net.residual).toBe(true);
    expect(m.net.normalisation).toBe('layer');
    expect(m.factors.applicable).toEqual([false, false]);
    const plain = buildModel(baseConfig({ layers: [784, 30, 30, 10] }));
    expect(plain.net.cured).toBe(false);
  });

  it('is not ready until the probe images are here; then it has weights from the seed and an identity order', () => {
    const probe = syntheticSamples(40, 3);
    const a = buildModel(baseConfig({ seed: 5 }));
    expect(a.ready).toBe(false);
    expect(a.probe).toBeNull();
    prepareModel(a, probe);
    expect(a.ready).toBe(true);
    expect(a.probe?.count).toBe(40);
    expect(Array.from(a.order!)).toEqual([...Array(40).keys()]);
    const b = buildModel(baseConfig({ seed: 5 }));
    prepareModel(b, probe);
    expect(weights(b)).toEqual(weights(a));
  });

  it('counts one epoch per full-batch step and returns a finite cost', () => {
    const probe = syntheticSamples(40, 3);
    const m = buildModel(baseConfig());
    prepareModel(m, probe);
    const cost = trainFullBatch(m, probe);
    expect(Number.isFinite(cost)).toBe(true);
    expect(m.epoch).toBe(1);
    expect(m.batch).toBe(0);
  });

  it('walks an SGD epoch batch by batch, ends probe intervals and the epoch, and averages the cost', () => {
    const { training } = syntheticSplit(25, 0);
    const m = buildModel(baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 2 }));
    prepareModel(m, syntheticSamples(10, 3));
    const steps = [trainMiniBatch(m, training), trainMiniBatch(m, training), trainMiniBatch(m, training)];
    expect(steps.map((s) => s.size)).toEqual([10, 10, 5]);
    expect(steps.map((s) => [s.endOfInterval, s.endOfEpoch])).toEqual([
      [false, false],
      [true, false],
      [false, true], // the short last batch ends the epoch, and with it the interval
    ]);
    expect([m.epoch, m.batch]).toEqual([1, 0]);
    const expected = (steps[0].cost * 10 + steps[1].cost * 10 + steps[2].cost * 5) / 25;
    expect(epochMeanCost(m)).toBeCloseTo(expected, 12);
    // Every image once per epoch, in a shuffled order.
    expect([...m.order!].sort((x, y) => x - y)).toEqual([...Array(25).keys()]);
  });

  it('validates a slice at a time and reports the accuracy after the last one', () => {
    const validation = syntheticSamples(VALIDATION_SLICE + 10, 4);
    const m = buildModel(baseConfig({ mode: 'sgd' }));
    prepareModel(m, syntheticSamples(10, 3));
    expect(beginValidation(m, validation)).toBe(true);
    expect(validateSlice(m, validation)).toBeNull();
    expect(m.validated).toBe(VALIDATION_SLICE);
    const accuracy = validateSlice(m, validation);
    expect(accuracy).toBeGreaterThanOrEqual(0);
    expect(accuracy).toBeLessThanOrEqual(1);
    expect(accuracy! * validation.count).toBeCloseTo(Math.round(accuracy! * validation.count), 9);
    expect(m.validated).toBe(-1);
    expect(beginValidation(m, syntheticSamples(0, 4))).toBe(false);
  });

  it('takes in the weights once per validation, in pieces, and counts as a one-shot evaluation does', () => {
    const validation = syntheticSamples(45, 6);
    const m = buildModel(baseConfig({ mode: 'sgd', layers: [784, 60, 40, 10] }));
    prepareModel(m, syntheticSamples(10, 3));
    m.validationSlice = 7;
    const expected = evaluate(m.net, validation).accuracy;
    expect(beginValidation(m, validation)).toBe(true);
    const meter = new PieceMeter(1);
    const pieces = prepareValidation(m, meter);
    let yields = 0;
    while (!pieces.next().done) yields++;
    expect(yields).toBe(3); // a piece per layer's copy
    expect(m.validationPrepared).toBe(true);
    let accuracy: number | null = null;
    let slices = 0;
    while (accuracy === null) {
      accuracy = validateSlice(m, validation);
      slices++;
    }
    expect(slices).toBe(7);
    expect(accuracy).toBe(expected);
    // The next validation takes in the weights afresh.
    beginValidation(m, validation);
    expect(m.validationPrepared).toBe(false);
  });

  it('switching the preset off gives back the seeded weights; on changes them; both restart the counters', () => {
    const probe = syntheticSamples(40, 3);
    const m = buildModel(baseConfig());
    prepareModel(m, probe);
    const seeded = weights(m);
    trainFullBatch(m, probe);
    m.config.exploding = true;
    finish(switchPresetPieces(m, probe, unlimitedMeter()));
    expect(m.epoch).toBe(0);
    expect(weights(m)).not.toEqual(seeded);
    m.config.exploding = false;
    finish(switchPresetPieces(m, probe, unlimitedMeter()));
    expect(weights(m)).toEqual(seeded);
  });
});
