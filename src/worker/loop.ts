/**
 * The training loop's clockwork: work in chunks of ~20 ms with a yield to the event loop between them,
 * waits that keep to the speed control's pace, and a loop token that makes a stale loop stop at its next
 * chunk. What one unit of work is, and what to say about it, is the trainer's business.
 */
import type { TrainingMode } from '../config';
import { nextInChunk, Pacer, ThroughputMeter } from './pacing';
import type { Scheduler } from './schedule';

/**
 * What one unit of work ended with: 'more' to go on, 'interval' at the end of a probe interval (a step stops
 * there), 'stop' when the loop has been stopped (finished, diverged).
 */
export type Unit = 'more' | 'interval' | 'stop';

export interface LoopWork<R> {
  /** One unit of work on `run`: a full-batch epoch, a mini-batch or a slice of validation. */
  unit(run: R): Unit;
  /** False once `run` has been replaced; its loop then stops without a word. */
  isCurrent(run: R): boolean;
  /** The pace asked for, read before every wait so a new speed applies at once. */
  pace(run: R): { mode: TrainingMode; speed: number };
  /** The loop stopped by itself: a step reached the end of its interval (failure null), or a unit threw. */
  stopped(run: R, failure: { err: unknown } | null): void;
}

export class RunLoop<R> {
  /** Bumped whenever a loop must stop; a chunk whose token is not current returns at once. */
  private token = 0;
  /**
   * Intervals (epochs in learning-speed mode) a 'step' still has to run; 0 while running freely. The loop
   * stops at the end of the interval that brings it to 0.
   */
  stepsLeft = 0;
  readonly pace = new Pacer();
  /** Examples trained since the last snapshot, for the snapshot's examples per second. */
  readonly throughput = new ThroughputMeter();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly work: LoopWork<R>,
  ) {}

  stop(): void {
    this.token++;
    this.stepsLeft = 0;
  }

  get stepping(): boolean {
    return this.stepsLeft > 0;
  }

  /** Stops any loop under way and starts one on `run`: for `steps` intervals, or freely when `steps` is 0. */
  start(run: R, steps: number): void {
    this.stop();
    this.stepsLeft = steps;
    const now = this.scheduler.now();
    this.pace.restart(now);
    this.throughput.restart(now);
    this.schedule(run, 0);
  }

  /** A new pace: counted afresh, and a long wait already queued for the old pace is dropped. */
  repace(run: R, running: boolean): void {
    this.pace.restart(this.scheduler.now());
    if (!running || this.stepping) return;
    this.token++;
    this.schedule(run, 0);
  }

  private schedule(run: R, delayMs: number): void {
    const token = this.token;
    this.scheduler.schedule(() => this.chunk(run, token), delayMs);
  }

  private chunk(run: R, token: number): void {
    if (token !== this.token || !this.work.isCurrent(run)) return;
    const started = this.scheduler.now();
    try {
      for (;;) {
        const unit = this.work.unit(run);
        if (unit === 'stop') return;
        if (unit === 'interval' && this.stepping && --this.stepsLeft === 0) {
          this.stop();
          this.work.stopped(run, null);
          return;
        }
        const now = this.scheduler.now();
        const { mode, speed } = this.work.pace(run);
        const next = nextInChunk(this.stepping ? 0 : this.pace.delay(mode, speed, now), started, now);
        if (next.kind !== 'continue') {
          this.schedule(run, next.kind === 'wait' ? next.ms : 0);
          return;
        }
      }
    } catch (err) {
      this.stop();
      this.work.stopped(run, { err });
    }
  }
}
