import { describe, expect, it } from 'vitest';
import { baseConfig, createHarness, ofType, settle, syntheticSplit } from './harness';

/** A harness whose data is already complete: the source calls onProbeReady and resolves at once. */
function readyHarness(split = syntheticSplit()) {
  return createHarness((hooks) => {
    hooks.onProbeReady({ ...split.training, count: Math.min(1000, split.training.count) });
    return Promise.resolve(split);
  });
}

describe('the heartbeat', () => {
  it('answers every ping with a pong of the same seq, before and after a network is configured', async () => {
    const h = readyHarness();
    h.send({ type: 'ping', runId: 0, seq: 1 });
    expect(h.take()).toEqual([{ type: 'pong', runId: 0, seq: 1 }]);
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    h.take();
    h.send({ type: 'ping', runId: 1, seq: 2 });
    expect(h.take()).toEqual([{ type: 'pong', runId: 1, seq: 2 }]);
  });
});

describe('a command naming another run', () => {
  it('does not make the worker deaf to the page: its next command is obeyed and the status is said again', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ epochs: 50 }) });
    await settle();
    h.take();
    // A stray message from a run the page never had.
    h.send({ type: 'pause', runId: 999 });
    h.take();
    // The page's own commands, still under run 1.
    h.send({ type: 'step', runId: 1, count: 2 });
    h.scheduler.flush();
    const out = h.take();
    expect(h.snapshots(out).map((s) => [s.runId, s.epoch])).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(out.every((m) => m.runId === 1)).toBe(true);
  });

  it('a stray start of a future run is reported under the page run at its next heartbeat', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 3, config: baseConfig({ epochs: 50 }) });
    await settle();
    h.take();
    h.send({ type: 'start', runId: 40 });
    h.send({ type: 'ping', runId: 3, seq: 7 });
    expect(h.take().filter((m) => m.runId === 3)).toEqual([
      { type: 'pong', runId: 3, seq: 7 },
      { type: 'status', runId: 3, status: 'running', epoch: 0 },
    ]);
    h.send({ type: 'pause', runId: 3 });
    h.scheduler.flush();
    const after = h.take();
    expect(after.at(-1)).toMatchObject({ type: 'status', runId: 3, status: 'paused' });
  });
});

describe('a preset applied to a diverged network', () => {
  it('starts from a fresh initialisation: finite bars, the same as configuring with the preset on', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ eta: 1e6 }) });
    await settle();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(ofType(h.take(), 'diverged')).toHaveLength(1);

    h.send({ type: 'set-preset', runId: 2, exploding: true });
    const out = h.take();
    expect(ofType(out, 'diverged')).toEqual([]);
    const [fresh] = h.snapshots(out);
    expect(fresh.epoch).toBe(0);
    expect(Array.from(fresh.layerNorms).every(Number.isFinite)).toBe(true);
    expect(ofType(out, 'status').at(-1)).toMatchObject({ status: 'idle', epoch: 0 });

    const reference = readyHarness();
    reference.send({ type: 'configure', runId: 1, config: baseConfig({ eta: 1e6, exploding: true }) });
    await settle();
    const [configured] = reference.snapshots(reference.take());
    expect(Array.from(fresh.gradB)).toEqual(Array.from(configured.gradB));
  });
});
