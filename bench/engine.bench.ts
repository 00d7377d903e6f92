/**
 * Engine throughput on real MNIST, single-threaded.
 *   npm run bench            readable table
 *   npm run bench -- --json  exactly one JSON line: {"results":[{"name", "examplesPerSecond", ...}, ...], "machine": {...}}
 *   --no-simd                the JavaScript fallback, as run where WebAssembly SIMD is missing
 *
 * Each configuration is warmed up until its rate has settled (so V8 runs the optimised code, see measure.ts),
 * then timed in chunks of roughly equal length, each between two readings of a fixed calibration loop; the
 * median over the chunks the machine ran at its quiet pace for is reported (and the median over all of them
 * beside it), and a spread wider than ±25 % is flagged. The load average is printed too: on a shared
 * machine, figures taken under load are low.
 *
 * The physical limit: each workload's multiply-adds per example (counted below from the layer sizes and the
 * mean number of non-zero pixels, the only inputs the first layer visits) divided by the machine's f32x4
 * multiply-add rate, measured with the engine's own dense kernel on data that stays in the L1 cache.
 */
import { cpus, loadavg } from 'node:os';
import {
  GradientProbe,
  Network,
  createRng,
  setSimdEnabled,
  simdAvailable,
  simdMultiplyAddWork,
  evaluate,
  type Samples,
} from '../src/engine';
import { loadMnist } from '../src/data/node';
import { bestCalibration, CHUNK_SECONDS, CHUNKS, QUIET_TOLERANCE, SPREAD_FLAG, measure, sgdWork, type Rate } from './measure';

interface Result {
  name: string;
  examplesPerSecond: number;
  /** Only for the probe: milliseconds per probe of 1000 images. */
  msPerProbe?: number;
  /** Chunks timed, and how many of them the machine was at its quiet pace for (the median of those is reported). */
  chunks: number;
  quietChunks: number;
  /** The median over every timed chunk, quiet or not. */
  examplesPerSecondAllChunks: number;
  /** Relative spread of the chunks, (max − min) / median. */
  spread: number;
  /** Seconds of warm-up, and whether the rate settled in them (see measure.ts). */
  warmSeconds: number;
  settled: boolean;
  /** Useful multiply-adds per example (see macsPerExample), where counted. */
  macsPerExample?: number;
}

const fromRate = (name: string, r: Rate): Result => ({
  name,
  examplesPerSecond: r.eps,
  chunks: r.chunksTimed,
  quietChunks: r.quietChunks,
  examplesPerSecondAllChunks: r.epsAllChunks,
  spread: r.spread,
  warmSeconds: r.warmSeconds,
  settled: r.settled,
});

/**
 * Multiply-adds one example needs, counting only what the algorithm must do: the first layer over the mean
 * number ν of non-zero pixels, once forward and once for its weight gradient; every other layer (nᵢₙ × nₒᵤₜ)
 * forward, for its weight gradient, and (training) for the δ it hands down, or (probe) for δ alone.
 */
function macsPerExample(layers: number[], nonZero: number, probe: boolean): number {
  let dense = 0;
  for (let l = 1; l + 1 < layers.length; l++) dense += layers[l] * layers[l + 1];
  const first = nonZero * layers[1];
  return probe ? first + 2 * dense : 2 * first + 3 * dense;
}

const json = process.argv.includes('--json');
// --no-simd measures the JavaScript fallback (what a browser without WebAssembly SIMD runs).
if (process.argv.includes('--no-simd')) setSimdEnabled(false);
function trainingConfig(name: string, layers: number[], batch: number, train: Samples): Result {
  return { ...fromRate(name, measure(sgdWork(layers, batch, train), batch)), macsPerExample: macsPerExample(layers, nonZero, false) };
}

function probeConfig(name: string, layers: number[], train: Samples): Result {
  const net = new Network({ layers });
  net.initialize('default', createRng(1));
  const probe = new GradientProbe(net, train, 1000);
  const rate = measure((reps) => {
    for (let r = 0; r < reps; r++) probe.run();
  }, 1000);
  return { ...fromRate(name, rate), msPerProbe: (1000 * 1000) / rate.eps, macsPerExample: macsPerExample(layers, nonZero, true) };
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
  const rate = measure((reps) => {
    for (let r = 0; r < reps; r++) for (const slice of slices) sink += evaluate(net, slice).accuracy;
  }, 10_000);
  if (!Number.isFinite(sink)) throw new Error('evaluation produced a non-finite accuracy');
  return fromRate(name, rate);
}

/** f32x4 multiply-adds per second on the engine's dense kernel with L1-resident data; null without SIMD. */
function simdMacRate(): number | null {
  const work = simdMultiplyAddWork();
  if (work === null) return null;
  const perRep = work(1);
  return measure((reps) => {
    work(reps);
  }, perRep).eps;
}

const train = loadMnist().training;
/** Mean non-zero pixels per training image (the first layer visits only these). */
let nonZeroBytes = 0;
for (let t = 0; t < train.count * train.inputSize; t++) if (train.inputs[t] !== 0) nonZeroBytes++;
const nonZero = nonZeroBytes / train.count;
const loadBefore = loadavg()[0];
const results: Result[] = [
  trainingConfig('mb10_784_30_10', [784, 30, 10], 10, train),
  trainingConfig('mb10_784_30x4_10', [784, 30, 30, 30, 30, 10], 10, train),
  trainingConfig('mb100_784_30_10', [784, 30, 10], 100, train),
  probeConfig('probe_784_30x4_10', [784, 30, 30, 30, 30, 10], train),
  evalConfig('eval_784_30x4_10', [784, 30, 30, 30, 30, 10], train),
];
const simdMacs = simdAvailable() ? simdMacRate() : null;
const machine = {
  node: process.version,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAverage1mBefore: Number(loadBefore.toFixed(2)),
  loadAverage1mAfter: Number(loadavg()[0].toFixed(2)),
  /**
   * The fastest plain-JavaScript dense multiply-add rate read between chunks (measure.ts): the machine's quiet
   * pace, against which figures from different machines can be compared as ratios.
   */
  calibrationMacPerSecond: Math.round(bestCalibration()),
  webAssemblySimd: simdAvailable(),
  /** f32x4 multiply-adds per second the engine's dense kernel reaches on L1-resident data (null without SIMD). */
  simdMacPerSecond: simdMacs === null ? null : Math.round(simdMacs),
  meanNonZeroPixels: Number(nonZero.toFixed(1)),
};
/** Examples per second at the measured SIMD multiply-add rate, with nothing but arithmetic. */
const limitOf = (r: Result): number | null => (simdMacs === null || r.macsPerExample === undefined ? null : simdMacs / r.macsPerExample);
const targets: Record<string, string> = {
  mb10_784_30_10: '≥ 60,000 ex/s',
  mb10_784_30x4_10: '≥ 45,000 ex/s',
  mb100_784_30_10: '≥ 90,000 ex/s',
  probe_784_30x4_10: '≤ 3 ms/probe',
  eval_784_30x4_10: '≥ 300,000 ex/s',
};

if (json) {
  const round = (r: Result): Result & { limitExamplesPerSecond?: number } => ({
    ...r,
    warmSeconds: Number(r.warmSeconds.toFixed(2)),
    ...(limitOf(r) === null ? {} : { limitExamplesPerSecond: Math.round(limitOf(r) ?? 0) }),
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
    `median of the chunks of ~${CHUNK_SECONDS} s (${CHUNKS} or more) after warm-up during which a calibration loop ran within ${QUIET_TOLERANCE * 100} % of its fastest; WebAssembly SIMD ${machine.webAssemblySimd ? 'on' : 'off'}`,
  );
  console.log(`calibration: ${(machine.calibrationMacPerSecond / 1e6).toFixed(0)} M plain-JS multiply-adds/s`);
  if (simdMacs !== null)
    console.log(
      `SIMD multiply-adds: ${(simdMacs / 1e9).toFixed(2)} G/s (dense kernel, L1-resident); mean non-zero pixels ${machine.meanNonZeroPixels}`,
    );
  console.log('');
  const flagged: string[] = [];
  const rows = results.map((r) => {
    const limit = limitOf(r);
    const wide = r.spread / 2 > SPREAD_FLAG;
    if (wide) flagged.push(r.name);
    return [
      r.name,
      Math.round(r.examplesPerSecond).toLocaleString('en-US'),
      r.msPerProbe === undefined ? '' : r.msPerProbe.toFixed(2),
      `±${(r.spread * 50).toFixed(1)}%${wide ? ' !' : ''}`,
      `${r.quietChunks}/${r.chunks}${r.quietChunks < 3 ? ' !' : ''}`,
      Math.round(r.examplesPerSecondAllChunks).toLocaleString('en-US'),
      `${r.warmSeconds.toFixed(1)}${r.settled ? '' : ' (cap)'}`,
      limit === null ? '' : `${Math.round(limit).toLocaleString('en-US')} (${((100 * r.examplesPerSecond) / limit).toFixed(0)}%)`,
      targets[r.name] ?? '',
    ];
  });
  const head = ['config', 'examples/s', 'ms/probe', 'spread', 'quiet', 'all chunks', 'warm-up s', 'arithmetic limit (reached)', 'target'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 || c === 8 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  if (flagged.length > 0)
    console.log(`\n! spread wider than ±${SPREAD_FLAG * 100}% on ${flagged.join(', ')}: the machine was busy; run again`);
  const busy = results.filter((r) => r.quietChunks < 3).map((r) => r.name);
  if (busy.length > 0) console.log(`! fewer than 3 quiet chunks on ${busy.join(', ')}: the median of all chunks is shown there; run again`);
}
