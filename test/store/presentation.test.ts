import { describe, expect, it } from 'vitest';
import { parsePresentation, presentationQuery } from '../../src/store/presentation';
import { createLabStore } from '../../src/store/store';
import { mirrorConfigInUrl } from '../../src/store/url';
import { createFakeClient } from './fakeClient';

describe('presentation mode in the URL', () => {
  it('reads present=1 (and true/on) as on, anything else as off', () => {
    expect(parsePresentation('?present=1')).toBe(true);
    expect(parsePresentation('layers=784,30,10&present=on')).toBe(true);
    expect(parsePresentation('?present=TRUE')).toBe(true);
    expect(parsePresentation('?present=0')).toBe(false);
    expect(parsePresentation('?present=yes please')).toBe(false);
    expect(parsePresentation('')).toBe(false);
    expect(presentationQuery(true)).toBe('&present=1');
    expect(presentationQuery(false)).toBe('');
  });

  it('opens the store in presentation mode and keeps the address bar in step without rebuilding the network', () => {
    const urls: string[] = [];
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?layers=784,30,30,10&present=1' });
    store.getState().connect();
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '#main' });
    expect(store.getState().presenting).toBe(true);
    expect(urls[0]).toMatch(/^\/\?layers=784,30,30,10&.*&present=1#main$/);
    const configures = client.sent.filter((m) => m.type === 'configure').length;
    store.getState().setPresenting(false);
    expect(urls).toHaveLength(2);
    expect(urls[1]).not.toContain('present=');
    // Looking at a run differently is not a new run.
    expect(client.sent.filter((m) => m.type === 'configure').length).toBe(configures);
    store.getState().setPresenting(false);
    expect(urls).toHaveLength(2);
  });
});
