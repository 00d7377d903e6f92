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

/**
 * The rate a snapshot reports: examples trained per second over about the last THROUGHPUT_WINDOW_MS,
 * probes, snapshots and validation included. Measured between two snapshots only, the figure in the status
 * line swung between ~90,000 and ~200,000 examples/s at full speed on [784, 30 × 4, 10], depending on
 * whether a validation fell inside the gap; over a second it holds still enough to be read out in class.
 */
export const THROUGHPUT_WINDOW_MS = 1000;

export class ThroughputMeter {
  /** Examples trained since the last restart. */
  private total = 0;
  /** (time, total) at the restart and at each mark since, the oldest dropped once a later one is a window old. */
  private marks: { at: number; total: number }[] = [{ at: 0, total: 0 }];

  /** Counting starts afresh (a run starts or resumes: time spent paused is not training time). */
  restart(now: number): void {
    this.total = 0;
    this.marks = [{ at: now, total: 0 }];
  }

  /** A point the rate may be measured from (a snapshot was posted). */
  mark(now: number): void {
    this.marks.push({ at: now, total: this.total });
    while (this.marks.length > 1 && now - this.marks[1].at >= THROUGHPUT_WINDOW_MS) this.marks.shift();
  }

  add(examples: number): void {
    this.total += examples;
  }

  /**
   * The rate from the latest mark at least THROUGHPUT_WINDOW_MS old (or the restart, if none is) up to now;
   * 0 when nothing was trained since then or the run is not going.
   */
  perSecond(now: number, running: boolean): number {
    let from = this.marks[0];
    for (const m of this.marks) if (now - m.at >= THROUGHPUT_WINDOW_MS) from = m;
    const examples = this.total - from.total;
    const elapsed = now - from.at;
    return running && examples > 0 && elapsed > 0 ? (examples * 1000) / elapsed : 0;
  }
}
