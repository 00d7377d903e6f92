/**
 * A trainer wired to fakes: a clock that only moves when the trainer looks at it or a timer fires, a queue
 * of scheduled callbacks flushed by hand, a data source whose probe and full set arrive when the test says,
 * and a post() that records every message after passing it through a real structured clone with transfer
 * (so a transferred live buffer would show up as a detached one on the next snapshot).
 */
import { createRng, type Samples } from '../../src/engine';
import type { MnistSplit } from '../../src/data/mnist';
import type { RunConfig } from '../../src/config';
import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import type { Scheduler } from '../../src/worker/schedule';
import { createTrainer, type DataHooks, type DataSource } from '../../src/worker/trainer';

export class FakeScheduler implements Scheduler {
  time = 0;
  /** How far the clock moves each time it is read: makes chunks end after CHUNK_MS / tick reads. */
  tick = 1;
  private queue: { due: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  now(): number {
    this.time += this.tick;
    return this.time;
  }

  schedule(fn: () => void, delayMs: number): void {
    this.queue.push({ due: this.time + Math.max(0, delayMs), seq: this.seq++, fn });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs the earliest callback, moving the clock to its due time. Returns false when nothing is queued. */
  runNext(): boolean {
    if (this.queue.length === 0) return false;
    this.queue.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const next = this.queue.shift()!;
    this.time = Math.max(this.time, next.due);
    next.fn();
    return true;
  }

  /** Runs callbacks until none is left or `limit` have run; returns how many ran. */
  flush(limit = 100_000): number {
    let n = 0;
    while (n < limit && this.runNext()) n++;
    return n;
  }

  /** Runs every callback due before `time` (fake milliseconds). */
  runUntil(time: number): void {
    for (;;) {
      this.queue.sort((a, b) => a.due - b.due || a.seq - b.seq);
      if (this.queue.length === 0 || this.queue[0].due > time) break;
      this.runNext();
    }
    this.time = Math.max(this.time, time);
  }
}

/** `count` examples of 784 seeded random pixels (about 80% zero, like MNIST) with labels 0..9 in turn. */
export function syntheticSamples(count: number, seed: number): Samples {
  const rng = createRng(seed);
  const inputs = new Uint8Array(count * 784);
  for (let t = 0; t < inputs.length; t++) inputs[t] = rng.uniform() < 0.2 ? Math.floor(rng.uniform() * 256) : 0;
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) labels[k] = k % 10;
  return { inputs, labels, inputSize: 784, count };
}

export function syntheticSplit(trainingCount = 200, validationCount = 50): MnistSplit {
  return {
    training: syntheticSamples(trainingCount, 11),
    validation: syntheticSamples(validationCount, 12),
    test: syntheticSamples(10, 13),
  };
}

/** A data source the test drives: nothing arrives until deliverProbe() / deliverAll() / fail(). */
export class ManualSource {
  calls = 0;
  private hooks: DataHooks | null = null;
  private resolve: ((split: MnistSplit) => void) | null = null;
  private reject: ((err: unknown) => void) | null = null;

  constructor(readonly split: MnistSplit) {}

  readonly load: DataSource = (hooks) => {
    this.calls++;
    this.hooks = hooks;
    return new Promise<MnistSplit>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  };

  progress(loadedBytes: number): void {
    this.hooks!.onProgress({ stage: 'probe', loadedBytes, totalBytes: 1000 });
  }

  deliverProbe(): void {
    const t = this.split.training;
    this.hooks!.onProbeReady({ ...t, count: Math.min(1000, t.count) });
  }

  /** Resolves the load; the trainer sees it after the promise callbacks run (await settle()). */
  deliverAll(): void {
    this.resolve!(this.split);
  }

  fail(err: unknown): void {
    this.reject!(err);
  }
}

/** Lets promise callbacks (the data source's then) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export function baseConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    layers: [784, 30, 20, 10],
    mode: 'learning-speed',
    eta: 0.1,
    lambda: 5,
    batchSize: 10,
    seed: 1,
    init: 'default',
    activation: 'sigmoid',
    output: 'sigmoid',
    momentum: 0,
    epochs: 500,
    exploding: false,
    speed: 10,
    ...overrides,
  };
}

export interface Harness {
  send(msg: ToWorker): void;
  scheduler: FakeScheduler;
  messages: FromWorker[];
  /** Messages posted since the last call. */
  take(): FromWorker[];
  snapshots(from?: FromWorker[]): Snapshot[];
}

export function createHarness(loadData: DataSource): Harness {
  const scheduler = new FakeScheduler();
  const messages: FromWorker[] = [];
  let taken = 0;
  const { handleMessage } = createTrainer({
    post: (msg, transfer) => {
      // What postMessage does: the receiver gets a clone, and the transferred buffers leave the sender.
      messages.push(structuredClone(msg, { transfer: transfer ?? [] }));
    },
    loadData,
    scheduler,
  });
  return {
    send: (msg) => handleMessage(msg),
    scheduler,
    messages,
    take() {
      const out = messages.slice(taken);
      taken = messages.length;
      return out;
    },
    snapshots(from = messages) {
      return from.filter((m): m is Snapshot => m.type === 'snapshot');
    },
  };
}

export function ofType<T extends FromWorker['type']>(msgs: FromWorker[], type: T): Extract<FromWorker, { type: T }>[] {
  return msgs.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
}
