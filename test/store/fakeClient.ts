/** A stand-in for the worker: records what the page sends and lets a test play the worker's replies. */
import type { Snapshot, ToWorker } from '../../src/worker/protocol';
import type { ClientEvent, TrainerClient } from '../../src/store/store';
import { HISTOGRAM_BINS } from '../../src/engine';

export interface FakeClient extends TrainerClient {
  sent: ToWorker[];
  emit(msg: ClientEvent): void;
  terminated: boolean;
  /** How many times restart() was called. */
  restarts: number;
  /** The last message of the given type, or undefined. */
  last<T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }> | undefined;
}

export function createFakeClient(): FakeClient {
  const handlers = new Set<(msg: ClientEvent) => void>();
  const client: FakeClient = {
    sent: [],
    terminated: false,
    restarts: 0,
    restart() {
      client.restarts++;
    },
    send(msg) {
      client.sent.push(msg);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    terminate() {
      client.terminated = true;
    },
    emit(msg) {
      for (const h of handlers) h(msg);
    },
    last(type) {
      for (let i = client.sent.length - 1; i >= 0; i--) {
        const m = client.sent[i];
        if (m.type === type) return m as never;
      }
      return undefined;
    },
  };
  return client;
}

/** A snapshot of a network with the given hidden widths; gradient of neuron j in layer h is sign·scale[h]·(j+1). */
export function makeSnapshot(
  runId: number,
  hidden: number[],
  opts: { epoch?: number; batch?: number; batchesPerEpoch?: number; scale?: number[]; negativeEvery?: number } = {},
): Snapshot {
  const offsets = [0];
  for (const w of hidden) offsets.push(offsets[offsets.length - 1] + w);
  const gradB = new Float32Array(offsets[offsets.length - 1]);
  const layerNorms = new Float64Array(hidden.length);
  hidden.forEach((w, i) => {
    const s = opts.scale?.[i] ?? 10 ** (i - hidden.length);
    let sq = 0;
    for (let j = 0; j < w; j++) {
      const sign = opts.negativeEvery && j % opts.negativeEvery === 0 ? -1 : 1;
      gradB[offsets[i] + j] = sign * s * (j + 1);
      sq += gradB[offsets[i] + j] ** 2;
    }
    layerNorms[i] = Math.sqrt(sq);
  });
  return {
    type: 'snapshot',
    runId,
    epoch: opts.epoch ?? 0,
    batch: opts.batch ?? 0,
    batchesPerEpoch: opts.batchesPerEpoch ?? 1,
    gradB,
    hiddenOffsets: offsets,
    layerNorms,
    meanActivationPrime: new Float64Array(hidden.map(() => 0.2)),
    saturatedShare: new Float64Array(hidden.length),
    ...activationFields(hidden.length),
    factorNorms: new Float64Array(hidden.map((_, i) => 0.5 + i * 0.1)),
    examplesPerSecond: 1234,
  };
}

/**
 * Activation statistics of a healthy sigmoid network: every layer centred on 0.5, its 2-98 % band 0.2-0.8,
 * and a histogram peaked in the middle bins.
 */
export function activationFields(numHidden: number, bins = HISTOGRAM_BINS) {
  const histogram = new Float64Array(numHidden * bins);
  for (let h = 0; h < numHidden; h++) {
    const middle = Math.floor(bins / 2);
    histogram[h * bins + middle - 1] = 0.25;
    histogram[h * bins + middle] = 0.5;
    histogram[h * bins + middle + 1] = 0.25;
  }
  const range = new Float64Array(numHidden * 2);
  for (let h = 0; h < numHidden; h++) range[2 * h + 1] = 1;
  return {
    activationMean: new Float64Array(numHidden).fill(0.5),
    activationP02: new Float64Array(numHidden).fill(0.2),
    activationP50: new Float64Array(numHidden).fill(0.5),
    activationP98: new Float64Array(numHidden).fill(0.8),
    activationHistogram: histogram,
    histogramRange: range,
  };
}
