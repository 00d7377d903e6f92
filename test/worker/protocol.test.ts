import { describe, expect, it } from 'vitest';
import { activationFields } from '../store/fakeClient';
import type { RunConfig } from '../../src/config';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { NO_RUN } from '../../src/worker/protocol';

const config: RunConfig = {
  layers: [784, 30, 30, 10],
  mode: 'sgd',
  eta: 0.1,
  lambda: 5,
  batchSize: 10,
  seed: 42,
  init: 'default',
  activation: 'sigmoid',
  output: 'softmax',
  momentum: 0.5,
  epochs: 30,
  exploding: true,
  speed: 7,
  probeEvery: 500,
  pauseAt: 12,
};

const toWorker: ToWorker[] = [
  { type: 'configure', runId: 1, config },
  { type: 'start', runId: 1 },
  { type: 'pause', runId: 1 },
  { type: 'step', runId: 1, count: 1 },
  { type: 'step', runId: 1, count: 10 },
  { type: 'reset', runId: 2 },
  { type: 'set-preset', runId: 2, exploding: false },
  { type: 'set-speed', runId: 2, speed: 3 },
  { type: 'set-pause-at', runId: 2, pauseAt: 20 },
  { type: 'set-pause-at', runId: 2, pauseAt: null },
  { type: 'measure-seeds', runId: 2, count: 20 },
  { type: 'read-network', runId: 2, requestId: 1 },
  { type: 'load-network', runId: 3, weights: [Float32Array.from([0.5, -1])], biases: [Float32Array.from([0.25])] },
  { type: 'ping', runId: 2, seq: 5 },
];

const fromWorker: FromWorker[] = [
  { type: 'loading', runId: NO_RUN, stage: 'probe', loadedBytes: 123, totalBytes: 54_950_048 },
  {
    type: 'seed-norms',
    runId: 2,
    firstSeed: 1,
    norms: [
      [0.067, 0.366],
      [Number.NaN, 0.3],
    ],
  },
  { type: 'ready', runId: 1, stage: 'probe', trainingCount: 1000, validationCount: 0 },
  { type: 'ready', runId: 1, stage: 'all', trainingCount: 50_000, validationCount: 10_000 },
  {
    type: 'snapshot',
    runId: 1,
    epoch: 3,
    batch: 1250,
    batchesPerEpoch: 5000,
    gradB: Float32Array.from([0.5, -0.25, 1e-7]),
    hiddenOffsets: [0, 2, 3],
    layerNorms: Float64Array.from([0.559, 1e-7]),
    meanActivationPrime: Float64Array.from([0.2, 0.1]),
    saturatedShare: Float64Array.from([0, 0]),
    ...activationFields(2),
    factorNorms: Float64Array.from([0.4, 0.3]),
    examplesPerSecond: 41_000,
  },
  { type: 'epoch-end', runId: 1, epoch: 3, validationAccuracy: 0.9578, cost: 0.31 },
  { type: 'epoch-end', runId: 1, epoch: 4, validationAccuracy: null, cost: 0.3 },
  { type: 'status', runId: 1, status: 'running', epoch: 3 },
  { type: 'status', runId: 1, status: 'running', epoch: 0, waitingForData: true },
  { type: 'diverged', runId: 1, epoch: 3, batch: 120, reason: 'the cost became infinite 120 mini-batches into epoch 4' },
  { type: 'progress', runId: 1, epoch: 4, done: 410, total: 1000, stage: 'training' },
  { type: 'pong', runId: 1, seq: 5 },
  { type: 'error', runId: 1, message: '/mnist/t10k-images-idx3-ubyte: the server answered HTTP 404', retryable: true },
  {
    type: 'error',
    runId: 1,
    message: '/mnist/t10k-images-idx3-ubyte: the server answered HTTP 404 Not Found instead of the file',
    retryable: true,
    cause: {
      kind: 'data-file',
      file: '/mnist/t10k-images-idx3-ubyte',
      problem: { code: 'http-error', status: { code: 404, text: 'Not Found' } },
    },
  },
  { type: 'network-refused', runId: 1, requestId: 2, cause: { kind: 'not-configured', command: 'read-network' } },
  { type: 'network', runId: 2, requestId: 1, sizes: [2, 1], weights: [Float32Array.from([0.5, -1])], biases: [Float32Array.from([0.25])] },
  { type: 'engine', runId: 0, kernels: 'javascript', webAssemblyBlocked: true },
];

describe('protocol messages survive a structured clone', () => {
  it.each(toWorker.map((m) => [m.type, m] as const))('to the worker: %s', (_type, msg) => {
    const copy = structuredClone(msg);
    expect(copy).toEqual(msg);
    expect(copy).not.toBe(msg);
  });

  it.each(fromWorker.map((m, i) => [`${m.type} #${i}`, m] as const))('from the worker: %s', (_name, msg) => {
    const copy = structuredClone(msg);
    expect(copy).toEqual(msg);
  });

  it('a snapshot keeps its typed arrays typed, and transferring empties the sender’s copy', () => {
    const snap = fromWorker.find((m) => m.type === 'snapshot');
    if (snap?.type !== 'snapshot') throw new Error('no snapshot in the fixtures');
    const sent = { ...snap, gradB: snap.gradB.slice(), layerNorms: snap.layerNorms.slice() };
    const received = structuredClone(sent, { transfer: [sent.gradB.buffer, sent.layerNorms.buffer] });
    expect(received.gradB).toBeInstanceOf(Float32Array);
    expect(received.layerNorms).toBeInstanceOf(Float64Array);
    expect(received.meanActivationPrime).toBeInstanceOf(Float64Array);
    expect(Array.from(received.gradB)).toEqual(Array.from(snap.gradB));
    expect(sent.gradB.length).toBe(0); // detached: this is why the worker transfers copies only
  });

  it('covers every message type of both unions', () => {
    const toTypes: Record<ToWorker['type'], true> = {
      configure: true,
      start: true,
      pause: true,
      step: true,
      reset: true,
      'set-preset': true,
      'set-speed': true,
      'set-pause-at': true,
      'measure-seeds': true,
      'read-network': true,
      'load-network': true,
      ping: true,
    };
    const fromTypes: Record<FromWorker['type'], true> = {
      loading: true,
      ready: true,
      snapshot: true,
      'epoch-end': true,
      status: true,
      progress: true,
      diverged: true,
      error: true,
      'seed-norms': true,
      'network-refused': true,
      network: true,
      engine: true,
      pong: true,
    };
    expect(new Set(toWorker.map((m) => m.type))).toEqual(new Set(Object.keys(toTypes)));
    expect(new Set(fromWorker.map((m) => m.type))).toEqual(new Set(Object.keys(fromTypes)));
  });
});
