import { describe, expect, it } from 'vitest';
import { QUIET_TOLERANCE, isQuiet, median, quietChunkRates } from '../../bench/measure';

describe('keeping the chunks timed while the machine was quiet', () => {
  it('calls a reading quiet within QUIET_TOLERANCE of the fastest, and not below', () => {
    expect(isQuiet(1000, 1000)).toBe(true);
    expect(isQuiet(1000 * (1 - QUIET_TOLERANCE), 1000)).toBe(true);
    expect(isQuiet(1000 * (1 - QUIET_TOLERANCE) - 1, 1000)).toBe(false);
  });

  it('keeps a chunk only when the readings on both sides of it are quiet', () => {
    // Like the minute that was measured: the machine slows to 63 % of its pace for a few seconds, the engine with it.
    const readings = [635, 634, 400, 405, 410, 402, 634, 633, 636, 635];
    const rates = [225, 150, 140, 142, 141, 148, 226, 224, 225];
    const kept = quietChunkRates(rates, readings, 636);
    // Chunks 1 to 5 each touch a slow reading.
    expect(kept).toEqual([225, 226, 224, 225]);
    expect(median(kept)).toBe(225);
    // The plain median would have reported the slowdown as the engine's speed.
    expect(median(rates)).toBe(150);
    expect(() => quietChunkRates(rates, readings.slice(1), 636)).toThrow(/9 chunks need 10 readings/);
  });
});
