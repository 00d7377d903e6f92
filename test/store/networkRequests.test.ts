import { describe, expect, it, vi } from 'vitest';
import { createLabStore } from '../../src/store/store';
import { createNetworkRequests, NetworkReadError } from '../../src/store/networkRequests';
import { DEFAULT_CONFIG } from '../../src/config';
import { createFakeClient, makeSnapshot } from './fakeClient';

describe('reading the network out of the worker', () => {
  it("asks the worker, and the answer with the request's number settles it", async () => {
    const client = createFakeClient();
    const store = createLabStore({ client });
    store.getState().connect();
    const answer = store.getState().readNetwork();
    const asked = client.last('read-network');
    expect(asked?.runId).toBe(store.getState().runId);
    const weights = [new Float32Array([1, 2])];
    client.emit({ type: 'network', runId: 99, requestId: asked!.requestId + 1, sizes: [2, 1], weights, biases: [new Float32Array(1)] });
    client.emit({ type: 'network', runId: 1, requestId: asked!.requestId, sizes: [2, 1], weights, biases: [new Float32Array(1)] });
    await expect(answer).resolves.toMatchObject({ sizes: [2, 1] });
  });

  it("fails with the worker's reason, at once, when the worker answers that it has no network to send", async () => {
    const client = createFakeClient();
    const store = createLabStore({ client });
    store.getState().connect();
    const answer = store.getState().readNetwork();
    const { requestId } = client.last('read-network')!;
    const cause = { kind: 'not-configured', command: 'read-network' } as const;
    client.emit({ type: 'network-refused', runId: 1, requestId, cause });
    const err = await answer.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkReadError);
    expect((err as NetworkReadError).failure).toEqual({ kind: 'refused', cause });
    // The refusal is the request's own answer, not an error of the run.
    expect(store.getState().error).toBeNull();
  });

  it('fails at once when the worker it asked is restarted or fails before answering, and when it has already failed', async () => {
    vi.useFakeTimers();
    try {
      const client = createFakeClient();
      const store = createLabStore({ client });
      store.getState().connect();
      const failures: unknown[] = [];
      const collect = (p: Promise<unknown>) => p.catch((e: NetworkReadError) => failures.push(e.failure));

      collect(store.getState().readNetwork());
      store.getState().restartWorker();
      await vi.advanceTimersByTimeAsync(0);
      expect(failures).toEqual([{ kind: 'worker-gone' }]);
      collect(store.getState().readNetwork());
      client.emit({ type: 'worker-fault', fault: { kind: 'failed', detail: 'boom' } });
      await vi.advanceTimersByTimeAsync(0);
      expect(failures).toHaveLength(2);
      const sentBefore = client.sent.length;
      collect(store.getState().readNetwork());
      // Nothing is sent to a worker that failed; the request does not wait for the timeout either.
      expect(client.sent.length).toBe(sentBefore);
      await vi.advanceTimersByTimeAsync(0);
      expect(failures).toEqual([{ kind: 'worker-gone' }, { kind: 'worker-gone' }, { kind: 'worker-gone' }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up with an error when the worker never answers', async () => {
    vi.useFakeTimers();
    try {
      const requests = createNetworkRequests(1000);
      const { answer } = requests.open();
      const caught = answer.catch((err: NetworkReadError) => err.failure);
      vi.advanceTimersByTime(1001);
      expect(await caught).toEqual({ kind: 'no-answer', seconds: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('loading into the store', () => {
  it('a network builds a sigmoid network of its sizes and sends its weights to that run', () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?activation=tanh&residual=1&exploding=1&seed=3' });
    store.getState().connect();
    const weights = [new Float32Array(784 * 2), new Float32Array(20)];
    store.getState().loadNetwork({ sizes: [784, 2, 10], weights, biases: [new Float32Array(2), new Float32Array(10)] }, 'Loaded.');
    const s = store.getState();
    expect(s.config).toMatchObject({ layers: [784, 2, 10], activation: 'sigmoid', exploding: false, seed: 3 });
    expect(s.config.residual).toBeUndefined();
    expect(s.notice).toBe('Loaded.');
    expect(client.last('configure')?.runId).toBe(s.runId);
    expect(client.last('load-network')).toMatchObject({ runId: s.runId, weights });
  });

  it('a workspace replaces the pinned runs and takes the configuration', () => {
    const client = createFakeClient();
    const store = createLabStore({ client });
    store.getState().connect();
    const config = { ...DEFAULT_CONFIG, layers: [784, 30, 30, 30, 10] };
    const pinned = [{ id: 4, config, norms: [{ x: 0, norms: [1, 2, 3] }], accuracy: [], hidden: false }];
    store.getState().loadWorkspace(config, pinned, 'Workspace.');
    expect(store.getState().pinned).toEqual(pinned);
    expect(store.getState().config.layers).toEqual([784, 30, 30, 30, 10]);
    expect(store.getState().notice).toBe('Workspace.');
    // The next pin does not reuse a loaded run's number.
    client.emit(makeSnapshot(store.getState().runId, [30, 30, 30]));
    store.getState().pinRun();
    expect(store.getState().pinned.map((p) => p.id)).toEqual([4, 5]);
  });
});
