import { describe, expect, it } from 'vitest';
import { createRng, shuffle } from '../../../src/engine/core/rng';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const xa = Array.from({ length: 50 }, () => [a.uint32(), a.uniform(), a.normal()]);
    const xb = Array.from({ length: 50 }, () => [b.uint32(), b.uniform(), b.normal()]);
    const xc = Array.from({ length: 50 }, () => [c.uint32(), c.uniform(), c.normal()]);
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('is mulberry32: seed 0 starts with the published first output', () => {
    // First mulberry32 output for state 0: state += 0x6D2B79F5, then the two mixing rounds.
    let t = 0x6d2b79f5;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const first = (t ^ (t >>> 14)) >>> 0;
    expect(createRng(0).uint32()).toBe(first);
    expect(first).toBe(1144304738);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and normals with mean 0, variance 1', () => {
    const rng = createRng(7);
    const N = 100_000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.uniform();
      su += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(su / N).toBeCloseTo(0.5, 2);
    expect(Math.abs(sn / N)).toBeLessThan(0.015); // 4.7 standard errors
    expect(sn2 / N).toBeGreaterThan(0.98);
    expect(sn2 / N).toBeLessThan(1.02);
  });

  it('rejects a seed that is not a finite number', () => {
    expect(() => createRng(Number.NaN)).toThrow('random seed must be a finite number, got NaN');
  });
});

describe('shuffle', () => {
  it('permutes in place, deterministically per seed', () => {
    const a = Uint32Array.from({ length: 100 }, (_, i) => i);
    const b = a.slice();
    shuffle(a, createRng(1));
    shuffle(b, createRng(1));
    expect(a).toEqual(b);
    expect(Array.from(a).sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('puts each item in each place about equally often', () => {
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    const rng = createRng(99);
    const order = new Uint32Array(4);
    for (let t = 0; t < 40_000; t++) {
      order.set([0, 1, 2, 3]);
      shuffle(order, rng);
      order.forEach((item, place) => {
        counts[item][place]++;
      });
    }
    for (const row of counts) for (const c of row) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});
