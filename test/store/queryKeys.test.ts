import { describe, expect, it } from 'vitest';
import { checkQueryKeys, editDistance, KNOWN_URL_KEYS, suggestKey } from '../../src/store/queryKeys';
import { parseQuery, serialiseQuery } from '../../src/store/config';
import { createLabStore } from '../../src/store/store';
import { DEFAULT_CONFIG } from '../../src/config';
import { createFakeClient } from './fakeClient';
import { say } from '../../src/i18n/text';

describe('the keys of the address', () => {
  it('knows every key the page itself writes or reads, so its own links raise no notice', () => {
    const own = `${serialiseQuery({ ...DEFAULT_CONFIG, clipNorm: 1, pauseAt: 3, residual: true, normalisation: 'layer' })}&scale=log&present=1&lang=zh-CN&lesson=1`;
    expect(checkQueryKeys(own)).toEqual([]);
    expect(KNOWN_URL_KEYS).toEqual(expect.arrayContaining(['layers', 'seed', 'pauseAt', 'scale', 'present', 'lang', 'lesson']));
  });

  it('names an unknown key, with a "did you mean" when a known one is close', () => {
    expect(checkQueryKeys('?sede=3&lamda=1&layer=784,30,10&Seed=4')).toEqual([
      'Ignored URL parameter "sede": did you mean seed?',
      'Ignored URL parameter "lamda": did you mean lambda?',
      'Ignored URL parameter "layer": did you mean layers?',
      'Ignored URL parameter "Seed": did you mean seed?',
    ]);
    expect(checkQueryKeys('?colour=red')).toEqual([
      'Ignored URL parameter "colour": the page does not read it.',
      `The page reads: ${KNOWN_URL_KEYS.join(', ')}.`,
    ]);
  });

  it("translates the experiments' command-line spellings", () => {
    expect(checkQueryKeys('?preset=exploding')).toEqual(['Ignored URL parameter "preset": did you mean exploding=1?']);
    expect(suggestKey('layernorm', '1')).toBe('norm=layer');
    expect(suggestKey('--batch-size', '10')).toBe('batch');
  });

  it('names a key given twice and says which value is used', () => {
    expect(checkQueryKeys('?seed=3&eta=0.5&seed=9&seed=2')).toEqual([
      'URL parameter "seed" is given 3 times; the first, "3", is used and the others are ignored.',
    ]);
    expect(parseQuery('?seed=3&seed=9').config.seed).toBe(3);
  });

  it('quotes a huge key at most 40 characters long, and counts rather than lists a flood of keys', () => {
    const [notice] = checkQueryKeys(`?${'k'.repeat(100_000)}=1`);
    expect(notice).toBe(`Ignored URL parameter "${'k'.repeat(40)}…" (100,000 characters): the page does not read it.`);
    const flood = checkQueryKeys(`?${Array.from({ length: 300 }, (_, i) => `x${i}=1`).join('&')}`);
    expect(flood).toHaveLength(7);
    expect(flood[5]).toBe('Ignored 295 more URL parameters the page does not read.');
  });

  it('reaches the page: the store shows the key notices with the value notices', () => {
    const store = createLabStore({ client: createFakeClient(), search: '?preset=exploding&seed=x' });
    expect(store.getState().urlNotices.map((p) => say('en', p))).toEqual([
      'Ignored URL parameter "seed": Seed must be a whole number at least 0 and at most 4294967295, got "x". Using the default, 1.',
      'Ignored URL parameter "preset": did you mean exploding=1?',
    ]);
  });

  it('measures edits with swaps counted once', () => {
    expect(editDistance('sede', 'seed')).toBe(1);
    expect(editDistance('', 'eta')).toBe(3);
    expect(editDistance('mode', 'mode')).toBe(0);
  });
});
