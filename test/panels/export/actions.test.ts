// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exportNetwork } from '../../../src/panels/export/actions';
import { say } from '../../../src/i18n/text';
import { createLabStore } from '../../../src/store/store';
import { createFakeClient } from '../../store/fakeClient';

function connected() {
  const client = createFakeClient();
  const store = createLabStore({ client, search: '?layers=784,2,10' });
  store.getState().connect();
  return { client, store };
}

describe('exporting the network', () => {
  it('refuses a diverged network (NaN weights) with that reason, not as a network that could not be read', async () => {
    const { client, store } = connected();
    const done = exportNetwork(store);
    const { requestId } = client.last('read-network')!;
    const weights = [new Float32Array(784 * 2).fill(Number.NaN), new Float32Array(20)];
    client.emit({
      type: 'network',
      runId: 1,
      requestId,
      sizes: [784, 2, 10],
      weights,
      biases: [new Float32Array(2), new Float32Array(10)],
    });
    await done;
    const notice = store.getState().notice!;
    expect(say('en', notice)).toContain('no longer numbers (the run diverged)');
    expect(say('zh-CN', notice)).toContain('这次运行发散了');
  });

  it("names the worker's refusal in the notice, in the language on screen", async () => {
    const { client, store } = connected();
    const done = exportNetwork(store);
    const { requestId } = client.last('read-network')!;
    client.emit({ type: 'network-refused', runId: 1, requestId, cause: { kind: 'not-configured', command: 'read-network' } });
    await done;
    const notice = store.getState().notice!;
    expect(say('en', notice)).toBe(
      'The network could not be read out of the training worker: cannot read out the network yet: no network has been configured.',
    );
    expect(say('zh-CN', notice)).toBe('无法从训练线程读出网络：还不能读出网络：尚未配置网络。');
  });
});
