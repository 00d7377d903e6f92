/**
 * The pace of a run. Underneath it is the numeric speed scale 1..10 that the worker, the benchmarks and
 * the configuration have always spoken; on the page a teacher picks one of four named points on it.
 *
 * Why keep the numbers underneath rather than store the name: a pace is a rate the worker keeps to, and
 * code (a benchmark, a test) may want a rate between the named ones. The page offers only the named
 * points, and a number from anywhere else is shown as the named point nearest to it.
 */
import type { TrainingMode } from './runConfig';

/** The ends of the speed scale: 1 is the gentlest pace, 10 is as fast as the worker can go. */
export const MIN_SPEED = 1;
export const MAX_SPEED = 10;

/**
 * Full-batch epochs per second at speeds 1..9 in learning-speed mode (10 is as fast as the worker can go).
 * Speed 2, the lesson pace, shows the chapter's first 50 epochs in about 13 s: slow enough to talk over.
 */
const EPOCHS_PER_SECOND = [2, 4, 10, 15, 25, 40, 60, 100, 160];

/** Training examples per second at speeds 1..9 in SGD mode (10 is as fast as the worker can go). */
const EXAMPLES_PER_SECOND = [500, 1000, 2000, 3500, 5000, 8000, 12000, 18000, 27000];

/**
 * The pace at `speed`, in units of work per second: epochs in learning-speed mode, examples in SGD mode.
 * Infinity at the top speed, which means "never wait". Speeds between the steps round to the nearest.
 */
export function unitsPerSecond(mode: TrainingMode, speed: number): number {
  const s = Math.round(speed);
  if (s >= MAX_SPEED) return Infinity;
  const table = mode === 'learning-speed' ? EPOCHS_PER_SECOND : EXAMPLES_PER_SECOND;
  return table[Math.max(MIN_SPEED, s) - 1];
}

export const PACES = ['lesson', 'brisk', 'fast', 'full'] as const;
export type PaceName = (typeof PACES)[number];

/** Where each named pace sits on the speed scale. */
export const PACE_SPEEDS: Readonly<Record<PaceName, number>> = Object.freeze({ lesson: 2, brisk: 4, fast: 7, full: MAX_SPEED });

/** The pace a first visit gets: a class can follow the first 50 epochs of learning-speed mode one by one. */
export const DEFAULT_PACE: PaceName = 'lesson';

/** The named pace exactly at `speed`, or null when `speed` lies between them. */
export function paceAt(speed: number): PaceName | null {
  return PACES.find((p) => PACE_SPEEDS[p] === speed) ?? null;
}

/**
 * The named pace nearest to `speed` on the scale. A tie goes to the slower one: a class that sees a run
 * go slower than expected loses nothing, one that sees it rush past loses the lesson.
 */
export function nearestPace(speed: number): PaceName {
  let best: PaceName = PACES[0];
  for (const p of PACES) if (Math.abs(PACE_SPEEDS[p] - speed) < Math.abs(PACE_SPEEDS[best] - speed)) best = p;
  return best;
}
