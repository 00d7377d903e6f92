import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/config';
import type { FromWorker } from '../../src/worker/protocol';
import { checkConfig } from '../../src/worker/acceptConfig';
import { FULL_SPEED_SNAPSHOT_GAP_MS } from '../../src/worker/schedule';
import { buildModel, prepareModel } from '../../src/worker/model';
import { takeSnapshot } from '../../src/worker/snapshot';
import { baseConfig, createHarness, ofType, settle, syntheticSplit, type Harness } from './harness';

/**
 * A network whose learning-speed epoch is ten blocks of 20 probe images (200 images), about five pieces of
 * work (core/pieces.ts), on a clock that moves 200 ms at every reading: each piece looks slower than a
 * chunk's time, so every chunk of work is a single piece, as it is for the widest networks the lab allows.
 */
const WIDE: Partial<RunConfig> = { layers: [784, 100, 100, 100, 10], epochs: 1 };
const SLOW_TICK_MS = 200;

async function slowHarness(config: Partial<RunConfig> = WIDE): Promise<Harness> {
  const split = syntheticSplit(200, 20);
  const h = createHarness((hooks) => {
    hooks.onProbeReady({ ...split.training, count: 200 });
    return Promise.resolve(split);
  });
  h.send({ type: 'configure', runId: 1, config: baseConfig(config) });
  await settle();
  h.take();
  h.scheduler.tick = SLOW_TICK_MS;
  return h;
}

/** What a run that was never interrupted posts for its first epoch: the snapshot's bars and the cost. */
async function uninterruptedEpoch(config: Partial<RunConfig> = WIDE): Promise<{ gradB: number[]; cost: number }> {
  const h = await slowHarness(config);
  h.send({ type: 'start', runId: 1 });
  h.scheduler.flush();
  return firstEpoch(h.take());
}

function firstEpoch(out: FromWorker[]): { gradB: number[]; cost: number } {
  const snapshot = out.find((m) => m.type === 'snapshot' && m.epoch === 1);
  const end = ofType(out, 'epoch-end').find((e) => e.epoch === 1);
  if (snapshot?.type !== 'snapshot' || end === undefined) throw new Error('epoch 1 did not complete');
  return { gradB: Array.from(snapshot.gradB), cost: end.cost };
}

describe('a long learning-speed epoch runs in slices', () => {
  it('a pause sent mid-epoch is obeyed before the epoch completes, and Start completes the same epoch', async () => {
    const reference = await uninterruptedEpoch();
    const h = await slowHarness();
    h.send({ type: 'start', runId: 1 });
    for (let i = 0; i < 3; i++) h.scheduler.runNext();
    h.send({ type: 'pause', runId: 1 });
    h.scheduler.flush();
    const beforeResume = h.take();
    expect(ofType(beforeResume, 'epoch-end')).toEqual([]);
    expect(ofType(beforeResume, 'status').pop()).toMatchObject({ status: 'paused', epoch: 0 });
    // The epoch took more than a second of the slow clock, so it said how far it had got.
    const progress = ofType(beforeResume, 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p).toMatchObject({ runId: 1, epoch: 1, total: 200, stage: 'training' });
    const last = progress[progress.length - 1];
    expect(last.done).toBeGreaterThan(0);
    expect(last.done).toBeLessThan(200);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const resumed = firstEpoch(h.take());
    // The blocks are the same whatever the slices, so the numbers are exactly the uninterrupted run's.
    expect(resumed).toEqual(reference);
  });

  it('a step is the whole epoch, however many slices it takes', async () => {
    const h = await slowHarness({ ...WIDE, epochs: 3 });
    h.send({ type: 'step', runId: 1, count: 1 });
    const chunks = h.scheduler.flush();
    expect(chunks).toBeGreaterThanOrEqual(4);
    const out = h.take();
    expect(ofType(out, 'epoch-end').map((e) => e.epoch)).toEqual([1]);
    expect(ofType(out, 'status').map((s) => s.status)).toEqual(['running', 'paused']);
  });

  it('a reset mid-epoch drops the half-summed gradient: the next run equals a fresh one', async () => {
    const reference = await uninterruptedEpoch();
    const h = await slowHarness();
    h.send({ type: 'start', runId: 1 });
    for (let i = 0; i < 4; i++) h.scheduler.runNext();
    h.send({ type: 'reset', runId: 1 });
    expect(ofType(h.take(), 'epoch-end')).toEqual([]);
    h.scheduler.flush();
    h.take();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(firstEpoch(h.take())).toEqual(reference);
  });

  it('a configure mid-epoch stops the old epoch at once; the new run trains from its own start', async () => {
    const other: Partial<RunConfig> = { ...WIDE, seed: 7 };
    const reference = await uninterruptedEpoch(other);
    const h = await slowHarness();
    h.send({ type: 'start', runId: 1 });
    for (let i = 0; i < 4; i++) h.scheduler.runNext();
    h.send({ type: 'configure', runId: 2, config: baseConfig(other) });
    await settle();
    const duringConfigure = h.take();
    expect(ofType(duringConfigure, 'epoch-end')).toEqual([]);
    h.scheduler.flush();
    expect(h.take().filter((m) => m.runId === 1)).toEqual([]);
    h.send({ type: 'start', runId: 2 });
    h.scheduler.flush();
    expect(firstEpoch(h.take())).toEqual(reference);
  });
});

describe('a snapshot of a wide network is taken in pieces', () => {
  const WIDE_SNAPSHOT: Partial<RunConfig> = { layers: [784, 300, 300, 300, 10] };

  it('configure returns before the probe is done; a reset in between is obeyed; the bars equal a probe in one piece', async () => {
    const split = syntheticSplit(1000, 20);
    const h = createHarness((hooks) => {
      hooks.onProbeReady(split.training);
      return Promise.resolve(split);
    });
    const config = baseConfig(WIDE_SNAPSHOT);
    h.send({ type: 'configure', runId: 1, config });
    // The probe, the statistics and eq. 124's norms of 1000 images on this network are several pieces of
    // work: the configure hands the thread back before the snapshot is out.
    expect(ofType(h.take(), 'snapshot')).toEqual([]);
    h.send({ type: 'reset', runId: 1 });
    expect(ofType(h.take(), 'status').pop()).toMatchObject({ status: 'idle' });
    // A clock that moves a chunk's time at every reading: each turn of the event loop does one piece.
    h.scheduler.tick = SLOW_TICK_MS;
    const turns = h.scheduler.flush();
    expect(turns).toBeGreaterThan(3);
    const snapshots = ofType(h.take(), 'snapshot');
    expect(snapshots).toHaveLength(1);

    const m = buildModel(checkConfig(config));
    prepareModel(m, split.training);
    const header = () => ({ runId: 1, epoch: 0, batch: 0, batchesPerEpoch: 1, examplesPerSecond: 0 });
    const whole = takeSnapshot(m.probe!, m.activationStats!, m.factors, header);
    if (!whole.ok) throw new Error('the reference snapshot diverged');
    const { type: _t, ...sliced } = snapshots[0];
    const { type: _u, ...reference } = whole.snapshot;
    expect(sliced).toEqual(reference);
  });
});

describe('the exploding preset on a wide network is applied in pieces', () => {
  const WIDE_PRESET: Partial<RunConfig> = { layers: [784, 300, 300, 300, 10] };

  /** The snapshot a model prepared in one piece from `config` would post. */
  function referenceSnapshot(config: RunConfig, probe: ReturnType<typeof syntheticSplit>['training']) {
    const m = buildModel(checkConfig(config));
    prepareModel(m, probe);
    const header = () => ({ runId: 1, epoch: 0, batch: 0, batchesPerEpoch: 1, examplesPerSecond: 0 });
    const whole = takeSnapshot(m.probe!, m.activationStats!, m.factors, header);
    if (!whole.ok) throw new Error('the reference snapshot diverged');
    const { type: _t, ...snapshot } = whole.snapshot;
    return snapshot;
  }

  async function configured(): Promise<{ h: Harness; split: ReturnType<typeof syntheticSplit> }> {
    const split = syntheticSplit(1000, 20);
    const h = createHarness((hooks) => {
      hooks.onProbeReady(split.training);
      return Promise.resolve(split);
    });
    h.send({ type: 'configure', runId: 1, config: baseConfig(WIDE_PRESET) });
    await settle();
    h.scheduler.flush();
    h.take();
    return { h, split };
  }

  it('hands the thread back before the preset is done, and the bars equal a preset in one piece', async () => {
    const { h, split } = await configured();
    h.scheduler.tick = SLOW_TICK_MS;
    // A reset draws the weights and probes them: the turns a snapshot takes without the preset.
    h.send({ type: 'reset', runId: 1 });
    const resetTurns = h.scheduler.flush();
    h.take();
    h.send({ type: 'set-preset', runId: 1, exploding: true });
    expect(ofType(h.take(), 'snapshot')).toEqual([]);
    // The reset's drawing is counted as ~3·10⁶ units; the preset's layer-1 activations of 1000 images on 300
    // neurons as ~9·10⁷, four or five pieces of their own: more turns than the reset (done in the turn that
    // received the message, as it once was, it took fewer).
    expect(h.scheduler.flush()).toBeGreaterThan(resetTurns);
    const snapshots = ofType(h.take(), 'snapshot');
    expect(snapshots).toHaveLength(1);
    const { type: _t, ...sliced } = snapshots[0];
    expect(sliced).toEqual(referenceSnapshot(baseConfig({ ...WIDE_PRESET, exploding: true }), split.training));
  });

  it('switched off again half-way, it leaves the seeded network, not a half-built one', async () => {
    const { h, split } = await configured();
    h.send({ type: 'set-preset', runId: 1, exploding: true });
    h.scheduler.tick = SLOW_TICK_MS;
    h.scheduler.runNext();
    h.send({ type: 'set-preset', runId: 1, exploding: false });
    h.scheduler.flush();
    const snapshots = ofType(h.take(), 'snapshot');
    expect(snapshots).toHaveLength(1);
    const { type: _t, ...last } = snapshots[0];
    expect(last).toEqual(referenceSnapshot(baseConfig(WIDE_PRESET), split.training));
  });
});

describe('snapshots at full speed', () => {
  /** SGD at full speed on 2000 images with 20 probe images: 200 mini-batches, a probe interval every 12. */
  async function fullSpeedEpoch(tickMs: number): Promise<number> {
    const split = syntheticSplit(2000, 20);
    const h = createHarness((hooks) => {
      hooks.onProbeReady({ ...split.training, count: 20 });
      return Promise.resolve(split);
    });
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', epochs: 1, speed: 10 }) });
    await settle();
    h.take();
    h.scheduler.tick = tickMs;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const out = h.take();
    expect(ofType(out, 'status').pop()).toMatchObject({ status: 'finished' });
    return ofType(out, 'snapshot').length;
  }

  it("skip an interval's probe until FULL_SPEED_SNAPSHOT_GAP_MS has passed, and keep every epoch's end", async () => {
    // A slow clock: every interval ends long after the last snapshot, so all 16 intervals and the epoch's end probe.
    expect(await fullSpeedEpoch(FULL_SPEED_SNAPSHOT_GAP_MS)).toBe(17);
    // A fast clock: the 200 mini-batches take far less than the gap, so only the epoch's end probes.
    expect(await fullSpeedEpoch(0.01)).toBe(1);
  });
});

describe('a pause after a step was taken', () => {
  it("lets the step's snapshot go out, and trains no further", async () => {
    const split = syntheticSplit(1000, 20);
    const h = createHarness((hooks) => {
      hooks.onProbeReady(split.training);
      return Promise.resolve(split);
    });
    // Mini-batches of 20 on this network are summed in blocks, and every batch ends a probe interval.
    h.send({
      type: 'configure',
      runId: 1,
      config: baseConfig({ mode: 'sgd', layers: [784, 300, 300, 300, 10], batchSize: 20, probeEvery: 1 }),
    });
    await settle();
    h.scheduler.flush();
    h.take();
    h.scheduler.tick = SLOW_TICK_MS;
    h.send({ type: 'start', runId: 1 });
    // Five pieces: the batch's three blocks and its step, then the first piece of its snapshot.
    for (let i = 0; i < 5; i++) h.scheduler.runNext();
    expect(ofType(h.take(), 'snapshot')).toEqual([]);
    h.send({ type: 'pause', runId: 1 });
    h.scheduler.flush();
    const out = h.take();
    const snapshots = ofType(out, 'snapshot');
    expect(snapshots.map((s) => s.batch)).toEqual([1]);
    expect(ofType(out, 'status').pop()).toMatchObject({ status: 'paused' });
  });
});
