/**
 * Engine throughput on real MNIST, single-threaded.
 *   npm run bench            readable table
 *   npm run bench -- --json  exactly one JSON line: {"results":[{"name", "examplesPerSecond", ...}, ...], "machine": {...}}
 *   --no-simd                the JavaScript fallback, as run where WebAssembly SIMD is missing
 *
 * Each configuration is warmed up (so the JIT has optimised the kernels), then timed in several chunks of
 * roughly equal length; the median chunk is reported, which shrugs off interruptions by other processes.
 * The load average is printed too: on a shared machine, figures taken under load are low.
 */
import { cpus, loadavg } from 'node:os';
import { GradientProbe, Network, createRng, setSimdEnabled, simdAvailable, evaluate, type Samples } from '../src/engine';
import { loadMnist } from '../src/data/node';
import { CHUNK_SECONDS, CHUNKS, measure, sgdWork } from './measure';

interface Result {
  name: string;
  examplesPerSecond: number;
  /** Only for the probe: milliseconds per probe of 1000 images. */
  msPerProbe?: number;
  /** Timed chunks (the median is reported). */
  chunks: number;
  /** Relative spread of the chunks, (max − min) / median. */
  spread: number;
}

const json = process.argv.includes('--json');
// --no-simd measures the JavaScript fallback (what a browser without WebAssembly SIMD runs).
if (process.argv.includes('--no-simd')) setSimdEnabled(false);
function trainingConfig(name: string, layers: number[], batch: number, train: Samples): Result {
  const { eps, spread } = measure(sgdWork(layers, batch, train), batch);
  return { name, examplesPerSecond: eps, chunks: CHUNKS, spread };
}

function probeConfig(name: string, layers: number[], train: Samples): Result {
  const net = new Network({ layers });
  net.initialize('default', createRng(1));
  const probe = new GradientProbe(net, train, 1000);
  const { eps, spread } = measure((reps) => {
    for (let r = 0; r < reps; r++) probe.run();
  }, 1000);
  return { name, examplesPerSecond: eps, msPerProbe: (1000 * 1000) / eps, chunks: CHUNKS, spread };
}

/**
 * Validation as the worker runs it after every epoch: accuracy and cost over 10,000 images (the last 10,000
 * of the training file, the validation split) in slices of 1000, each slice a fresh view of the bytes.
 */
function evalConfig(name: string, layers: number[], train: Samples): Result {
  const net = new Network({ layers });
  net.initialize('default', createRng(1));
  const first = train.count - 10_000;
  const slices: Samples[] = [];
  for (let s = first; s < train.count; s += 1000)
    slices.push({
      inputs: train.inputs.subarray(s * train.inputSize, (s + 1000) * train.inputSize),
      labels: train.labels.subarray(s, s + 1000),
      inputSize: train.inputSize,
      count: 1000,
    });
  let sink = 0;
  const { eps, spread } = measure((reps) => {
    for (let r = 0; r < reps; r++) for (const slice of slices) sink += evaluate(net, slice).accuracy;
  }, 10_000);
  if (!Number.isFinite(sink)) throw new Error('evaluation produced a non-finite accuracy');
  return { name, examplesPerSecond: eps, chunks: CHUNKS, spread };
}

/**
 * A fixed plain-JavaScript workload (dense float32 dot products) measured alongside, so figures taken on
 * different machines, or under different load, can be compared as ratios: engine figure / calibration.
 */
function calibration(): Result {
  const a = new Float32Array(784 * 30);
  const x = new Float32Array(784);
  for (let i = 0; i < a.length; i++) a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  for (let i = 0; i < x.length; i++) x[i] = (i % 13) / 13;
  const out = new Float32Array(30);
  const { eps, spread } = measure((reps) => {
    for (let r = 0; r < reps; r++)
      for (let j = 0; j < 30; j++) {
        let s = 0;
        const row = j * 784;
        for (let i = 0; i < 784; i++) s += a[row + i] * x[i];
        out[j] = s;
      }
  }, 784 * 30);
  return { name: 'calibration_dense_mac', examplesPerSecond: eps, chunks: CHUNKS, spread };
}

const train = loadMnist().training;
const loadBefore = loadavg()[0];
const results: Result[] = [
  trainingConfig('mb10_784_30_10', [784, 30, 10], 10, train),
  trainingConfig('mb10_784_30x4_10', [784, 30, 30, 30, 30, 10], 10, train),
  trainingConfig('mb100_784_30_10', [784, 30, 10], 100, train),
  probeConfig('probe_784_30x4_10', [784, 30, 30, 30, 30, 10], train),
  evalConfig('eval_784_30x4_10', [784, 30, 30, 30, 30, 10], train),
];
const calib = calibration();
const machine = {
  node: process.version,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAverage1mBefore: Number(loadBefore.toFixed(2)),
  loadAverage1mAfter: Number(loadavg()[0].toFixed(2)),
  /** Plain-JavaScript dense multiply-adds per second (see calibration()). */
  calibrationMacPerSecond: Math.round(calib.examplesPerSecond),
  webAssemblySimd: simdAvailable(),
};
const targets: Record<string, string> = {
  mb10_784_30_10: '≥ 60,000 ex/s',
  mb10_784_30x4_10: '≥ 45,000 ex/s',
  mb100_784_30_10: '≥ 90,000 ex/s',
  probe_784_30x4_10: '≤ 3 ms/probe',
  eval_784_30x4_10: '≥ 300,000 ex/s',
};

if (json) {
  const round = (r: Result): Result => ({
    ...r,
    examplesPerSecond: Math.round(r.examplesPerSecond),
    spread: Number(r.spread.toFixed(3)),
    ...(r.msPerProbe === undefined ? {} : { msPerProbe: Number(r.msPerProbe.toFixed(3)) }),
  });
  console.log(JSON.stringify({ results: results.map(round), machine }));
} else {
  console.log(
    `node ${machine.node}, ${machine.cores} cores (${machine.cpu}), single-threaded; 1-min load average ${machine.loadAverage1mBefore} → ${machine.loadAverage1mAfter}`,
  );
  console.log(
    `median of ${CHUNKS} chunks of ~${CHUNK_SECONDS} s after warm-up; WebAssembly SIMD ${machine.webAssemblySimd ? 'on' : 'off'}`,
  );
  console.log(`calibration: ${(machine.calibrationMacPerSecond / 1e6).toFixed(0)} M plain-JS multiply-adds/s\n`);
  const rows = results.map((r) => [
    r.name,
    Math.round(r.examplesPerSecond).toLocaleString('en-US'),
    r.msPerProbe === undefined ? '' : r.msPerProbe.toFixed(2),
    `±${(r.spread * 50).toFixed(1)}%`,
    targets[r.name] ?? '',
  ]);
  const head = ['config', 'examples/s', 'ms/probe', 'spread', 'target'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
}
