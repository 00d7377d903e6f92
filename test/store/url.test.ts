import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/store';
import { mirrorConfigInUrl } from '../../src/store/url';
import { createFakeClient } from './fakeClient';

describe('mirrorConfigInUrl', () => {
  it('writes the configuration into the address bar, replacing a bad hand-edited value', () => {
    const urls: string[] = [];
    const store = createLabStore({ client: createFakeClient(), search: '?seed=oops' });
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '' });
    expect(urls[0]).toContain('seed=1&');
    store.getState().updateConfig({ seed: 3 });
    expect(urls).toHaveLength(2);
    expect(urls[1]).toContain('seed=3&');
  });

  it('writes the language, so a shared link opens in it, and follows a switch without rebuilding the network', () => {
    const urls: string[] = [];
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?lang=zh-CN' });
    store.getState().connect();
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '' });
    expect(urls[0]).toMatch(/&lang=zh-CN$/);
    const runId = store.getState().runId;
    store.getState().setLang('en');
    expect(urls).toHaveLength(2);
    expect(urls[1]).toMatch(/&lang=en$/);
    expect(store.getState().runId).toBe(runId);
    expect(client.sent.filter((m) => m.type === 'configure')).toHaveLength(1);
  });
});
