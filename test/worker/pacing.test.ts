import { describe, expect, it } from 'vitest';
import { MAX_LAG_MS, MIN_WAIT_MS, nextInChunk, Pacer, ThroughputMeter } from '../../src/worker/pacing';
import { CHUNK_MS, paceFor } from '../../src/worker/schedule';

describe('Pacer', () => {
  it('never waits at full speed', () => {
    const p = new Pacer();
    p.restart(0);
    p.add(1_000_000);
    expect(p.delay('sgd', 10, 1)).toBe(0);
  });

  it('waits until the work done is due at the pace of the speed control', () => {
    const p = new Pacer();
    p.restart(1000);
    p.add(1);
    // Speed 1 in learning-speed mode is two epochs a second: one epoch is due 500 ms after the origin.
    expect(paceFor('learning-speed', 1)).toBe(2);
    expect(p.delay('learning-speed', 1, 1100)).toBe(400);
    p.add(1);
    expect(p.delay('learning-speed', 1, 1100)).toBe(900);
    // In SGD mode the units are examples: 500 a second at speed 1.
    const q = new Pacer();
    q.restart(0);
    q.add(250);
    expect(q.delay('sgd', 1, 100)).toBe(400);
  });

  it('does not rush to catch up after falling far behind: it counts afresh', () => {
    const p = new Pacer();
    p.restart(0);
    p.add(1); // due at 500 ms at speed 1
    expect(p.delay('learning-speed', 1, 500 + MAX_LAG_MS)).toBe(-MAX_LAG_MS);
    expect(p.delay('learning-speed', 1, 501 + MAX_LAG_MS)).toBe(0);
    // Afresh: the next epoch is due half a second after that moment, not at once.
    p.add(1);
    expect(p.delay('learning-speed', 1, 501 + MAX_LAG_MS)).toBe(500);
  });
});

describe('nextInChunk', () => {
  it('waits for a debt worth a timer, yields when the chunk has had its time, and goes on otherwise', () => {
    expect(nextInChunk(MIN_WAIT_MS, 0, 1)).toEqual({ kind: 'wait', ms: MIN_WAIT_MS });
    expect(nextInChunk(MIN_WAIT_MS - 0.1, 0, 1)).toEqual({ kind: 'continue' });
    expect(nextInChunk(0, 100, 100 + CHUNK_MS)).toEqual({ kind: 'yield' });
    expect(nextInChunk(0, 100, 99 + CHUNK_MS)).toEqual({ kind: 'continue' });
    // A short debt is paid by the next yield rather than its own timer.
    expect(nextInChunk(2, 100, 100 + CHUNK_MS)).toEqual({ kind: 'yield' });
  });
});

describe('ThroughputMeter', () => {
  it('reports examples per second since the last restart, and 0 when idle or empty', () => {
    const t = new ThroughputMeter();
    t.restart(1000);
    expect(t.perSecond(1500, true)).toBe(0);
    t.add(300);
    t.add(200);
    expect(t.perSecond(1500, true)).toBe(1000);
    expect(t.perSecond(1500, false)).toBe(0);
    expect(t.perSecond(1000, true)).toBe(0);
    t.restart(1500);
    expect(t.perSecond(2000, true)).toBe(0);
  });
});
