/**
 * "Over 20 seeds": ‖δˡ‖ at initialisation of the configured network for seeds s, s+1, …, s+K−1, the same
 * numbers as `npm run experiment -- initial-norms --seed s --seeds K`. The book's ‖δˡ‖ are single runs, and a
 * single seed's value moves by ±30 %; this shows how far.
 *
 * The sweep runs on a network of its own, one seed per unit of work with a yield to the event loop between
 * them (a probe is ~2 ms with the SIMD kernels, ~10 ms on the JavaScript passes a cured network takes), so a
 * run that is training meanwhile loses a few milliseconds per chunk and a 'pause' is still obeyed at once.
 * On the widest networks a probe takes seconds, so a seed's probe is itself cut into pieces (the engine's
 * pieces), and a turn of the event loop ends after a chunk's time or a seed, whichever comes first.
 */
import {
  applyExplodingPresetPieces,
  createRng,
  finish,
  GradientProbe,
  Network,
  PieceMeter,
  unlimitedMeter,
  type Pieces,
  type Samples,
} from '../engine';
import type { RunConfig } from '../config';
import type { FromWorker } from './protocol';
import { CHUNK_MS, type Scheduler } from './schedule';

/** Seeds the page asks for: enough for a median and quartiles that do not hang on one seed. */
export const SEED_COUNT = 20;
/** The most a 'measure-seeds' may ask for: 100 probes is still well under a second of the worker's time. */
export const MAX_SEED_COUNT = 100;

export type SeedNormsMessage = Extract<FromWorker, { type: 'seed-norms' }>;

/** The network a seed sweep measures: the run's architecture and cures, its own weights. */
export function sweepNetwork(config: RunConfig): Network {
  return new Network({
    layers: config.layers,
    activation: config.activation,
    output: config.output,
    residual: config.residual ?? false,
    normalisation: config.normalisation ?? 'none',
  });
}

/**
 * ‖δˡ‖ at initialisation for one seed: the weights the run itself would start from with that seed (and the
 * exploding preset where it is on), probed on the probe images. Returns a copy; NaN where not finite.
 */
export function normsForSeed(net: Network, probe: GradientProbe, config: RunConfig, seed: number, probeSet: Samples): number[] {
  return finish(normsForSeedPieces(net, probe, config, seed, probeSet, unlimitedMeter()));
}

/** normsForSeed with its probe in pieces of `meter`'s size: on the widest networks one probe takes seconds. */
export function* normsForSeedPieces(
  net: Network,
  probe: GradientProbe,
  config: RunConfig,
  seed: number,
  probeSet: Samples,
  meter: PieceMeter,
): Pieces<number[]> {
  yield* net.initializePieces(config.init, createRng(seed), meter);
  if (config.exploding) yield* applyExplodingPresetPieces(net, probeSet, meter);
  return Array.from((yield* probe.runPieces(meter)).layerNorms);
}

/** A seed count from the page, or the reason it cannot be used. */
export function checkSeedCount(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_SEED_COUNT) return v;
  throw new RangeError(`a seed count must be a whole number from 1 to ${MAX_SEED_COUNT}, got ${String(v)}`);
}

export interface SeedSweepContext {
  post(msg: FromWorker): void;
  scheduler: Scheduler;
  /** The runId everything posted carries; a sweep whose run is no longer current stops. */
  runId(): number;
  /** Runs a unit of work, turning an exception into an 'error' message. */
  guard(fn: () => void): void;
}

export interface SeedSweep {
  /** Measures `count` seeds from config.seed on; a sweep already under way is abandoned. */
  start(config: RunConfig, probeSet: Samples, count: number): void;
  /** Abandons the sweep under way, if any. */
  stop(): void;
}

export function createSeedSweep(ctx: SeedSweepContext): SeedSweep {
  /** Bumped by every start and stop; a scheduled seed that sees another token belongs to an abandoned sweep. */
  let token = 0;

  function start(config: RunConfig, probeSet: Samples, count: number): void {
    const mine = ++token;
    const runId = ctx.runId();
    const net = sweepNetwork(config);
    const probe = new GradientProbe(net, probeSet);
    const meter = new PieceMeter();
    /** Set when a seed has just been measured: a turn of the event loop measures at most one seed. */
    let seedDone = false;
    function* sweep(): Pieces<number[][]> {
      const norms: number[][] = [];
      for (let s = 0; s < count; s++) {
        norms.push(yield* normsForSeedPieces(net, probe, config, config.seed + s, probeSet, meter));
        seedDone = true;
        yield;
      }
      return norms;
    }
    const pieces = sweep();
    const next = () => {
      if (mine !== token || runId !== ctx.runId()) return;
      const started = ctx.scheduler.now();
      seedDone = false;
      for (;;) {
        const step = pieces.next();
        if (step.done) {
          token++;
          ctx.post({ type: 'seed-norms', runId, firstSeed: config.seed, norms: step.value });
          return;
        }
        if (seedDone || ctx.scheduler.now() - started >= CHUNK_MS) break;
      }
      ctx.scheduler.schedule(() => ctx.guard(next), 0);
    };
    ctx.scheduler.schedule(() => ctx.guard(next), 0);
  }

  return {
    start,
    stop() {
      token++;
    },
  };
}
