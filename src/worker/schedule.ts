/**
 * Time in the training worker: how it yields to its own event loop between chunks of work, and how the
 * speed control turns into a pace a class can follow.
 *
 * The trainer never calls setTimeout or performance.now itself; it receives a Scheduler, so tests can drive
 * it with a fake clock and a queue they flush by hand, and the worker can yield in the cheapest way.
 */
import { type TrainingMode, unitsPerSecond } from '../config';

export interface Scheduler {
  /** Runs `fn` once after at least `delayMs` milliseconds; 0 means as soon as queued messages are handled. */
  schedule(fn: () => void, delayMs: number): void;
  /** A monotonic clock in milliseconds. */
  now(): number;
}

/**
 * The real event loop. A zero delay goes through a MessageChannel rather than setTimeout(fn, 0): browsers clamp
 * nested zero timeouts to ≥ 4 ms, which would cost a fifth of the time when chunks last ~20 ms. A message
 * posted to a channel is queued behind messages from the page, so a 'pause' is still handled between chunks.
 */
export function createEventLoopScheduler(): Scheduler {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const fn = queue.shift();
    if (fn) fn();
  };
  return {
    schedule(fn, delayMs) {
      if (delayMs > 0) {
        setTimeout(fn, delayMs);
        return;
      }
      queue.push(fn);
      channel.port2.postMessage(null);
    },
    now: () => performance.now(),
  };
}

/** Work done between two yields to the event loop: long enough to amortise the yield, short enough that a
 *  'pause' is obeyed within a frame or two. */
export const CHUNK_MS = 20;

/**
 * The pace at `speed`, in units of work per second: epochs in learning-speed mode, examples in SGD mode.
 * Infinity at the top speed, which means "never wait". The table lives with the configuration, so the page
 * can say what a pace means in the same numbers the worker keeps to.
 */
export function paceFor(mode: TrainingMode, speed: number): number {
  return unitsPerSecond(mode, speed);
}

/**
 * An SGD probe interval at full speed holds this many probe sets' worth of training examples (6 × 1000 probe
 * images = 600 mini-batches of 10, about 10 snapshots per epoch). One probe (a forward pass and a δ-only
 * backward pass over the probe images, plus eq. 124's norms) costs as much as 100-400 training examples
 * (bench/worker-throughput.ts on [784,30,30,10]), so probing takes 2-7% of the worker's time.
 */
export const PROBE_SETS_PER_INTERVAL = 6;

/**
 * At full speed an SGD probe interval is over in ~40 ms on the chapter's networks, and a snapshot every
 * interval would be 25 a second: each one a probe for the worker and a redraw of every panel for the page,
 * whose main thread then takes a core from the worker on a 2-core machine. At full speed an interval's
 * probe is skipped unless this long has passed since the last snapshot (steps and an epoch's end always
 * probe; a slowed pace never skips, so the lesson paces show what they always showed).
 */
export const FULL_SPEED_SNAPSHOT_GAP_MS = 200;

/** Snapshots per second to aim for when the pace is slowed down: enough for the bars to move smoothly. */
const PACED_SNAPSHOTS_PER_SECOND = 4;

/**
 * Mini-batches between two gradient probes in SGD mode. At full speed the interval keeps probing cheap;
 * at a slowed pace the worker has time to spare, so it probes more often and the bars move more smoothly.
 * Intervals never run past the end of an epoch (the trainer clamps them), so every epoch ends with a probe.
 */
export function sgdProbeInterval(batchSize: number, probeCount: number, speed: number): number {
  const fullSpeed = Math.max(1, Math.ceil((PROBE_SETS_PER_INTERVAL * probeCount) / batchSize));
  const pace = paceFor('sgd', speed);
  if (!Number.isFinite(pace)) return fullSpeed;
  const paced = Math.max(1, Math.round(pace / PACED_SNAPSHOTS_PER_SECOND / batchSize));
  return Math.min(fullSpeed, paced);
}
