import { describe, expect, it } from 'vitest';
import { createEventLoopScheduler, paceFor, sgdProbeInterval } from '../../src/worker/schedule';

describe('pace', () => {
  it('speeds up monotonically and is unlimited at 10', () => {
    for (const mode of ['learning-speed', 'sgd'] as const) {
      const rates = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => paceFor(mode, s));
      for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]);
      expect(rates[9]).toBe(Infinity);
    }
  });

  it('lets a class follow each epoch at speed 3 or below in learning-speed mode', () => {
    expect(paceFor('learning-speed', 1)).toBeLessThanOrEqual(10);
    expect(paceFor('learning-speed', 3)).toBe(10);
  });
});

describe('SGD probe interval', () => {
  it('holds six probe sets of examples at full speed', () => {
    expect(sgdProbeInterval(10, 1000, 10)).toBe(600);
    expect(sgdProbeInterval(100, 1000, 10)).toBe(60);
    expect(sgdProbeInterval(30_000, 1000, 10)).toBe(1);
  });

  it('probes more often at a slow pace, about four times a second', () => {
    expect(sgdProbeInterval(10, 1000, 1)).toBe(Math.round(paceFor('sgd', 1) / 4 / 10));
    expect(sgdProbeInterval(10, 1000, 1)).toBeLessThan(sgdProbeInterval(10, 1000, 10));
  });
});

describe('the event-loop scheduler', () => {
  it('runs zero-delay callbacks in order, before a delayed one', async () => {
    const s = createEventLoopScheduler();
    const order: string[] = [];
    await new Promise<void>((done) => {
      s.schedule(() => order.push('a'), 0);
      s.schedule(() => order.push('b'), 0);
      s.schedule(() => {
        order.push('late');
        done();
      }, 30);
    });
    expect(order).toEqual(['a', 'b', 'late']);
  });
});
