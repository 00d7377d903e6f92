/**
 * Keeping to the pace of the speed control, and measuring the pace actually reached. Both are plain
 * bookkeeping over times the caller passes in, so tests drive them without a clock.
 */
import type { TrainingMode } from '../config';
import { CHUNK_MS, paceFor } from './schedule';

/** The shortest wait worth a timer; shorter debts are paid by the next longer one. */
export const MIN_WAIT_MS = 5;

/** Behind the pace by more than this (a long epoch, a busy machine), the pacer starts counting afresh. */
export const MAX_LAG_MS = 250;

/** Work done since an origin, in the mode's units of pace: epochs in learning-speed mode, examples in SGD mode. */
export class Pacer {
  private origin = 0;
  private work = 0;

  /** Starts counting afresh at `now`: after a start, a change of speed, or falling far behind. */
  restart(now: number): void {
    this.origin = now;
    this.work = 0;
  }

  add(units: number): void {
    this.work += units;
  }

  /** Milliseconds to wait at `now` before more work keeps to the pace of `speed` (0 = go on). */
  delay(mode: TrainingMode, speed: number, now: number): number {
    const rate = paceFor(mode, speed);
    if (!Number.isFinite(rate)) return 0;
    const due = this.origin + (this.work * 1000) / rate;
    // Rushing to catch up would show a class a burst of epochs after every stall.
    if (now - due > MAX_LAG_MS) {
      this.restart(now);
      return 0;
    }
    return due - now;
  }
}

/**
 * What a chunk of work does next: 'wait' that many ms to keep the pace, 'yield' to the event loop because
 * the chunk has had its time, or 'continue'. `started` is when the chunk began.
 */
export function nextInChunk(
  wait: number,
  started: number,
  now: number,
): { kind: 'wait'; ms: number } | { kind: 'yield' } | { kind: 'continue' } {
  if (wait >= MIN_WAIT_MS) return { kind: 'wait', ms: wait };
  if (now - started >= CHUNK_MS) return { kind: 'yield' };
  return { kind: 'continue' };
}

/** Examples trained per second between two snapshots, as the snapshot reports it. */
export class ThroughputMeter {
  private mark = 0;
  private examples = 0;

  restart(now: number): void {
    this.mark = now;
    this.examples = 0;
  }

  add(examples: number): void {
    this.examples += examples;
  }

  /** The rate since the last restart; 0 when nothing was trained or the run is not going. */
  perSecond(now: number, running: boolean): number {
    const elapsed = now - this.mark;
    return running && this.examples > 0 && elapsed > 0 ? (this.examples * 1000) / elapsed : 0;
  }
}
