import { describe, expect, it, vi } from 'vitest';
import { createLabStore } from '../../src/store/store';
import { createNetworkRequests } from '../../src/store/networkRequests';
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

  it('gives up with an error when the worker never answers', async () => {
    vi.useFakeTimers();
    try {
      const requests = createNetworkRequests(1000);
      const { answer } = requests.open();
      const caught = answer.catch((err: Error) => err.message);
      vi.advanceTimersByTime(1001);
      expect(await caught).toBe('the training worker did not answer');
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
