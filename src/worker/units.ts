/**
 * One unit of training work and what it reports: an epoch of full-batch descent (learning-speed mode) or
 * one mini-batch or validation slice (SGD mode), then the snapshot, the end of an epoch, or the divergence
 * it led to. The trainer's closure owns the run's state; this module owns what a unit does with it.
 *
 * A unit is a generator that yields between pieces of counted work (the engine's pieces: about 20 ms each),
 * and the loop hands the thread back between chunks of pieces, so on the widest networks the probe, the
 * statistics, eq. 124's norms and every step wait at most a piece for a 'pause' or 'reset'. The unit under
 * way is kept across a pause and resumed by the next start; a pause after a step was taken lets its
 * snapshot and epoch's end go out first, so the epoch counted is the epoch reported.
 */
import type { DataLoader } from './data';
import { describeValue, divergenceReason, nonFiniteKind } from './divergence';
import type { DivergedValue } from './protocol';
import type { RunLoop, Unit } from './loop';
import { PieceMeter, type Pieces } from '../engine';
import {
  beginValidation,
  epochMeanCost,
  finishFullBatch,
  prepareValidation,
  sumNextBlock,
  trainFullBatch,
  trainMiniBatchPieces,
  validateSlice,
  type Model,
} from './model';
import type { FromWorker } from './protocol';
import { FULL_SPEED_SNAPSHOT_GAP_MS, paceFor, type Scheduler } from './schedule';
import { batchesPerEpoch, snapshotPieces, type SnapshotHeader } from './snapshot';

export type PostMessage = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface UnitContext {
  post: PostMessage;
  postStatus(m: Model, waitingForData?: boolean, reason?: 'pause-at'): void;
  /** The runId everything posted carries: the page's current run. */
  runId(): number;
  loop(): RunLoop<Model>;
  scheduler: Scheduler;
  data: DataLoader;
  /** Forgets a start or step that waits for data: the run it was for cannot go on. */
  dropPending(): void;
}

export interface Units {
  /** The next piece of work of `m`: a unit of training (mini-batch, epoch, validation slice) in pieces. */
  run(m: Model): Unit;
  /**
   * Probes and posts a snapshot of the current weights, after `before` (drawing new weights) where given.
   * Small networks finish here; on a wide one the first piece runs here and true says the rest waits for
   * the loop to carry on (run).
   */
  snapshotSoon(m: Model, before?: (meter: PieceMeter) => Pieces<void>): boolean;
  /**
   * Drops the work under way (the weights it was computing from are about to change); true if that work
   * was drawing new weights and had not finished, so the weights are half drawn.
   */
  forget(): boolean;
  /** Whether `m` has work under way that must finish even when paused: a step was taken, its snapshot is owed. */
  owes(m: Model): boolean;
}

/** An epoch still under way this long after it began says how far it has got… */
export const PROGRESS_AFTER_MS = 1000;
/** …and says it again at most this often. */
export const PROGRESS_EVERY_MS = 250;

/** A unit of work under way: the model it is for, its pieces, and whether the weights have moved in it. */
interface Job {
  m: Model;
  pieces: Pieces<Unit>;
  /** The step was taken (or there is none): what is left is reporting it, which a pause does not cut off. */
  committed: boolean;
  /** New weights are being drawn: dropped now, the network is half old, half new. */
  drawing?: boolean;
}

export function createUnits(ctx: UnitContext): Units {
  const { post, postStatus, scheduler, data } = ctx;
  let job: Job | null = null;
  /** When the last snapshot was posted (scheduler time). */
  let snapshotAt = Number.NEGATIVE_INFINITY;

  function header(m: Model): () => SnapshotHeader {
    return () => ({
      runId: ctx.runId(),
      epoch: m.epoch,
      batch: m.batch,
      batchesPerEpoch: batchesPerEpoch(m.config.mode, m.config.batchSize, data.split?.training.count ?? null),
      examplesPerSecond: ctx.loop().throughput.perSecond(scheduler.now(), m.status === 'running'),
    });
  }

  /** Probes and posts a snapshot in pieces; false, after posting 'diverged', if anything is not finite. */
  function* postSnapshot(m: Model, meter: PieceMeter): Pieces<boolean> {
    if (m.probe === null || m.activationStats === null) return false;
    const outcome = yield* snapshotPieces(m.probe, m.activationStats, m.factors, header(m), meter);
    if (!outcome.ok) {
      diverge(m, outcome.what);
      return false;
    }
    post(outcome.snapshot, outcome.transfer);
    snapshotAt = scheduler.now();
    ctx.loop().throughput.mark(snapshotAt);
    return true;
  }

  function diverge(m: Model, value: DivergedValue): void {
    ctx.loop().stop();
    ctx.dropPending();
    job = null;
    m.status = 'diverged';
    const { mode, eta, exploding } = m.config;
    const cause = { value, mode, eta, exploding, epoch: m.epoch, batch: m.batch };
    const reason = divergenceReason(describeValue(value), cause);
    post({ type: 'diverged', runId: ctx.runId(), epoch: m.epoch, batch: m.batch, reason, cause });
    postStatus(m);
  }

  /**
   * Posts 'epoch-end'; at the epoch budget the run is finished, at the planned pause it pauses, and either
   * way the loop stops right here, so not one more example is trained after the epoch that was asked for.
   */
  function endEpoch(m: Model, validationAccuracy: number | null, cost: number): Unit {
    post({ type: 'epoch-end', runId: ctx.runId(), epoch: m.epoch, validationAccuracy, cost });
    const finished = m.epoch >= m.config.epochs;
    if (!finished && m.epoch !== m.config.pauseAt) return 'interval';
    ctx.loop().stop();
    m.status = finished ? 'finished' : 'paused';
    postStatus(m, false, finished ? undefined : 'pause-at');
    return 'stop';
  }

  /** Counts work done (in the pace's units and in examples); false, after 'diverged', if the cost overflowed. */
  function trained(m: Model, paceUnits: number, examples: number, cost: number): boolean {
    const loop = ctx.loop();
    loop.pace.add(paceUnits);
    loop.throughput.add(examples);
    if (Number.isFinite(cost)) return true;
    diverge(m, { kind: 'cost', became: nonFiniteKind(cost) });
    return false;
  }

  /**
   * A full-batch epoch: on a wide network, blocks of probe images summed into the epoch's gradient a piece at
   * a time, so a pause, reset or new configuration waits for one piece, never for a whole epoch. The step is
   * taken, and the epoch counted, when the last block is in; then the snapshot, in pieces too.
   */
  function* trainEpoch(m: Model, self: Job): Pieces<Unit> {
    const samples = data.probeSet;
    if (samples === null) throw new Error('the probe images are not loaded');
    const meter = new PieceMeter();
    let cost: number;
    if (m.epochSum === null)
      cost = trainFullBatch(m, samples); // a small network: one step
    else {
      const startedAt = scheduler.now();
      let postedAt = startedAt;
      while (m.epochDone < samples.count) {
        const done = yield* sumNextBlock(m, samples, meter);
        const now = scheduler.now();
        if (done < samples.count && now - startedAt >= PROGRESS_AFTER_MS && now - postedAt >= PROGRESS_EVERY_MS) {
          postedAt = now;
          post({ type: 'progress', runId: ctx.runId(), epoch: m.epoch + 1, done, total: samples.count, stage: 'training' });
        }
      }
      cost = finishFullBatch(m, samples);
    }
    self.committed = true;
    if (!trained(m, 1, samples.count, cost)) return 'stop';
    return (yield* postSnapshot(m, meter)) ? endEpoch(m, null, cost) : 'stop';
  }

  function* trainBatch(m: Model, self: Job): Pieces<Unit> {
    const split = data.split;
    if (split === null) throw new Error('the training images are not loaded');
    if (m.validated >= 0) {
      self.committed = true;
      if (!m.validationPrepared) {
        // The evaluator's copy of the weights in pieces of its own; the first slice is the next unit.
        yield* prepareValidation(m, new PieceMeter());
        return 'more';
      }
      const accuracy = validateSlice(m, split.validation);
      return accuracy === null ? 'more' : endEpoch(m, accuracy, epochMeanCost(m));
    }
    const meter = new PieceMeter();
    const batch = yield* trainMiniBatchPieces(m, split.training, meter);
    self.committed = true;
    if (!trained(m, batch.size, batch.size, batch.cost)) return 'stop';
    if (batch.endOfEpoch) {
      if (!(yield* postSnapshot(m, meter))) return 'stop';
      // The bars go out at once; the validation accuracy follows a slice at a time.
      return beginValidation(m, split.validation) ? 'more' : endEpoch(m, null, epochMeanCost(m));
    }
    if (batch.endOfInterval && !skipsProbe(m)) return (yield* postSnapshot(m, meter)) ? 'interval' : 'stop';
    return 'more';
  }

  /** At full speed, running freely at the worker's own interval, an interval's probe waits for the snapshot gap. */
  function skipsProbe(m: Model): boolean {
    if (ctx.loop().stepping || m.config.probeEvery !== undefined || Number.isFinite(paceFor('sgd', m.config.speed))) return false;
    return scheduler.now() - snapshotAt < FULL_SPEED_SNAPSHOT_GAP_MS;
  }

  /** A snapshot with no training before it: after a configure, reset or preset, with what comes before it (new weights). */
  function* snapshotOnly(m: Model, self: Job, before: ((meter: PieceMeter) => Pieces<void>) | undefined): Pieces<Unit> {
    const meter = new PieceMeter();
    if (before !== undefined) {
      self.drawing = true;
      yield* before(meter);
      self.drawing = false;
    }
    return (yield* postSnapshot(m, meter)) ? 'more' : 'stop';
  }

  /** The next piece of the job under way, or of a new unit if the model is running. */
  function run(m: Model): Unit {
    if (job === null || job.m !== m) {
      if (m.status !== 'running') return 'stop';
      const fresh: Job = { m, pieces: undefined as unknown as Pieces<Unit>, committed: false };
      fresh.pieces = m.config.mode === 'learning-speed' ? trainEpoch(m, fresh) : trainBatch(m, fresh);
      job = fresh;
    }
    const current = job;
    const step = current.pieces.next();
    if (!step.done) return 'more';
    if (job === current) job = null;
    // Work that was finished after a pause reports what it did, and the loop then stops.
    return step.value !== 'stop' && m.status !== 'running' ? 'stop' : step.value;
  }

  function snapshotSoon(m: Model, before?: (meter: PieceMeter) => Pieces<void>): boolean {
    const mine: Job = { m, pieces: undefined as unknown as Pieces<Unit>, committed: true };
    mine.pieces = snapshotOnly(m, mine, before);
    job = mine;
    const step = mine.pieces.next();
    if (!step.done) return true;
    if (job === mine) job = null;
    return false;
  }

  return {
    run,
    snapshotSoon,
    forget() {
      const halfDrawn = job?.drawing === true;
      job = null;
      return halfDrawn;
    },
    owes: (m) => job !== null && job.m === m && job.committed,
  };
}
