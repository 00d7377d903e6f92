/**
 * The page's side of the training worker: send commands, subscribe to events, restart, terminate. The store
 * talks to this interface only, so tests can hand it a fake client and never start a real worker.
 *
 * The client also watches the worker's life. A worker can fail (its script did not load, or it threw where
 * nothing caught it), close itself, be terminated, or wedge in a task that never yields; only the first of
 * these raises an event on the page. So the client sends a heartbeat, and a ping left unanswered for long
 * enough means the worker has stopped. Either way the page hears a 'worker-fault' and can offer a restart.
 */
import { NO_RUN, type FromWorker, type ToWorker } from './protocol';

/** Why the worker is no longer doing what the page asks. */
export interface WorkerFault {
  /** 'failed': an error event, the worker was ended. 'unresponsive': it stopped answering the heartbeat. */
  kind: 'failed' | 'unresponsive';
  /** The browser's own words about the failure, when it gave any (never a stack trace). */
  detail: string | null;
}

/**
 * Everything a subscriber hears: the worker's own messages, and what the client learns about the worker's
 * life. 'worker-responding' follows a fault of kind 'unresponsive' when the worker answers after all.
 */
export type ClientEvent = FromWorker | { type: 'worker-fault'; fault: WorkerFault } | { type: 'worker-responding' };

export interface TrainerClient {
  send(msg: ToWorker): void;
  /** Calls `handler` for every event from the worker; returns the function that unsubscribes it. */
  subscribe(handler: (msg: ClientEvent) => void): () => void;
  /** Ends the current worker and starts a fresh one; subscribers stay. The new worker knows no network yet. */
  restart(): void;
  terminate(): void;
}

/** The part of Worker the client uses, so it can be exercised with a stand-in. */
export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: (e: MessageEvent) => void): void;
}

/** The clock and timer the heartbeat uses; tests pass fake ones. */
export interface HeartbeatTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

export interface ClientOptions {
  /** How often a ping is sent. */
  heartbeatMs?: number;
  /**
   * How long a ping may go unanswered before the worker counts as stopped. The worker answers between
   * chunks of about 20 ms, but loading and a very wide network's epoch can hold it for seconds on a slow
   * machine, so this is generous; a worker that answers later is welcomed back.
   */
  timeoutMs?: number;
  timers?: HeartbeatTimers;
}

export const HEARTBEAT_MS = 1000;
export const HEARTBEAT_TIMEOUT_MS = 8000;

const browserTimers: HeartbeatTimers = {
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
  now: () => performance.now(),
};

/**
 * Runs the worker `spawn` makes (and a fresh one after each restart). Its 'error' event ends it and becomes
 * a 'worker-fault'; a 'messageerror' becomes an 'error' message, since the worker itself is still fine.
 */
export function createClient(spawn: () => WorkerLike, options: ClientOptions = {}): TrainerClient {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const timeoutMs = options.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  const timers = options.timers ?? browserTimers;
  const handlers = new Set<(msg: ClientEvent) => void>();
  /** Failures of the worker itself belong to the run the page last addressed. */
  let lastRunId = NO_RUN;
  let terminated = false;
  let worker: WorkerLike;
  /** The worker failed and was ended: nothing is sent to it and the heartbeat rests until a restart. */
  let dead = false;
  /** The ping not yet answered, if any. */
  let awaiting: { seq: number; sentAt: number } | null = null;
  let seq = 0;
  let unresponsive = false;

  const emit = (msg: ClientEvent) => {
    // A copy of the set, so a handler that unsubscribes itself does not disturb the loop.
    for (const handler of [...handlers]) handler(msg);
  };

  const attach = (w: WorkerLike) => {
    // Events still queued from a worker that has since been replaced are not the current worker's.
    const current = () => w === worker && !terminated;
    w.addEventListener('message', (e) => {
      if (!current()) return;
      // Any message is a sign of life, not only the pong.
      awaiting = null;
      if (unresponsive) {
        unresponsive = false;
        emit({ type: 'worker-responding' });
      }
      if (e.data?.type !== 'pong') emit(e.data);
    });
    w.addEventListener('error', (e) => {
      // The event is handled here; without this the browser also logs it as an uncaught error.
      e.preventDefault();
      if (!current() || dead) return;
      // A worker that threw where nothing caught it may still be running, and would go on posting a
      // status that contradicts the failure. It is ended, so what the page shows stays true.
      dead = true;
      awaiting = null;
      unresponsive = false;
      w.terminate();
      emit({ type: 'worker-fault', fault: { kind: 'failed', detail: e.message ? e.message : null } });
    });
    w.addEventListener('messageerror', () => {
      if (!current()) return;
      emit({
        type: 'error',
        runId: lastRunId,
        message: 'a message from the training worker could not be read',
        retryable: false,
        cause: { kind: 'unreadable-message', from: 'worker' },
      });
    });
  };

  const beat = () => {
    if (terminated || dead) return;
    const now = timers.now();
    if (awaiting === null) {
      awaiting = { seq: ++seq, sentAt: now };
      worker.postMessage({ type: 'ping', runId: lastRunId, seq });
    } else if (!unresponsive && now - awaiting.sentAt >= timeoutMs) {
      unresponsive = true;
      emit({ type: 'worker-fault', fault: { kind: 'unresponsive', detail: null } });
    }
  };

  worker = spawn();
  attach(worker);
  const interval = timers.setInterval(beat, heartbeatMs);

  return {
    send(msg) {
      if (terminated || dead) return;
      lastRunId = msg.runId;
      worker.postMessage(msg);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    restart() {
      if (terminated) return;
      worker.terminate();
      dead = false;
      awaiting = null;
      unresponsive = false;
      lastRunId = NO_RUN;
      worker = spawn();
      attach(worker);
    },
    terminate() {
      terminated = true;
      timers.clearInterval(interval);
      handlers.clear();
      worker.terminate();
    },
  };
}

/** Starts the training worker (a module worker, bundled by Vite from trainer.worker.ts). */
export function createWorkerClient(): TrainerClient {
  return createClient(() => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'gradient-lab-trainer' }));
}
