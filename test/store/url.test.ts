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
});
