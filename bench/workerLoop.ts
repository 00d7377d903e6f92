/**
 * The training worker's own loop (createTrainer) run in Node on real MNIST, as the page benchmark and
 * worker-throughput.ts both time it: every message pays for the copy a real postMessage makes, and the probe
 * images arrive first, as they do in the page.
 */
import { firstExamples, PROBE_COUNT, type MnistSplit } from '../src/data/mnist';
import { defaultConfig, type RunConfig } from '../src/config';
import type { FromWorker, ToWorker } from '../src/worker/protocol';
import { createEventLoopScheduler } from '../src/worker/schedule';
import { createTrainer } from '../src/worker/trainer';

/** The lab's defaults in SGD mode at full speed, with `overrides`. */
export function sgdBenchConfig(overrides: Partial<RunConfig>): RunConfig {
  return { ...defaultConfig(), mode: 'sgd', speed: 10, ...overrides };
}

/**
 * Configures a trainer on `split` with `config` (runId 1) and hands each message it posts to `onMessage`,
 * together with the trainer's handleMessage so the caller can answer (start, pause).
 */
export function runWorkerLoop(
  split: MnistSplit,
  config: RunConfig,
  onMessage: (msg: FromWorker, send: (msg: ToWorker) => void) => void,
): void {
  const { handleMessage } = createTrainer({
    post: (msg: FromWorker, transfer) => {
      structuredClone(msg, { transfer: transfer ?? [] });
      onMessage(msg, handleMessage);
    },
    loadData: (hooks) => {
      hooks.onProbeReady(firstExamples(split.training, PROBE_COUNT));
      return Promise.resolve(split);
    },
    scheduler: createEventLoopScheduler(),
  });
  handleMessage({ type: 'configure', runId: 1, config });
}
