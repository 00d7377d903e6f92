import { describe, expect, it } from 'vitest';
import { parseViewQuery, serialiseView } from '../../src/store/view';
import { createLabStore } from '../../src/store/store';
import { mirrorConfigInUrl } from '../../src/store/url';
import { createFakeClient } from './fakeClient';
import { say } from '../../src/i18n/text';

describe('view settings in the URL', () => {
  it('defaults to the latest-probe scale', () => {
    expect(parseViewQuery('')).toEqual({ view: { barScale: 'now' }, notices: [] });
  });

  it('reads each scale, in any case', () => {
    expect(parseViewQuery('?scale=first').view.barScale).toBe('first');
    expect(parseViewQuery('scale=LOG').view.barScale).toBe('log');
  });

  it('ignores a bad value and names it', () => {
    const parsed = parseViewQuery('?scale=cubic');
    expect(parsed.view.barScale).toBe('now');
    expect(parsed.notices).toEqual([
      'Ignored URL parameter "scale": scale must be one of now, first, log, got "cubic". Using the default, now.',
    ]);
  });

  it('round-trips', () => {
    for (const barScale of ['now', 'first', 'log'] as const)
      expect(parseViewQuery(serialiseView({ barScale })).view.barScale).toBe(barScale);
  });

  it('reaches the store and its notices, and the address bar follows a change without rebuilding the network', () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?scale=log&seed=oops' });
    expect(store.getState().view.barScale).toBe('log');
    expect(store.getState().urlNotices).toHaveLength(1);
    expect(say('en', createLabStore({ client, search: '?scale=x' }).getState().urlNotices[0])).toMatch(/"scale"/);
    const urls: string[] = [];
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '#n' });
    expect(urls[0]).toMatch(/&scale=log&lang=en#n$/);
    const runId = store.getState().runId;
    store.getState().setBarScale('first');
    expect(urls[1]).toMatch(/&scale=first&lang=en#n$/);
    expect(store.getState().runId).toBe(runId);
  });
});
