/**
 * What every benchmark here shares: a warm-up that sizes a chunk of work to a fixed duration and runs until the
 * rate has settled, the median over several timed chunks taken while the machine ran at its quiet pace (read
 * from a fixed calibration loop between chunks), and the SGD loop being timed.
 */
import { Network, createRng, shuffle, Trainer, type Samples } from '../src/engine';

export const CHUNKS = 7;
export const CHUNK_SECONDS = 0.4;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Rate {
  /** Median examples per second over the quiet timed chunks (all of them, if too few were quiet). */
  eps: number;
  /** Relative spread of those chunks, (max − min) / median. */
  spread: number;
  /** Seconds spent warming up before the timed chunks. */
  warmSeconds: number;
  /** Whether two consecutive warm-up chunks agreed within WARM_AGREEMENT before WARM_CAP_SECONDS ran out. */
  settled: boolean;
  /** Chunks timed, and how many of them the machine was quiet for (see isQuiet). */
  chunksTimed: number;
  quietChunks: number;
  /** Median over every timed chunk, quiet or not: what a plain median would have reported. */
  epsAllChunks: number;
}

/** Warm-up ends once two consecutive chunks' rates agree within this fraction of the later one… */
export const WARM_AGREEMENT = 0.1;
/** …or after this many seconds, whichever comes first. */
export const WARM_CAP_SECONDS = 8;
/** A configuration whose timed chunks spread wider than ±this (half of (max − min) / median) is flagged. */
export const SPREAD_FLAG = 0.25;
/** Timing goes on, past CHUNKS chunks, until CHUNKS of them are quiet or this many seconds have passed. */
export const TIMING_CAP_SECONDS = 25;
/** A calibration within this fraction of the fastest seen in this process says the machine is quiet. */
export const QUIET_TOLERANCE = 0.08;

/**
 * The machine's own pace, read between chunks. On the shared 2-core machines these figures are taken on,
 * the speed of everything in a process, plain JavaScript included, drops by up to 40 % for seconds at a time
 * while the load average and the steal time show nothing (some other tenant of the host, by the look of
 * it): chunks of the engine and of this fixed loop, taken in turns for a minute, fell and recovered together
 * (engine ÷ loop stayed within ±5 % while both moved by 40 %). A chunk is therefore kept only when the loop
 * ran at its fastest just before and just after it, which is the estimate of the uncontended speed that
 * Chen & Revels argue for ("Robust benchmarking in noisy environments", arXiv:1608.04295): noise on a
 * machine only ever slows a program down.
 */
const calib = {
  a: new Float32Array(784 * 30),
  x: new Float32Array(784),
  out: new Float32Array(30),
  /** The fastest calibration seen in this process, multiply-adds per second. */
  best: 0,
  primed: false,
};
for (let i = 0; i < calib.a.length; i++) calib.a[i] = ((i * 7919) % 1000) / 1000 - 0.5;
for (let i = 0; i < calib.x.length; i++) calib.x[i] = (i % 13) / 13;

/** One ~30 ms reading of the machine's pace: plain-JavaScript float32 multiply-adds per second. */
export function calibrationRate(reps = 800): number {
  const { a, x, out } = calib;
  const t0 = performance.now();
  for (let r = 0; r < reps; r++)
    for (let j = 0; j < 30; j++) {
      let s = 0;
      const row = j * 784;
      for (let i = 0; i < 784; i++) s += a[row + i] * x[i];
      out[j] = s;
    }
  const rate = (reps * 784 * 30) / ((performance.now() - t0) / 1000);
  if (rate > calib.best) calib.best = rate;
  return rate;
}

/** Readings for about `seconds` (the first ones also let V8 optimise the loop), so `best` starts out sensible. */
export function primeCalibration(seconds = 2): void {
  const t0 = performance.now();
  while ((performance.now() - t0) / 1000 < seconds) calibrationRate();
  calib.primed = true;
}

/** The fastest calibration seen so far in this process (multiply-adds per second). */
export const bestCalibration = (): number => calib.best;

/** Whether a calibration reading says the machine ran at its quiet pace, against the fastest reading `best`. */
export const isQuiet = (reading: number, best = calib.best): boolean => reading >= (1 - QUIET_TOLERANCE) * best;

/**
 * The chunk rates to keep: chunk i was timed between readings[i] and readings[i + 1], and is kept when both
 * say the machine was quiet.
 */
export function quietChunkRates(rates: readonly number[], readings: readonly number[], best: number): number[] {
  if (readings.length !== rates.length + 1)
    throw new RangeError(`${rates.length} chunks need ${rates.length + 1} readings, got ${readings.length}`);
  return rates.filter((_, i) => isQuiet(readings[i], best) && isQuiet(readings[i + 1], best));
}

/**
 * Runs `work(reps)` (which processes `examplesPer` examples per rep) until one call takes ≥ 0.2 s and sizes a
 * chunk to about CHUNK_SECONDS. Then warms up chunk by chunk until two consecutive chunks agree within
 * WARM_AGREEMENT (capped at WARM_CAP_SECONDS): V8 first runs WebAssembly on its baseline compiler and only
 * later on the optimising one, and timing before the switch measured a different program. Then times chunks,
 * each between two calibration readings, until CHUNKS chunks were quiet before and after (or
 * TIMING_CAP_SECONDS ran out), and returns the median rate over the quiet chunks.
 */
export function measure(work: (reps: number) => void, examplesPer: number): Rate {
  if (!calib.primed) primeCalibration();
  const warmStart = performance.now();
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    work(reps);
    const dt = (performance.now() - t0) / 1000;
    if (dt >= 0.2) {
      reps = Math.max(1, Math.round((reps * CHUNK_SECONDS) / dt));
      break;
    }
    reps *= 2;
  }
  const chunkRate = (): number => {
    const t0 = performance.now();
    work(reps);
    return (reps * examplesPer) / ((performance.now() - t0) / 1000);
  };
  let previous = chunkRate();
  let settled = false;
  while ((performance.now() - warmStart) / 1000 < WARM_CAP_SECONDS) {
    const rate = chunkRate();
    if (Math.abs(rate - previous) <= WARM_AGREEMENT * rate) {
      settled = true;
      break;
    }
    previous = rate;
  }
  const warmSeconds = (performance.now() - warmStart) / 1000;
  // Chunk i is timed between readings[i] and readings[i + 1]; it counts as quiet when both are.
  const rates: number[] = [];
  const readings: number[] = [calibrationRate()];
  const timingStart = performance.now();
  const quietRates = (): number[] => quietChunkRates(rates, readings, calib.best);
  while (rates.length < CHUNKS || (quietRates().length < CHUNKS && (performance.now() - timingStart) / 1000 < TIMING_CAP_SECONDS)) {
    rates.push(chunkRate());
    readings.push(calibrationRate());
  }
  // Judged again at the end, against the fastest reading of the whole run.
  const quiet = quietRates();
  const kept = quiet.length >= 3 ? quiet : rates;
  const m = median(kept);
  return {
    eps: m,
    spread: (Math.max(...kept) - Math.min(...kept)) / m,
    warmSeconds,
    settled,
    chunksTimed: rates.length,
    quietChunks: quiet.length,
    epsAllChunks: median(rates),
  };
}

/** Mini-batch SGD on `train` with the default initialisation, seed 1: `work(reps)` takes `reps` steps. */
export function sgdWork(layers: number[], batch: number, train: Samples): (reps: number) => void {
  const net = new Network({ layers });
  const rng = createRng(1);
  net.initialize('default', rng);
  const trainer = new Trainer(net, batch);
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  shuffle(order, rng);
  const opts = { eta: 0.5, lambda: 5, trainingSize: train.count };
  let offset = 0;
  return (reps) => {
    for (let r = 0; r < reps; r++) {
      if (offset + batch > train.count) {
        shuffle(order, rng); // as an epoch boundary does in a real run
        offset = 0;
      }
      trainer.step(train, order, offset, batch, opts);
      offset += batch;
    }
  };
}
