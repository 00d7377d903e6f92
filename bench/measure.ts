/**
 * What every benchmark here shares: a warm-up that sizes a chunk of work to a fixed duration and runs until the
 * rate has settled, the median over several timed chunks (which shrugs off interruptions by other processes),
 * and the SGD loop being timed.
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
  /** Median examples per second over the timed chunks. */
  eps: number;
  /** Relative spread of the chunks, (max − min) / median. */
  spread: number;
  /** Seconds spent warming up before the timed chunks. */
  warmSeconds: number;
  /** Whether two consecutive warm-up chunks agreed within WARM_AGREEMENT before WARM_CAP_SECONDS ran out. */
  settled: boolean;
}

/** Warm-up ends once two consecutive chunks' rates agree within this fraction of the later one… */
export const WARM_AGREEMENT = 0.1;
/** …or after this many seconds, whichever comes first. */
export const WARM_CAP_SECONDS = 8;
/** A configuration whose timed chunks spread wider than ±this (half of (max − min) / median) is flagged. */
export const SPREAD_FLAG = 0.25;

/**
 * Runs `work(reps)` (which processes `examplesPer` examples per rep) until one call takes ≥ 0.2 s and sizes a
 * chunk to about CHUNK_SECONDS. Then warms up chunk by chunk until two consecutive chunks agree within
 * WARM_AGREEMENT (capped at WARM_CAP_SECONDS): V8 first runs WebAssembly on its baseline compiler and only
 * later on the optimising one, and timing before the switch measured a different program. Returns the
 * median rate over CHUNKS timed chunks.
 */
export function measure(work: (reps: number) => void, examplesPer: number): Rate {
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
  const rates: number[] = [];
  for (let c = 0; c < CHUNKS; c++) rates.push(chunkRate());
  const m = median(rates);
  return { eps: m, spread: (Math.max(...rates) - Math.min(...rates)) / m, warmSeconds, settled };
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
