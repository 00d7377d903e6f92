/**
 * One unit of training work and what it reports: an epoch of full-batch descent (learning-speed mode) or
 * one mini-batch or validation slice (SGD mode), then the snapshot, the end of an epoch, or the divergence
 * it led to. The trainer's closure owns the run's state; this module owns what a unit does with it.
 */
import type { DataLoader } from './data';
import { describeValue, divergenceReason, nonFiniteKind } from './divergence';
import type { DivergedValue } from './protocol';
import type { RunLoop, Unit } from './loop';
import type { Samples } from '../engine';
import {
  beginValidation,
  epochMeanCost,
  finishFullBatch,
  sumFullBatch,
  trainFullBatch,
  trainMiniBatch,
  validateSlice,
  type Model,
} from './model';
import { SliceSizer } from './pacing';
import type { FromWorker } from './protocol';
import { CHUNK_MS, type Scheduler } from './schedule';
import { batchesPerEpoch, takeSnapshot } from './snapshot';

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
  /** The next unit of work of a running model. */
  run(m: Model): Unit;
  /** Probes and posts a snapshot; returns false, after posting 'diverged', if anything is not finite. */
  postSnapshot(m: Model): boolean;
}

/** An epoch still under way this long after it began says how far it has got… */
export const PROGRESS_AFTER_MS = 1000;
/** …and says it again at most this often. */
export const PROGRESS_EVERY_MS = 250;

export function createUnits(ctx: UnitContext): Units {
  const { post, postStatus, scheduler, data } = ctx;
  /** The epoch in progress: which model's, when it began, when its progress was last posted, how big its slices are. */
  let epochInProgress: { m: Model; epoch: number; startedAt: number; postedAt: number; sizer: SliceSizer } | null = null;

  function postSnapshot(m: Model): boolean {
    if (m.probe === null || m.activationStats === null) return false;
    const loop = ctx.loop();
    let now = 0;
    const outcome = takeSnapshot(m.probe, m.activationStats, m.factors, () => {
      now = scheduler.now();
      return {
        runId: ctx.runId(),
        epoch: m.epoch,
        batch: m.batch,
        batchesPerEpoch: batchesPerEpoch(m.config.mode, m.config.batchSize, data.split?.training.count ?? null),
        examplesPerSecond: loop.throughput.perSecond(now, m.status === 'running'),
      };
    });
    if (!outcome.ok) {
      diverge(m, outcome.what);
      return false;
    }
    post(outcome.snapshot, outcome.transfer);
    loop.throughput.restart(now);
    return true;
  }

  function diverge(m: Model, value: DivergedValue): void {
    ctx.loop().stop();
    ctx.dropPending();
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
   * A slice of a full-batch epoch: whole blocks of probe images summed into the epoch's gradient until the
   * chunk's time is up, so a pause, reset or new configuration waits for one slice, never for a whole epoch
   * of a wide network. The step is taken, and the epoch counted, when the last block is in.
   */
  function trainEpoch(m: Model): Unit {
    const samples = data.probeSet;
    if (samples === null) throw new Error('the probe images are not loaded');
    if (m.epochSum === null) return finishEpoch(m, samples, trainFullBatch(m, samples)); // a small network: one step
    const started = scheduler.now();
    if (epochInProgress === null || epochInProgress.m !== m || epochInProgress.epoch !== m.epoch || m.epochDone === 0) {
      const blocks = Math.ceil(samples.count / m.blockImages);
      const sizer = epochInProgress?.m === m ? epochInProgress.sizer : new SliceSizer(CHUNK_MS, blocks, 1);
      epochInProgress = { m, epoch: m.epoch, startedAt: started, postedAt: started, sizer };
    }
    const progress = epochInProgress;
    for (;;) {
      const before = scheduler.now();
      const blocks = progress.sizer.next(Math.ceil((samples.count - m.epochDone) / m.blockImages));
      const done = sumFullBatch(m, samples, blocks);
      const now = scheduler.now();
      progress.sizer.measured(blocks, now - before);
      if (done >= samples.count) break;
      if (now - started >= CHUNK_MS) {
        if (now - progress.startedAt >= PROGRESS_AFTER_MS && now - progress.postedAt >= PROGRESS_EVERY_MS) {
          progress.postedAt = now;
          post({ type: 'progress', runId: ctx.runId(), epoch: m.epoch + 1, done, total: samples.count, stage: 'training' });
        }
        return 'more';
      }
    }
    return finishEpoch(m, samples, finishFullBatch(m, samples));
  }

  function finishEpoch(m: Model, samples: Samples, cost: number): Unit {
    if (!trained(m, 1, samples.count, cost)) return 'stop';
    return postSnapshot(m) ? endEpoch(m, null, cost) : 'stop';
  }

  function trainBatch(m: Model): Unit {
    const split = data.split;
    if (split === null) throw new Error('the training images are not loaded');
    if (m.validated >= 0) {
      const accuracy = validateSlice(m, split.validation);
      return accuracy === null ? 'more' : endEpoch(m, accuracy, epochMeanCost(m));
    }
    const batch = trainMiniBatch(m, split.training);
    if (!trained(m, batch.size, batch.size, batch.cost)) return 'stop';
    if (batch.endOfEpoch) {
      if (!postSnapshot(m)) return 'stop';
      // The bars go out at once; the validation accuracy follows a slice at a time.
      return beginValidation(m, split.validation) ? 'more' : endEpoch(m, null, epochMeanCost(m));
    }
    if (batch.endOfInterval) return postSnapshot(m) ? 'interval' : 'stop';
    return 'more';
  }

  return { run: (m) => (m.config.mode === 'learning-speed' ? trainEpoch(m) : trainBatch(m)), postSnapshot };
}
