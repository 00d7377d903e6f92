import { describe, expect, it } from 'vitest';
import { createLabStore, isPinned, MAX_PINNED, reduceMessage } from '../../src/store/store';
import { DEFAULT_CONFIG } from '../../src/config';
import { createFakeClient, makeSnapshot } from './fakeClient';
import { noticeText } from '../support/notice';
import { say } from '../../src/i18n/text';

function connected(search?: string, seriesLimit?: number) {
  const client = createFakeClient();
  const store = createLabStore({ client, search, seriesLimit });
  store.getState().connect();
  return { client, store };
}

describe('lab store', () => {
  it('starts with the book fig. 4 network, learning-speed mode, seed 1, and configures run 1 on connect', () => {
    const { client, store } = connected('');
    const s = store.getState();
    expect(s.config.layers).toEqual([784, 30, 30, 10]);
    expect(s.config.mode).toBe('learning-speed');
    expect(s.config.seed).toBe(1);
    expect(s.config.epochs).toBe(500);
    expect(s.runId).toBe(1);
    expect(client.sent).toEqual([{ type: 'configure', runId: 1, config: s.config }]);
  });

  it('connects only once', () => {
    const { client, store } = connected();
    store.getState().connect();
    expect(client.sent.filter((m) => m.type === 'configure')).toHaveLength(1);
  });

  it('stores a snapshot of the current run and appends its norms to the series', () => {
    const { client, store } = connected();
    client.emit(makeSnapshot(1, [30, 30], { epoch: 0 }));
    client.emit(makeSnapshot(1, [30, 30], { epoch: 1 }));
    const s = store.getState();
    expect(s.snapshot?.epoch).toBe(1);
    expect(s.norms.map((p) => p.x)).toEqual([0, 1]);
    expect(s.norms[1].norms).toHaveLength(2);
    expect(s.norms[1].norms[0]).toBeCloseTo(makeSnapshot(1, [30, 30]).layerNorms[0], 10);
  });

  it('places SGD probes at fractional epochs', () => {
    const { client, store } = connected();
    client.emit(makeSnapshot(1, [30, 30], { epoch: 2, batch: 1250, batchesPerEpoch: 5000 }));
    expect(store.getState().norms[0].x).toBeCloseTo(2.25, 12);
  });

  it('drops messages with a stale runId after the architecture changes', () => {
    const { client, store } = connected();
    store.getState().addHiddenLayer();
    expect(store.getState().runId).toBe(2);
    client.emit(makeSnapshot(1, [30, 30], { epoch: 3 }));
    client.emit({ type: 'status', runId: 1, status: 'running', epoch: 3 });
    client.emit({ type: 'epoch-end', runId: 1, epoch: 3, validationAccuracy: 0.9, cost: 0.3 });
    client.emit({ type: 'diverged', runId: 1, epoch: 3, batch: 0, reason: 'old' });
    let s = store.getState();
    expect(s.snapshot).toBeNull();
    expect(s.norms).toEqual([]);
    expect(s.accuracy).toEqual([]);
    expect(s.status).toBe('idle');
    expect(s.divergence).toBeNull();
    client.emit(makeSnapshot(2, [30, 30, 30]));
    s = store.getState();
    expect(s.snapshot?.runId).toBe(2);
    expect(s.norms).toHaveLength(1);
  });

  it('accepts data-loading progress whatever run it was tagged with', () => {
    const { client, store } = connected();
    client.emit({ type: 'loading', runId: 0, stage: 'train', loadedBytes: 1e6, totalBytes: 47e6 });
    expect(store.getState().loading).toEqual({ stage: 'train', loadedBytes: 1e6, totalBytes: 47e6 });
    client.emit({ type: 'ready', runId: 0, stage: 'probe', trainingCount: 1000, validationCount: 0 });
    expect(store.getState().dataReady).toBe('probe');
    client.emit({ type: 'ready', runId: 1, stage: 'all', trainingCount: 50000, validationCount: 10000 });
    expect(store.getState().dataReady).toBe('all');
    expect(store.getState().loading).toBeNull();
  });

  it('records accuracy per epoch only when it was measured', () => {
    const { client, store } = connected();
    client.emit({ type: 'epoch-end', runId: 1, epoch: 1, validationAccuracy: null, cost: 0.5 });
    client.emit({ type: 'epoch-end', runId: 1, epoch: 2, validationAccuracy: 0.95, cost: 0.4 });
    expect(store.getState().accuracy).toEqual([{ epoch: 2, accuracy: 0.95 }]);
    expect(store.getState().lastCost).toBe(0.4);
  });

  it('keeps the series bounded on a long run', () => {
    const { client, store } = connected('', 50);
    for (let e = 0; e <= 500; e++) client.emit(makeSnapshot(1, [30, 30], { epoch: e }));
    const norms = store.getState().norms;
    expect(norms.length).toBeLessThanOrEqual(50);
    expect(norms[0].x).toBe(0);
    expect(norms[norms.length - 1].x).toBe(500);
    for (let i = 1; i < norms.length; i++) expect(norms[i].x).toBeGreaterThan(norms[i - 1].x);
  });

  it('records divergence with its reason and status', () => {
    const { client, store } = connected();
    client.emit({ type: 'diverged', runId: 1, epoch: 4, batch: 17, reason: 'a weight in layer 2 became infinite' });
    expect(store.getState().status).toBe('diverged');
    expect(store.getState().divergence).toEqual({ epoch: 4, batch: 17, reason: 'a weight in layer 2 became infinite' });
  });

  it('sends start, pause, step and reset with the current runId', () => {
    const { client, store } = connected();
    const s = store.getState();
    s.start();
    s.pause();
    s.step();
    s.step(10);
    s.reset();
    expect(client.sent.slice(1)).toEqual([
      { type: 'start', runId: 1 },
      { type: 'pause', runId: 1 },
      { type: 'step', runId: 1, count: 1 },
      { type: 'step', runId: 1, count: 10 },
      { type: 'reset', runId: 2 },
    ]);
    expect(store.getState().runId).toBe(2);
    expect(noticeText(store.getState().notice)).toBe('Network re-initialised with seed 1.');
    // A probe of the weights from before the reset is still in flight: it must not be drawn.
    client.emit(makeSnapshot(1, [30, 30]));
    expect(store.getState().snapshot).toBeNull();
  });

  it('plans a pause without rebuilding the network, and says so when the run pauses there', () => {
    const { client, store } = connected('?pauseAt=20');
    expect(client.sent[0]).toMatchObject({ type: 'configure', config: { pauseAt: 20 } });
    store.getState().setPauseAt(30);
    store.getState().setPauseAt(30); // unchanged: nothing more to send
    store.getState().updateConfig({ pauseAt: undefined });
    expect(client.sent.slice(1)).toEqual([
      { type: 'set-pause-at', runId: 1, pauseAt: 30 },
      { type: 'set-pause-at', runId: 1, pauseAt: null },
    ]);
    expect('pauseAt' in store.getState().config).toBe(false);
    client.emit({ type: 'status', runId: 1, status: 'paused', epoch: 30, reason: 'pause-at' });
    expect(store.getState().status).toBe('paused');
    expect(noticeText(store.getState().notice)).toBe('Paused at epoch 30 as asked.');
    // An ordinary pause says nothing of the kind.
    const other = connected();
    other.client.emit({ type: 'status', runId: 1, status: 'paused', epoch: 30 });
    expect(other.store.getState().notice).toBeNull();
  });

  it("drops a planned pause the new mode's budget cannot reach", () => {
    const { client, store } = connected('?pauseAt=200');
    store.getState().updateConfig({ mode: 'sgd' });
    expect(client.last('configure')?.config.epochs).toBe(30);
    expect(client.last('configure')?.config.pauseAt).toBeUndefined();
  });

  it('re-initialises with the same seed and says so when the architecture changes', () => {
    const { client, store } = connected();
    store.getState().addHiddenLayer();
    expect(client.last('configure')).toEqual({
      type: 'configure',
      runId: 2,
      config: expect.objectContaining({ layers: [784, 30, 30, 30, 10], seed: 1 }),
    });
    expect(noticeText(store.getState().notice)).toMatch(/^Network re-initialised with seed 1/);
    store.getState().removeHiddenLayer(1);
    expect(client.last('configure')?.config.layers).toEqual([784, 30, 30, 10]);
    store.getState().setHiddenWidth(2, 100);
    expect(client.last('configure')).toMatchObject({ runId: 4, config: { layers: [784, 30, 100, 10] } });
  });

  it('refuses to remove the last hidden layer or to set an out-of-range width', () => {
    const { client, store } = connected('?layers=784,30,10');
    store.getState().removeHiddenLayer(1);
    store.getState().setHiddenWidth(1, 0);
    store.getState().setHiddenWidth(1, 1001);
    expect(client.sent).toHaveLength(1);
  });

  it('re-initialises when seed, initialiser or activation change, but only re-paces for speed', () => {
    const { client, store } = connected();
    store.getState().updateConfig({ seed: 7 });
    expect(client.last('configure')?.config.seed).toBe(7);
    expect(noticeText(store.getState().notice)).toBe('Network re-initialised with seed 7.');
    store.getState().updateConfig({ activation: 'relu', init: 'he' });
    expect(client.last('configure')?.config).toMatchObject({ activation: 'relu', init: 'he', seed: 7 });
    const before = client.sent.length;
    store.getState().updateConfig({ speed: 9 });
    expect(client.sent.slice(before)).toEqual([{ type: 'set-speed', runId: 3, speed: 9 }]);
  });

  it('sets the epoch budget from the mode', () => {
    const { client, store } = connected();
    store.getState().updateConfig({ mode: 'sgd' });
    expect(client.last('configure')?.config).toMatchObject({ mode: 'sgd', epochs: 30 });
  });

  it('applies and removes the exploding preset under a new runId, keeping the configuration', () => {
    const { client, store } = connected();
    client.emit(makeSnapshot(1, [30, 30]));
    store.getState().setExploding(true);
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 2, exploding: true });
    expect(client.last('configure')?.runId).toBe(1);
    expect(store.getState().config.exploding).toBe(true);
    expect(store.getState().norms).toEqual([]);
    // The old weights' probe, still in flight when the switch flipped, is dropped.
    client.emit(makeSnapshot(1, [30, 30]));
    expect(store.getState().snapshot).toBeNull();
    store.getState().setExploding(false);
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 3, exploding: false });
    expect(store.getState().runId).toBe(3);
  });

  it('shows data errors from before the first run, and retries by configuring again', () => {
    const { client, store } = connected();
    client.emit({ type: 'error', runId: 0, message: 'could not fetch /mnist/train-images-idx3-ubyte (404)', retryable: true });
    expect(store.getState().error).toEqual({ message: 'could not fetch /mnist/train-images-idx3-ubyte (404)', retryable: true });
    store.getState().retry();
    expect(store.getState().error).toBeNull();
    expect(client.last('configure')?.runId).toBe(2);
  });

  it('pins up to MAX_PINNED runs, hides and removes them', () => {
    const { client, store } = connected();
    store.getState().pinRun();
    expect(store.getState().pinned).toHaveLength(0);
    for (let k = 0; k < MAX_PINNED + 2; k++) {
      client.emit(makeSnapshot(store.getState().runId, [30, 30]));
      store.getState().pinRun();
      store.getState().updateConfig({ seed: 100 + k });
    }
    const pinned = store.getState().pinned;
    expect(MAX_PINNED).toBeGreaterThanOrEqual(4);
    expect(pinned).toHaveLength(MAX_PINNED);
    expect(pinned[0].config.seed).toBe(1);
    expect(pinned[1].config.seed).toBe(100);
    store.getState().togglePinned(pinned[0].id);
    expect(store.getState().pinned[0].hidden).toBe(true);
    store.getState().removePinned(pinned[1].id);
    expect(store.getState().pinned.map((p) => p.config.seed)).toEqual([1, 101, 102, 103, 104]);
  });

  it('does not pin the same unchanged curves twice, but pins again once the run has moved on', () => {
    const { client, store } = connected();
    client.emit(makeSnapshot(1, [30, 30], { epoch: 0 }));
    store.getState().pinRun();
    store.getState().pinRun();
    expect(store.getState().pinned).toHaveLength(1);
    expect(isPinned(store.getState())).toBe(true);
    client.emit(makeSnapshot(1, [30, 30], { epoch: 1 }));
    expect(isPinned(store.getState())).toBe(false);
    store.getState().pinRun();
    expect(store.getState().pinned.map((p) => p.norms.length)).toEqual([1, 2]);
  });

  it('reduceMessage returns null for a stale run', () => {
    const { store } = connected();
    expect(reduceMessage(store.getState(), { type: 'status', runId: 9, status: 'running', epoch: 0 })).toBeNull();
  });

  it("keeps a long epoch's progress until the epoch's snapshot, and forgets it on reset", () => {
    const { client, store } = connected();
    client.emit({ type: 'progress', runId: 1, epoch: 3, done: 410, total: 1000, stage: 'training' });
    expect(store.getState().epochProgress).toEqual({ epoch: 3, done: 410, total: 1000 });
    client.emit({ type: 'progress', runId: 9, epoch: 3, done: 600, total: 1000, stage: 'training' });
    expect(store.getState().epochProgress?.done).toBe(410);
    client.emit(makeSnapshot(1, [30, 30], { epoch: 3 }));
    expect(store.getState().epochProgress).toBeNull();
    client.emit({ type: 'progress', runId: 1, epoch: 4, done: 20, total: 1000, stage: 'training' });
    store.getState().reset();
    expect(store.getState().epochProgress).toBeNull();
  });

  it('reads the configuration from the URL and reports ignored parameters', () => {
    const { store } = connected('?layers=784,30,30,30,10&seed=abc&eta=0.5');
    const s = store.getState();
    expect(s.config.layers).toEqual([784, 30, 30, 30, 10]);
    expect(s.config.eta).toBe(0.5);
    expect(s.config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(s.urlNotices).toHaveLength(1);
    expect(say('en', s.urlNotices[0])).toContain('"seed"');
  });
});
