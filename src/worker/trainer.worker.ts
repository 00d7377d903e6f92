/**
 * The training worker: glue between postMessage and the pure trainer (trainer.ts), which owns the data
 * and the network. The data comes from this site's own /mnist/ folder, under whatever base path the app
 * is deployed at.
 */
/// <reference lib="webworker" />
import { loadMnistInBrowser } from '../data/browser';
import { MNIST_CACHE_NAME } from '../data/download';
import { engineMessage } from './engineChoice';
import { NO_RUN, type FromWorker, type ToWorker } from './protocol';
import { createEventLoopScheduler } from './schedule';
import { createTrainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

/**
 * An absolute base ('/' or '/lab/') is resolved against the origin. A relative base ('./') is relative to
 * the page, and the built worker lives one folder below it (Vite's assets/), hence the '../'.
 */
function mnistBaseUrl(): string {
  const base = import.meta.env.BASE_URL;
  const root =
    base.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(base)
      ? new URL(base, self.location.origin)
      : new URL(`../${base}`, self.location.href);
  return new URL('mnist/', root).href;
}

const { handleMessage } = createTrainer({
  post: (msg: FromWorker, transfer?: Transferable[]) => self.postMessage(msg, transfer ?? []),
  loadData: (hooks) =>
    loadMnistInBrowser({
      baseUrl: mnistBaseUrl(),
      onProgress: hooks.onProgress,
      onProbeReady: hooks.onProbeReady,
      offlineCache: MNIST_CACHE_NAME,
    }),
  scheduler: createEventLoopScheduler(),
});

self.onmessage = (e: MessageEvent<ToWorker>) => handleMessage(e.data);
self.postMessage(engineMessage());
self.onmessageerror = () => {
  const msg: FromWorker = {
    type: 'error',
    runId: NO_RUN,
    message: 'a command from the page could not be read by the training worker',
    retryable: false,
    cause: { kind: 'unreadable-message', from: 'page' },
  };
  self.postMessage(msg);
};
