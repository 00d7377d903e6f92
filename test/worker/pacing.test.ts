import { describe, expect, it } from 'vitest';
import { MAX_LAG_MS, MIN_WAIT_MS, nextInChunk, Pacer, THROUGHPUT_WINDOW_MS, ThroughputMeter } from '../../src/worker/pacing';
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
  it('reports examples per second since the restart, and 0 when idle or empty', () => {
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

  it('measures over the last second or more of marks, so a slow gap between two snapshots does not swing it', () => {
    const t = new ThroughputMeter();
    t.restart(0);
    // Snapshots every 200 ms, 40,000 examples between each, except one gap with a validation: 10,000.
    const gaps = [40_000, 40_000, 40_000, 40_000, 10_000, 40_000];
    let now = 0;
    for (const examples of gaps) {
      t.add(examples);
      now += 200;
      t.mark(now);
    }
    // From the mark at 200 ms (the latest at least THROUGHPUT_WINDOW_MS old) to 1200 ms: 170,000 in 1 s.
    expect(now - THROUGHPUT_WINDOW_MS).toBe(200);
    expect(t.perSecond(now, true)).toBe(170_000);
    // Between two marks alone it would have read 50,000/s for the slow gap and 200,000/s for the others.
    // Once the slow gap is more than a window old, the figure is the steady rate.
    for (let i = 0; i < 4; i++) {
      t.add(40_000);
      now += 200;
      t.mark(now);
    }
    expect(t.perSecond(now, true)).toBe(200_000);
  });

  it('a restart forgets the marks: time paused does not count', () => {
    const t = new ThroughputMeter();
    t.restart(0);
    t.add(1000);
    t.mark(500);
    t.restart(60_000);
    t.add(100);
    expect(t.perSecond(60_100, true)).toBe(1000);
  });
});
