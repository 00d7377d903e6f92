import { describe, expect, it } from 'vitest';
import { createLabStore, shownStatus } from '../../src/store/store';
import { localText } from '../../src/i18n/text';
import { createFakeClient, makeSnapshot } from './fakeClient';

function connected(search = '') {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  return { client, store };
}

const failed = { type: 'worker-fault', fault: { kind: 'failed', detail: null } } as const;
const silent = { type: 'worker-fault', fault: { kind: 'unresponsive', detail: null } } as const;

describe('a stopped worker', () => {
  it('stays named through any setting change, and Start does not claim to train', () => {
    const { client, store } = connected();
    client.emit(failed);
    store.getState().addHiddenLayer();
    store.getState().updateConfig({ eta: 0.5 });
    store.getState().setExploding(true);
    store.getState().reset();
    expect(store.getState().workerFault).toEqual({ kind: 'failed', detail: null });
    const sentBefore = client.sent.length;
    store.getState().start();
    store.getState().step(3);
    expect(client.sent.length).toBe(sentBefore);
    expect(store.getState().status).not.toBe('running');
    expect(shownStatus(store.getState())).toBe('worker-stopped');
  });

  it('overrides a last "running": the status shown is the stopped worker', () => {
    const { client, store } = connected();
    store.getState().start();
    client.emit({ type: 'status', runId: 1, status: 'running', epoch: 118 });
    client.emit(silent);
    expect(shownStatus(store.getState())).toBe('worker-stopped');
  });

  it('a silent worker that answers again is running after all; a failed one is not revived by an answer', () => {
    const { client, store } = connected();
    client.emit(silent);
    client.emit({ type: 'worker-responding' });
    expect(store.getState().workerFault).toBeNull();
    client.emit(failed);
    client.emit(silent);
    client.emit({ type: 'worker-responding' });
    expect(store.getState().workerFault).toEqual({ kind: 'failed', detail: null });
  });

  it('Restart starts a new worker with the same configuration and trains back to the last epoch (learning speed)', () => {
    const { client, store } = connected('?layers=784,30,30,30,10&seed=4');
    store.getState().start();
    client.emit({ type: 'ready', runId: 1, stage: 'all', trainingCount: 50000, validationCount: 10000 });
    client.emit(makeSnapshot(1, [30, 30, 30], { epoch: 118 }));
    client.emit(silent);
    const config = store.getState().config;
    store.getState().restartWorker();
    const s = store.getState();
    expect(client.restarts).toBe(1);
    expect(s.workerFault).toBeNull();
    expect(s.dataReady).toBe('none');
    expect(s.runId).toBe(2);
    expect(client.sent.slice(-2)).toEqual([
      { type: 'configure', runId: 2, config },
      { type: 'step', runId: 2, count: 118 },
    ]);
    expect(s.notice).toEqual(localText('restartedReplay', 4, 118));
  });

  it('Restart starts from the seed where training back is not the same network: SGD, or a preset switched on mid-run', () => {
    const sgd = connected('?mode=sgd');
    sgd.client.emit(makeSnapshot(1, [30, 30], { epoch: 3, batch: 20, batchesPerEpoch: 5000 }));
    sgd.client.emit(failed);
    sgd.store.getState().restartWorker();
    expect(sgd.client.last('step')).toBeUndefined();
    expect(sgd.store.getState().notice).toEqual(localText('restartedFresh', 1));

    const preset = connected();
    preset.client.emit(makeSnapshot(1, [30, 30], { epoch: 40 }));
    preset.store.getState().setExploding(true);
    preset.client.emit(makeSnapshot(2, [30, 30], { epoch: 12 }));
    preset.client.emit(failed);
    preset.store.getState().restartWorker();
    expect(preset.client.last('step')).toBeUndefined();
    expect(preset.client.last('configure')?.config.exploding).toBe(true);
  });
});

describe('status and error never contradict each other', () => {
  it('a download that fails while a start waits for it ends the wait: no "Training" beside the error', () => {
    const { client, store } = connected('?mode=sgd');
    store.getState().start();
    client.emit({ type: 'status', runId: 1, status: 'running', epoch: 0, waitingForData: true });
    client.emit({ type: 'error', runId: 1, message: 'could not load the MNIST files: Failed to fetch', retryable: true });
    const s = store.getState();
    expect(s.error?.retryable).toBe(true);
    expect(s.status).toBe('idle');
    expect(s.waitingForData).toBe(false);
  });

  it('a start after a failed download loads the data again: the error gives way to the retry', () => {
    const { client, store } = connected('?mode=sgd');
    client.emit({ type: 'error', runId: 1, message: 'could not load the MNIST files: Failed to fetch', retryable: true });
    store.getState().start();
    expect(store.getState().error).toBeNull();
    expect(store.getState().notice).toEqual(localText('retrying'));
    expect(client.last('start')).toEqual({ type: 'start', runId: 1 });
    // The worker's word that it waits for the data it is loading again also clears a standing download error.
    client.emit({ type: 'error', runId: 1, message: 'could not load the MNIST files: Failed to fetch', retryable: true });
    client.emit({ type: 'status', runId: 1, status: 'running', epoch: 0, waitingForData: true });
    expect(store.getState().error).toBeNull();
  });
});

describe('a preset switched on after a run diverged', () => {
  it('says the network starts afresh from the seed, and the run is no longer shown as diverged', () => {
    const { client, store } = connected('?eta=1000000&seed=3');
    client.emit(makeSnapshot(1, [30, 30], { epoch: 4 }));
    client.emit({ type: 'diverged', runId: 1, epoch: 5, batch: 0, reason: 'the cost became NaN after 5 epochs' });
    store.getState().setExploding(true);
    const s = store.getState();
    expect(s.notice).toEqual(localText('presetAfterDivergence', 3));
    expect(s.status).toBe('idle');
    expect(s.divergence).toBeNull();
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 2, exploding: true });
  });
});
