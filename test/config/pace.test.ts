import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_PACE, nearestPace, PACE_SPEEDS, paceAt, PACES, unitsPerSecond } from '../../src/config';

describe('named paces', () => {
  it('mean these epochs per second in learning-speed mode and examples per second in SGD mode', () => {
    const epochs = PACES.map((p) => unitsPerSecond('learning-speed', PACE_SPEEDS[p]));
    const examples = PACES.map((p) => unitsPerSecond('sgd', PACE_SPEEDS[p]));
    expect(epochs).toEqual([4, 15, 60, Infinity]);
    expect(examples).toEqual([1000, 3500, 12000, Infinity]);
  });

  it('start a first visit at the lesson pace: the first 50 epochs take 10 to 20 seconds', () => {
    expect(DEFAULT_PACE).toBe('lesson');
    expect(DEFAULT_CONFIG.speed).toBe(PACE_SPEEDS.lesson);
    const seconds = 50 / unitsPerSecond('learning-speed', DEFAULT_CONFIG.speed);
    expect(seconds).toBeGreaterThanOrEqual(10);
    expect(seconds).toBeLessThanOrEqual(20);
  });

  it('are points on the speed scale, found again from their speed', () => {
    for (const p of PACES) expect(paceAt(PACE_SPEEDS[p])).toBe(p);
    expect(paceAt(5)).toBeNull();
    expect(paceAt(2.5)).toBeNull();
  });

  it('take any speed to the nearest named pace, a tie to the slower one', () => {
    const nearest = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(nearestPace);
    expect(nearest).toEqual(['lesson', 'lesson', 'lesson', 'brisk', 'brisk', 'fast', 'fast', 'fast', 'full', 'full']);
    expect(nearestPace(5.6)).toBe('fast');
  });
});
