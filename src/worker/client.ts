/**
 * The page's side of the training worker: send commands, subscribe to events, terminate. The store talks
 * to this interface only, so tests can hand it a fake client and never start a real worker.
 */
import { NO_RUN, type FromWorker, type ToWorker } from './protocol';

export interface TrainerClient {
  send(msg: ToWorker): void;
  /** Calls `handler` for every event from the worker; returns the function that unsubscribes it. */
  subscribe(handler: (msg: FromWorker) => void): () => void;
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

/** Wraps a worker (or a stand-in): its 'error' and 'messageerror' events become FromWorker 'error' messages. */
export function createClientFor(worker: WorkerLike): TrainerClient {
  const handlers = new Set<(msg: FromWorker) => void>();
  /** Failures of the worker itself belong to the run the page last addressed. */
  let lastRunId = NO_RUN;
  let terminated = false;

  const emit = (msg: FromWorker) => {
    // A copy of the set, so a handler that unsubscribes itself does not disturb the loop.
    for (const handler of [...handlers]) handler(msg);
  };

  worker.addEventListener('message', (e) => emit(e.data));
  worker.addEventListener('error', (e) => {
    // The event is handled here; without this the browser also logs it as an uncaught error.
    e.preventDefault();
    const detail = e.message ? `: ${e.message}` : ' (its script could not be loaded or crashed)';
    emit({
      type: 'error',
      runId: lastRunId,
      message: `the training worker failed${detail}. Reload the page to start it again.`,
      retryable: false,
    });
  });
  worker.addEventListener('messageerror', () => {
    emit({ type: 'error', runId: lastRunId, message: 'a message from the training worker could not be read', retryable: false });
  });

  return {
    send(msg) {
      if (terminated) return;
      lastRunId = msg.runId;
      worker.postMessage(msg);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    terminate() {
      terminated = true;
      handlers.clear();
      worker.terminate();
    },
  };
}

/** Starts the training worker (a module worker, bundled by Vite from trainer.worker.ts). */
export function createWorkerClient(): TrainerClient {
  const worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'gradient-lab-trainer' });
  return createClientFor(worker);
}
