/**
 * The cures with every activation and initialiser, in both modes: each combination configures, probes, trains a
 * few steps and reports bars, norms and eq. 124's table the page can show — finite numbers, and "not applicable"
 * (NaN) exactly where eq. 124's factor does not carry δ back.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, INITIALISERS } from '../../src/engine';
import type { TrainingMode } from '../../src/config';
import { baseConfig, createHarness, ManualSource, ofType, settle, syntheticSplit } from './harness';

const CURES = [
  { residual: true, normalisation: 'none' as const },
  { residual: false, normalisation: 'layer' as const },
  { residual: true, normalisation: 'layer' as const },
];
const MODES: TrainingMode[] = ['learning-speed', 'sgd'];
const LAYERS = [784, 8, 8, 8, 10];

const cases = CURES.flatMap((cure) =>
  ACTIVATIONS.flatMap((activation) => INITIALISERS.flatMap((init) => MODES.map((mode) => ({ ...cure, activation, init, mode })))),
);

describe('the cures with every activation, initialiser and mode', () => {
  it.each(cases)('residual $residual, normalisation $normalisation, $activation, $init, $mode', async (c) => {
    const source = new ManualSource(syntheticSplit(200, 50));
    const h = createHarness(source.load);
    const config = baseConfig({
      layers: LAYERS,
      mode: c.mode,
      activation: c.activation,
      init: c.init,
      residual: c.residual,
      normalisation: c.normalisation,
      // The large initialiser with ReLU grows activations with depth; a small step keeps every run finite.
      eta: 0.01,
      batchSize: 10,
      epochs: c.mode === 'sgd' ? 30 : 500,
    });
    h.send({ type: 'configure', runId: 1, config });
    source.deliverProbe();
    source.deliverAll();
    await settle();
    h.send({ type: 'step', runId: 1, count: 2 });
    h.scheduler.flush();
    h.send({ type: 'measure-seeds', runId: 1, count: 2 });
    h.scheduler.flush();
    const messages = h.take();
    expect(ofType(messages, 'error')).toEqual([]);
    expect(ofType(messages, 'diverged')).toEqual([]);
    const snapshots = h.snapshots(messages);
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    for (const snap of snapshots) {
      expect(snap.layerNorms).toHaveLength(3);
      for (const v of snap.layerNorms) expect(Number.isFinite(v)).toBe(true);
      for (const g of snap.gradB) expect(Number.isFinite(g)).toBe(true);
      // Eq. 124: not applicable under normalisation, nor just below a layer with a skip (hidden layers 1 and 2).
      const applicable = Array.from(snap.factorNorms, (f) => !Number.isNaN(f));
      const expected = [1, 2, 3].map((h) => c.normalisation === 'none' && !(c.residual && h < 3));
      expect(applicable).toEqual(expected);
      for (const f of snap.factorNorms) if (!Number.isNaN(f)) expect(f).toBeGreaterThanOrEqual(0);
    }
    // Training moved the network: the last probe differs from the first.
    expect(Array.from(snapshots[snapshots.length - 1].gradB)).not.toEqual(Array.from(snapshots[0].gradB));
    const seeds = ofType(messages, 'seed-norms');
    expect(seeds).toHaveLength(1);
    expect(seeds[0].norms[0]).toEqual(Array.from(snapshots[0].layerNorms));
  });
});
