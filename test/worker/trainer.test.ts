import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/idx';
import { loadMnist } from '../../src/data/node';
import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import { checkConfig } from '../../src/worker/acceptConfig';
import { baseConfig, createHarness, ManualSource, ofType, settle, syntheticSplit } from './harness';

function allFinite(s: Snapshot): boolean {
  const arrays = [s.gradB, s.layerNorms, s.meanActivationPrime, s.factorNorms];
  return arrays.every((a) => Array.from(a).every(Number.isFinite)) && Number.isFinite(s.examplesPerSecond);
}

function norm(values: ArrayLike<number>): number {
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += values[i] * values[i];
  return Math.sqrt(sq);
}

/** A harness whose data is already complete: the source calls onProbeReady and resolves at once. */
function readyHarness(split = syntheticSplit()) {
  return createHarness((hooks) => {
    hooks.onProbeReady({ ...split.training, count: Math.min(1000, split.training.count) });
    return Promise.resolve(split);
  });
}

describe('configure', () => {
  it('posts the initial snapshot with the layout of the hidden layers', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ layers: [784, 30, 20, 10] }) });
    await settle();
    const snaps = h.snapshots();
    expect(snaps).toHaveLength(1);
    const s = snaps[0];
    expect(s.runId).toBe(1);
    expect(s.epoch).toBe(0);
    expect(s.batch).toBe(0);
    expect(s.hiddenOffsets).toEqual([0, 30, 50]);
    expect(s.gradB).toBeInstanceOf(Float32Array);
    expect(s.gradB.length).toBe(50);
    expect(s.layerNorms).toBeInstanceOf(Float64Array);
    expect(s.layerNorms.length).toBe(2);
    expect(s.meanActivationPrime.length).toBe(2);
    expect(s.factorNorms.length).toBe(2);
    expect(s.examplesPerSecond).toBe(0);
    // ‖δʰ‖ is the norm of layer h's slice of gradB.
    expect(s.layerNorms[0]).toBeCloseTo(norm(s.gradB.subarray(0, 30)), 6);
    expect(s.layerNorms[1]).toBeCloseTo(norm(s.gradB.subarray(30, 50)), 6);
    // Sigmoid: mean σ′ lies in (0, 1/4].
    for (const p of s.meanActivationPrime) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(0.25);
    }
    for (const f of s.factorNorms) expect(f).toBeGreaterThan(0);
    expect(allFinite(s)).toBe(true);
    const ready = ofType(h.messages, 'ready');
    expect(ready.map((r) => r.stage)).toEqual(['probe', 'all']);
    expect(ready[1].trainingCount).toBe(200);
    expect(ready[1].validationCount).toBe(50);
  });

  it('draws the same weights from the same seed, different ones from another seed', async () => {
    const a = readyHarness();
    a.send({ type: 'configure', runId: 1, config: baseConfig({ seed: 7 }) });
    const b = readyHarness();
    b.send({ type: 'configure', runId: 1, config: baseConfig({ seed: 7 }) });
    const c = readyHarness();
    c.send({ type: 'configure', runId: 1, config: baseConfig({ seed: 8 }) });
    await settle();
    expect(Array.from(a.snapshots()[0].gradB)).toEqual(Array.from(b.snapshots()[0].gradB));
    expect(Array.from(a.snapshots()[0].gradB)).not.toEqual(Array.from(c.snapshots()[0].gradB));
  });

  it('posts the first snapshot as soon as the probe images arrive, before the rest of the data', async () => {
    const source = new ManualSource(syntheticSplit());
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 3, config: baseConfig() });
    source.progress(500);
    expect(h.snapshots()).toHaveLength(0);
    expect(ofType(h.messages, 'loading')).toEqual([{ type: 'loading', runId: 3, stage: 'probe', loadedBytes: 500, totalBytes: 1000 }]);
    source.deliverProbe();
    expect(h.snapshots()).toHaveLength(1);
    expect(ofType(h.messages, 'ready').map((r) => r.stage)).toEqual(['probe']);
    source.deliverAll();
    await settle();
    expect(ofType(h.messages, 'ready').map((r) => r.stage)).toEqual(['probe', 'all']);
    expect(source.calls).toBe(1);
  });

  it('refuses a bad configuration with a specific message and keeps the previous network', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ layers: [784, 30, 30, 10] }) });
    await settle();
    const before = h.snapshots()[0];
    h.take();

    h.send({ type: 'configure', runId: 2, config: baseConfig({ layers: [784, 0, 10] }) });
    h.send({ type: 'configure', runId: 3, config: baseConfig({ layers: [100, 30, 10] }) });
    h.send({ type: 'configure', runId: 4, config: baseConfig({ eta: -1 }) });
    h.send({ type: 'configure', runId: 5, config: baseConfig({ lambda: Number.NaN }) });
    h.send({ type: 'configure', runId: 6, config: baseConfig({ mode: 'sgd', batchSize: 2.5 }) });
    h.send({ type: 'configure', runId: 7, config: baseConfig({ init: 'huge' as never }) });
    h.send({ type: 'configure', runId: 8, config: baseConfig({ speed: 11 }) });
    const errors = h.take();
    expect(errors.every((m) => m.type === 'error')).toBe(true);
    const messages = ofType(errors, 'error').map((e) => e.message);
    expect(messages[0]).toMatch(/layer 2 width 0 must be between 1 and 1000/);
    expect(messages[1]).toMatch(/input layer must be 784.*got 100/);
    expect(messages[2]).toMatch(/η \(learning rate\) must be a number greater than 0, got -1/);
    expect(messages[3]).toMatch(/λ .* got NaN/);
    expect(messages[4]).toMatch(/mini-batch size must be a whole number .* got 2\.5/);
    expect(messages[5]).toMatch(/initialiser must be one of default, large, xavier, he, glorot-standard, got "huge"/);
    expect(messages[6]).toMatch(/speed must be a number at least 1 and at most 10, got 11/);
    expect(ofType(errors, 'error').map((e) => [e.runId, e.retryable])).toEqual([2, 3, 4, 5, 6, 7, 8].map((id) => [id, false]));

    // The old network is still there: a step trains it, with its old layout.
    h.send({ type: 'step', runId: 1, count: 1 });
    h.scheduler.flush();
    const after = h.snapshots(h.take());
    expect(after).toHaveLength(1);
    expect(after[0].hiddenOffsets).toEqual(before.hiddenOffsets);
    expect(after[0].epoch).toBe(1);
    expect(after[0].runId).toBe(1);
  });

  it('checkConfig fills the unused batch size of learning-speed mode and keeps an explicit probe interval', () => {
    const c = checkConfig({ ...baseConfig(), batchSize: undefined, probeEvery: 25 });
    expect(c.batchSize).toBe(1000);
    expect(c.probeEvery).toBe(25);
    expect(() => checkConfig({ ...baseConfig(), probeEvery: 0 })).toThrow(/probe interval .* got 0/);
    expect(() => checkConfig(null)).toThrow(/configuration must be an object/);
  });
});

describe('the training loop', () => {
  it('runs one full-batch epoch per snapshot in learning-speed mode and finishes at the epoch budget', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ epochs: 6 }) });
    await settle();
    h.take();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const out = h.take();
    const snaps = h.snapshots(out);
    expect(snaps.map((s) => s.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snaps.every((s) => s.batchesPerEpoch === 1 && s.batch === 0)).toBe(true);
    expect(snaps.every((s) => s.examplesPerSecond > 0)).toBe(true);
    const ends = ofType(out, 'epoch-end');
    expect(ends.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ends.every((e) => e.validationAccuracy === null && Number.isFinite(e.cost))).toBe(true);
    // Gradient descent with a small η lowers the full-batch cost.
    expect(ends[5].cost).toBeLessThan(ends[0].cost);
    expect(ofType(out, 'status').map((s) => s.status)).toEqual(['running', 'finished']);
    // Finished stays finished.
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(h.take()).toEqual([{ type: 'status', runId: 1, status: 'finished', epoch: 6 }]);
  });

  it('step does exactly one epoch in learning-speed mode', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    h.take();
    h.send({ type: 'step', runId: 1, count: 1 });
    h.scheduler.flush();
    const out = h.take();
    expect(h.snapshots(out).map((s) => s.epoch)).toEqual([1]);
    expect(ofType(out, 'epoch-end').map((e) => e.epoch)).toEqual([1]);
    expect(ofType(out, 'status').map((s) => s.status)).toEqual(['running', 'paused']);
    h.send({ type: 'step', runId: 1, count: 1 });
    h.scheduler.flush();
    expect(h.snapshots(h.take()).map((s) => s.epoch)).toEqual([2]);
  });

  it('step does one probe interval in SGD mode, and an interval stops at the end of the epoch', async () => {
    // 200 training images in batches of 10: 20 batches per epoch, probes every 8 → 8, 16, 20 (epoch end).
    const h = readyHarness(syntheticSplit(200, 50));
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 8, epochs: 30 }) });
    await settle();
    h.take();
    const positions: [number, number][] = [];
    for (let i = 0; i < 4; i++) {
      h.send({ type: 'step', runId: 1, count: 1 });
      h.scheduler.flush();
      const out = h.take();
      const snaps = h.snapshots(out);
      expect(snaps).toHaveLength(1);
      expect(snaps[0].batchesPerEpoch).toBe(20);
      positions.push([snaps[0].epoch, snaps[0].batch]);
      if (i === 2) {
        const [end] = ofType(out, 'epoch-end');
        expect(end.epoch).toBe(1);
        expect(end.validationAccuracy).toBeGreaterThanOrEqual(0);
        expect(end.validationAccuracy).toBeLessThanOrEqual(1);
        expect(Number.isFinite(end.cost)).toBe(true);
      } else {
        expect(ofType(out, 'epoch-end')).toHaveLength(0);
      }
    }
    expect(positions).toEqual([
      [0, 8],
      [0, 16],
      [1, 0],
      [1, 8],
    ]);
  });

  it('validates a slice at a time after an SGD epoch; a pause in the middle loses nothing', async () => {
    const h = readyHarness(syntheticSplit(100, 2500));
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 100, epochs: 2 }) });
    await settle();
    h.scheduler.tick = 25; // every clock read ends the chunk: one unit of work per chunk
    h.send({ type: 'start', runId: 1 });
    while (!h.snapshots().some((s) => s.epoch === 1)) expect(h.scheduler.runNext()).toBe(true);
    h.scheduler.runNext(); // the first 1000 validation images
    h.send({ type: 'pause', runId: 1 });
    h.scheduler.flush();
    expect(ofType(h.messages, 'epoch-end')).toHaveLength(0);
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const ends = ofType(h.messages, 'epoch-end');
    expect(ends.map((e) => e.epoch)).toEqual([1, 2]);
    for (const e of ends) {
      // A fraction of all 2500 images: a whole number of them, not a fraction of one slice.
      const correct = e.validationAccuracy! * 2500;
      expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-9);
    }
  });

  it('reshuffles each SGD epoch from the seed: reset replays the same run', async () => {
    const run = async () => {
      const h = readyHarness(syntheticSplit(100, 20));
      h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 10, epochs: 3 }) });
      await settle();
      h.send({ type: 'start', runId: 1 });
      h.scheduler.flush();
      const first = h.snapshots(h.take()).map((s) => Array.from(s.gradB));
      h.send({ type: 'reset', runId: 2 });
      h.send({ type: 'start', runId: 2 });
      h.scheduler.flush();
      const second = h.snapshots(h.take()).map((s) => Array.from(s.gradB));
      return { first, second };
    };
    const { first, second } = await run();
    expect(first).toHaveLength(4); // initial + 3 epochs
    expect(second).toEqual(first);
    // Epochs differ from one another (the network trains and the order changes).
    expect(first[2]).not.toEqual(first[3]);
  });

  it('pause stops the loop: nothing more is posted', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ epochs: 500 }) });
    await settle();
    h.scheduler.tick = 5; // a few epochs per 20 ms chunk
    h.send({ type: 'start', runId: 1 });
    for (let i = 0; i < 3; i++) h.scheduler.runNext();
    const before = h.snapshots().length;
    expect(before).toBeGreaterThan(1);
    h.send({ type: 'pause', runId: 1 });
    const status = h
      .take()
      .filter((m) => m.type === 'status')
      .pop();
    expect(status).toMatchObject({ status: 'paused' });
    h.scheduler.flush();
    expect(h.take()).toEqual([]);
    // And start carries on from where it stopped.
    const lastEpoch = h.snapshots().pop()!.epoch;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runNext();
    expect(h.snapshots(h.take())[0].epoch).toBe(lastEpoch + 1);
  });

  it('a configure or reset stops the stale loop: nothing of the old run is posted afterwards', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runNext();
    expect(h.snapshots().length).toBeGreaterThan(1);
    h.take();
    h.send({ type: 'configure', runId: 2, config: baseConfig({ layers: [784, 10, 10] }) });
    h.scheduler.flush();
    const out = h.take();
    expect(out.every((m) => m.runId === 2)).toBe(true);
    expect(h.snapshots(out)).toHaveLength(1); // only the new network's initial snapshot
    expect(h.snapshots(out)[0].hiddenOffsets).toEqual([0, 10]);

    // A command naming the old run trains nothing and does not make the worker ignore the current run.
    h.send({ type: 'pause', runId: 1 });
    h.scheduler.flush();
    expect(h.snapshots(h.take())).toEqual([]);

    h.send({ type: 'start', runId: 2 });
    h.scheduler.runNext();
    h.send({ type: 'reset', runId: 3 });
    h.scheduler.flush();
    const afterReset = h.take().filter((m) => m.runId !== 2);
    expect(afterReset.every((m) => m.runId === 3)).toBe(true);
    const snaps = h.snapshots(afterReset);
    expect(snaps).toHaveLength(1);
    expect(snaps[0].epoch).toBe(0);
    // Reset restores the seeded initial network.
    expect(Array.from(snaps[0].gradB)).toEqual(Array.from(h.snapshots(out)[0].gradB));
  });

  it('transfers copies: the snapshots already posted stay intact while training goes on', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ epochs: 3 }) });
    await settle();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const snaps = h.snapshots();
    expect(snaps).toHaveLength(4);
    for (const s of snaps) expect(s.gradB.length).toBe(50);
    expect(Array.from(snaps[0].gradB)).not.toEqual(Array.from(snaps[3].gradB));
  });
});

describe('speed', () => {
  it('paces learning-speed mode: speed 1 trains a few epochs per second, speed 10 as many as it can', async () => {
    const epochsIn = async (speed: number) => {
      const h = readyHarness();
      h.send({ type: 'configure', runId: 1, config: baseConfig({ speed, epochs: 30 }) });
      await settle();
      h.scheduler.tick = 0.01; // training is "fast": 1000 clock reads per 10 ms
      h.send({ type: 'start', runId: 1 });
      h.scheduler.runUntil(h.scheduler.time + 2000);
      return h.snapshots().pop()!.epoch;
    };
    const slow = await epochsIn(1);
    expect(slow).toBeGreaterThanOrEqual(3);
    expect(slow).toBeLessThanOrEqual(6); // 2 epochs per second for 2 s, give or take one
    const fast = await epochsIn(10);
    expect(fast).toBe(30);
  });

  it('set-speed applies at once and rejects a bad value', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ speed: 1, epochs: 30 }) });
    await settle();
    h.scheduler.tick = 0.01;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runUntil(h.scheduler.time + 100);
    const slowEpoch = h.snapshots().pop()!.epoch;
    expect(slowEpoch).toBeLessThanOrEqual(2);
    h.send({ type: 'set-speed', runId: 1, speed: 10 });
    h.scheduler.runUntil(h.scheduler.time + 100);
    expect(h.snapshots().pop()!.epoch).toBe(30);
    h.take();
    h.send({ type: 'set-speed', runId: 1, speed: 0 });
    const [err] = h.take();
    expect(err).toMatchObject({ type: 'error', retryable: false });
    expect((err as Extract<FromWorker, { type: 'error' }>).message).toMatch(/speed .* got 0/);
  });
});

describe('data arriving late or not at all', () => {
  it('an SGD start before the training set arrives waits for it, then runs', async () => {
    const source = new ManualSource(syntheticSplit(100, 20));
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', probeEvery: 5, epochs: 1 }) });
    source.deliverProbe();
    h.take();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(h.take()).toEqual([{ type: 'status', runId: 1, status: 'running', epoch: 0, waitingForData: true }]);
    source.deliverAll();
    await settle();
    h.scheduler.flush();
    const out = h.take();
    expect(ofType(out, 'ready').map((r) => r.stage)).toEqual(['all']);
    expect(h.snapshots(out).map((s) => [s.epoch, s.batch])).toEqual([
      [0, 5],
      [1, 0],
    ]);
    expect(ofType(out, 'status').map((s) => s.status)).toEqual(['running', 'finished']);
  });

  it('a learning-speed start needs only the probe images', async () => {
    const source = new ManualSource(syntheticSplit(100, 20));
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig({ epochs: 2 }) });
    h.send({ type: 'start', runId: 1 });
    expect(ofType(h.take(), 'status').pop()).toMatchObject({ status: 'running', waitingForData: true });
    source.deliverProbe();
    h.scheduler.flush();
    expect(h.snapshots(h.take()).map((s) => s.epoch)).toEqual([0, 1, 2]);
  });

  it('a failed download posts a retryable error with the file named; the next configure retries', async () => {
    const source = new ManualSource(syntheticSplit());
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd' }) });
    h.send({ type: 'start', runId: 1 });
    const problem = { code: 'http-error', status: { code: 404, text: 'Not Found' } } as const;
    const notFound = new DataFileError('/mnist/train-labels-idx1-ubyte', problem);
    source.fail(notFound);
    await settle();
    const out = h.take();
    const [err] = ofType(out, 'error');
    expect(notFound.message).toBe('/mnist/train-labels-idx1-ubyte: the server answered HTTP 404 Not Found instead of the file');
    expect(err).toEqual({
      type: 'error',
      runId: 1,
      message: notFound.message,
      retryable: true,
      cause: { kind: 'data-file', file: '/mnist/train-labels-idx1-ubyte', problem },
    });
    expect(ofType(out, 'status').pop()).toMatchObject({ status: 'idle' });

    h.send({ type: 'configure', runId: 2, config: baseConfig({ mode: 'sgd' }) });
    expect(source.calls).toBe(2);
    source.deliverProbe();
    source.deliverAll();
    await settle();
    expect(ofType(h.take(), 'ready').map((r) => [r.runId, r.stage])).toEqual([
      [2, 'probe'],
      [2, 'all'],
    ]);
  });

  it('an error that is not a DataFileError is still explained, and a loader that throws at once is caught', async () => {
    const h = createHarness(() => {
      throw new TypeError('Failed to fetch');
    });
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    const [err] = ofType(h.take(), 'error');
    expect(err.message).toBe('could not load the MNIST files: Failed to fetch');
    expect(err.retryable).toBe(true);
  });

  it('a malformed or unknown command is refused without disturbing the run', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    h.take();
    h.send({ type: 'start' } as never);
    h.send(null as never);
    h.send({ type: 'fly', runId: 1 } as never);
    const errors = h.take();
    expect(errors.map((e) => e.type === 'error' && e.message)).toEqual([
      'a command must be an object with a type and a whole-number runId, got an object',
      'a command must be an object with a type and a whole-number runId, got null',
      'unknown command "fly"',
    ]);
    h.send({ type: 'step', runId: 1, count: 1 });
    h.scheduler.flush();
    expect(h.snapshots(h.take()).map((s) => s.epoch)).toEqual([1]);
  });

  it('commands before any configure get a clear error', () => {
    const h = createHarness(() => new Promise(() => undefined));
    h.send({ type: 'start', runId: 1 });
    expect(h.take()).toEqual([
      {
        type: 'error',
        runId: 1,
        message: 'cannot start yet: no network has been configured',
        retryable: false,
        cause: { kind: 'not-configured', command: 'start' },
      },
    ]);
  });

  it('a read of the network before any configure is answered with its requestId and the reason, not left waiting', () => {
    const h = createHarness(() => new Promise(() => undefined));
    h.send({ type: 'read-network', runId: 4, requestId: 7 });
    expect(h.take()).toEqual([
      { type: 'network-refused', runId: 4, requestId: 7, cause: { kind: 'not-configured', command: 'read-network' } },
    ]);
  });
});

describe('divergence', () => {
  it('a huge η posts "diverged" with the place and the reason, and never a snapshot with NaN', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ eta: 1e6, epochs: 500 }) });
    await settle();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const out = h.take();
    const diverged = ofType(out, 'diverged');
    expect(diverged).toHaveLength(1);
    const d = diverged[0];
    expect(d.epoch).toBeGreaterThan(0);
    expect(d.epoch).toBeLessThan(500);
    expect(d.reason).toMatch(/became (infinite|NaN)/);
    expect(d.reason).toContain(`after ${d.epoch} epoch`);
    expect(d.reason).toContain('η = 1000000 is too large');
    expect(h.snapshots().every(allFinite)).toBe(true);
    expect(ofType(out, 'epoch-end').every((e) => Number.isFinite(e.cost))).toBe(true);
    // Nothing after the final status, and start does not revive it.
    expect(out[out.length - 1]).toEqual({ type: 'status', runId: 1, status: 'diverged', epoch: d.epoch });
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(h.take()).toEqual([{ type: 'status', runId: 1, status: 'diverged', epoch: d.epoch }]);
    // A reset brings the finite network back.
    h.send({ type: 'reset', runId: 2 });
    const snaps = h.snapshots(h.take());
    expect(snaps).toHaveLength(1);
    expect(allFinite(snaps[0])).toBe(true);
  });

  it('in SGD mode the message names the mini-batch', async () => {
    const h = readyHarness(syntheticSplit(200, 20));
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', eta: 1e7, lambda: 5, batchSize: 10, probeEvery: 1000 }) });
    await settle();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const [d] = ofType(h.messages, 'diverged');
    expect(d).toBeDefined();
    expect(d.reason).toMatch(/mini-batch|end of epoch/);
    expect(h.snapshots().every(allFinite)).toBe(true);
  });
});

describe('the exploding-gradient preset on real MNIST', () => {
  it('makes the first hidden layer learn far faster than the last, and off restores the seeded network', async () => {
    const mnist = loadMnist();
    // The full split, with the probe set taken by the trainer from the first 1000 training images.
    const h = createHarness(() => Promise.resolve(mnist));
    const layers = [784, 30, 30, 30, 30, 10];
    h.send({ type: 'configure', runId: 1, config: baseConfig({ layers }) });
    await settle();
    const [plain] = h.snapshots(h.take());
    // The chapter's vanishing gradient: with the default initialisation the first layer learns slowest.
    expect(plain.layerNorms[0]).toBeLessThan(plain.layerNorms[3]);

    h.send({ type: 'set-preset', runId: 1, exploding: true });
    h.scheduler.flush(); // the preset and the probe after it can be more than one piece of work
    const [exploding] = h.snapshots(h.take());
    expect(exploding.layerNorms[0]).toBeGreaterThanOrEqual(10 * exploding.layerNorms[3]);
    expect(exploding.layerNorms[0]).toBeGreaterThan(exploding.layerNorms[1]);
    expect(exploding.layerNorms[1]).toBeGreaterThan(exploding.layerNorms[2]);
    // Eq. 124's factors sit well above 1 in the exploding network (w σ′ ≈ 25 per layer).
    for (let h2 = 0; h2 < 3; h2++) expect(exploding.factorNorms[h2]).toBeGreaterThan(5);

    h.send({ type: 'set-preset', runId: 1, exploding: false });
    h.scheduler.flush();
    const [restored] = h.snapshots(h.take());
    expect(Array.from(restored.gradB)).toEqual(Array.from(plain.gradB));

    // Configuring with the preset on gives the same network as switching it on after configuring.
    h.send({ type: 'configure', runId: 2, config: baseConfig({ layers, exploding: true }) });
    await settle();
    h.scheduler.flush();
    const [configured] = h.snapshots(h.take());
    expect(Array.from(configured.gradB)).toEqual(Array.from(exploding.gradB));
  });
});

describe('pause at an epoch', () => {
  /** A learning-speed run of `epochs` with pauseAt, trained as fast as it goes: many epochs in one chunk. */
  async function fastRun(overrides: Parameters<typeof baseConfig>[0]) {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig(overrides) });
    await settle();
    h.take();
    h.scheduler.tick = 0.001; // 20,000 clock reads per chunk: every epoch up to the pause falls in the first chunk
    return h;
  }

  it('pauses right after epoch N, also when N falls inside a chunk of many epochs', async () => {
    const h = await fastRun({ epochs: 50, pauseAt: 7 });
    h.send({ type: 'start', runId: 1 });
    expect(h.scheduler.runNext()).toBe(true); // one chunk
    const out = h.take();
    expect(h.snapshots(out).map((s) => s.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ofType(out, 'epoch-end').map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ofType(out, 'status')).toEqual([
      { type: 'status', runId: 1, status: 'running', epoch: 0 },
      { type: 'status', runId: 1, status: 'paused', epoch: 7, reason: 'pause-at' },
    ]);
    // Nothing is left running: no epoch 8 however long the clock goes on.
    h.scheduler.flush();
    expect(h.take()).toEqual([]);
    // Start goes on past the pause, which does not come again.
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const rest = h.take();
    expect(h.snapshots(rest).map((s) => s.epoch)).toEqual(Array.from({ length: 43 }, (_, i) => i + 8));
    expect(ofType(rest, 'status').pop()).toEqual({ type: 'status', runId: 1, status: 'finished', epoch: 50 });
  });

  it('pauses at exactly N at the lesson pace, where the epochs are spread over time', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ speed: 2, pauseAt: 3 }) });
    await settle();
    h.scheduler.tick = 0.01;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runUntil(h.scheduler.time + 300);
    expect(h.snapshots().pop()!.epoch).toBe(2); // 4 epochs a second, the first at once: not there yet
    h.scheduler.runUntil(h.scheduler.time + 10_000);
    expect(h.snapshots().pop()!.epoch).toBe(3);
    expect(ofType(h.messages, 'status').pop()).toMatchObject({ status: 'paused', epoch: 3, reason: 'pause-at' });
    expect(h.scheduler.pending).toBe(0);
  });

  it('pauses at the end of SGD epoch N, after its validation, before any batch of the next epoch', async () => {
    // 200 training images in batches of 10: 20 batches per epoch.
    const h = readyHarness(syntheticSplit(200, 50));
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 8, epochs: 30, pauseAt: 2 }) });
    await settle();
    h.take();
    h.scheduler.tick = 0.001;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    const out = h.take();
    const ends = ofType(out, 'epoch-end');
    expect(ends.map((e) => e.epoch)).toEqual([1, 2]);
    expect(ends[1].validationAccuracy).not.toBeNull();
    const last = h.snapshots(out).pop()!;
    expect([last.epoch, last.batch]).toEqual([2, 0]);
    expect(ofType(out, 'status').pop()).toEqual({ type: 'status', runId: 1, status: 'paused', epoch: 2, reason: 'pause-at' });
  });

  it('at the epoch budget the run finishes rather than pauses', async () => {
    const h = await fastRun({ epochs: 5, pauseAt: 5 });
    h.send({ type: 'start', runId: 1 });
    h.scheduler.flush();
    expect(ofType(h.take(), 'status').pop()).toEqual({ type: 'status', runId: 1, status: 'finished', epoch: 5 });
  });

  it('set-pause-at plans, moves and clears a pause while the run goes on; a pause beyond the budget is refused', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ speed: 2, epochs: 40 }) });
    await settle();
    h.scheduler.tick = 0.01;
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runUntil(h.scheduler.time + 600);
    const now = h.snapshots().pop()!.epoch;
    h.send({ type: 'set-pause-at', runId: 1, pauseAt: now + 2 });
    h.scheduler.runUntil(h.scheduler.time + 5_000);
    expect(h.snapshots().pop()!.epoch).toBe(now + 2);
    expect(ofType(h.messages, 'status').pop()).toMatchObject({ status: 'paused', reason: 'pause-at' });
    h.send({ type: 'set-pause-at', runId: 1, pauseAt: now + 4 });
    h.send({ type: 'set-pause-at', runId: 1, pauseAt: null });
    h.take();
    h.send({ type: 'start', runId: 1 });
    h.scheduler.runUntil(h.scheduler.time + 60_000);
    expect(ofType(h.take(), 'status').pop()).toMatchObject({ status: 'finished', epoch: 40 });
    h.send({ type: 'set-pause-at', runId: 1, pauseAt: 41 });
    h.send({ type: 'set-pause-at', runId: 1, pauseAt: 2.5 });
    expect(ofType(h.take(), 'error').map((e) => e.message)).toEqual([
      'pause at epoch must be a whole number from 1 to the epoch budget, 40, got 41',
      'pause at epoch must be a whole number at least 1 and at most 100000, got 2.5',
    ]);
  });
});

describe('step by ten', () => {
  it('does exactly ten epochs in learning-speed mode, at any pace', async () => {
    for (const speed of [2, 10]) {
      const h = readyHarness();
      h.send({ type: 'configure', runId: 1, config: baseConfig({ speed }) });
      await settle();
      h.take();
      h.send({ type: 'step', runId: 1, count: 10 });
      h.scheduler.flush();
      const out = h.take();
      expect(h.snapshots(out).map((s) => s.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(ofType(out, 'status').map((s) => s.status)).toEqual(['running', 'paused']);
      h.send({ type: 'step', runId: 1, count: 10 });
      h.scheduler.flush();
      expect(h.snapshots(h.take()).pop()!.epoch).toBe(20);
    }
  });

  it('stops early at a planned pause inside the ten, and says why', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig({ pauseAt: 4 }) });
    await settle();
    h.take();
    h.send({ type: 'step', runId: 1, count: 10 });
    h.scheduler.flush();
    const out = h.take();
    expect(h.snapshots(out).pop()!.epoch).toBe(4);
    expect(ofType(out, 'status').pop()).toMatchObject({ status: 'paused', epoch: 4, reason: 'pause-at' });
  });

  it('does ten probe intervals in SGD mode', async () => {
    // 20 batches per epoch, probes every 8: intervals end at batches 8, 16, 20 of each epoch.
    const h = readyHarness(syntheticSplit(200, 50));
    h.send({ type: 'configure', runId: 1, config: baseConfig({ mode: 'sgd', batchSize: 10, probeEvery: 8, epochs: 30 }) });
    await settle();
    h.take();
    h.send({ type: 'step', runId: 1, count: 10 });
    h.scheduler.flush();
    const snaps = h.snapshots(h.take());
    expect(snaps).toHaveLength(10);
    // Three intervals per epoch: ten of them end at epoch 3, batch 8.
    expect([snaps[9].epoch, snaps[9].batch]).toEqual([3, 8]);
  });

  it('refuses a count that is not a whole number from 1 on', async () => {
    const h = readyHarness();
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    await settle();
    h.take();
    for (const count of [0, 2.5, -1, Number.NaN]) h.send({ type: 'step', runId: 1, count });
    h.send({ type: 'step', runId: 1 } as unknown as ToWorker);
    const out = h.take();
    expect(ofType(out, 'error')).toHaveLength(5);
    expect(ofType(out, 'error')[0].message).toBe('a step count must be a whole number from 1 to 100000, got 0');
    expect(h.snapshots(out)).toEqual([]);
  });
});
