import { describe, expect, it } from 'vitest';
import { appendBounded, appendNormPoint } from '../../src/store/series';

describe('bounded series', () => {
  it('appends without copying the old array in place', () => {
    const a = [1, 2];
    const b = appendBounded(a, 3, 10);
    expect(b).toEqual([1, 2, 3]);
    expect(a).toEqual([1, 2]);
  });

  it('never exceeds its limit and keeps the first and the newest points', () => {
    let s: number[] = [];
    for (let i = 0; i < 10_000; i++) s = appendBounded(s, i, 100);
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s[0]).toBe(0);
    expect(s[s.length - 1]).toBe(9999);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
  });

  it('thins only the older half: the recent points stay consecutive', () => {
    let s: number[] = [];
    for (let i = 0; i < 1000; i++) s = appendBounded(s, i);
    s = appendBounded(s, 1000);
    expect(s.length).toBe(751);
    expect(s.slice(-5)).toEqual([996, 997, 998, 999, 1000]);
    expect(s.slice(0, 3)).toEqual([0, 2, 4]);
  });

  it('drops the replaced network’s points when training restarts from an earlier epoch', () => {
    let s = [0, 1, 2, 3].map((x) => ({ x, norms: [x] }));
    // The preset restarts at epoch 0 while a probe of epoch 4 of the old network is still in flight.
    s = appendNormPoint(s, { x: 0, norms: [100] });
    s = appendNormPoint(s, { x: 4, norms: [4] });
    s = appendNormPoint(s, { x: 1, norms: [90] });
    expect(s).toEqual([
      { x: 0, norms: [100] },
      { x: 1, norms: [90] },
    ]);
  });

  it('replaces a repeated probe at the same x instead of adding a point', () => {
    const s = appendNormPoint([{ x: 0, norms: [1] }], { x: 0, norms: [2] });
    expect(s).toEqual([{ x: 0, norms: [2] }]);
  });
});
