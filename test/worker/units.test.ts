import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/config';
import type { FromWorker } from '../../src/worker/protocol';
import { baseConfig, createHarness, ofType, settle, syntheticSplit, type Harness } from './harness';

/**
 * A network whose learning-speed epoch is ten blocks of 20 probe images (200 images), on a clock that
 * moves 200 ms at every reading: each block looks slower than a chunk's time, so every chunk of work is a
 * single block, as it is for the widest networks the lab allows.
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
    for (let i = 0; i < 7; i++) h.scheduler.runNext();
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
    expect(chunks).toBeGreaterThanOrEqual(10);
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
