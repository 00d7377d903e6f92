/**
 * The training side of the lab: owns the data and the network, obeys ToWorker commands and reports
 * FromWorker events. It is a plain function of its dependencies (where messages go, where the data comes
 * from, how time passes), so the same code runs in the Web Worker, in Node for benchmarks and in tests
 * with a fake clock. trainer.worker.ts is only the glue around it.
 *
 * Training runs in chunks of ~20 ms, each followed by a yield to the event loop, so a 'pause', 'reset' or
 * 'configure' from the page is handled within a chunk. Every loop carries the loop token it was started
 * with; any command that stops or replaces a run bumps the token, and a stale loop stops at its next chunk.
 * This closure holds the run's state and decides what to post; the steps, snapshots, pace and wording are
 * modules of their own beside it.
 */
import { checkConfig, checkPauseAtValue, checkSpeed, checkStepCount } from './acceptConfig';
import { errorText, malformedCommand, needsNetwork, unknownCommand } from './commands';
import { DataLoader, describeLoadFailure, type DataSource } from './data';
import { describeNonFinite, divergenceReason } from './divergence';
import {
  beginValidation,
  buildModel,
  epochMeanCost,
  initialiseWeights,
  prepareModel,
  switchPreset,
  trainFullBatch,
  trainMiniBatch,
  validateSlice,
  type Model,
} from './model';
import { RunLoop, type Unit } from './loop';
import { NO_RUN, type FromWorker, type ToWorker } from './protocol';
import type { Scheduler } from './schedule';
import { batchesPerEpoch, takeSnapshot } from './snapshot';

export type { DataHooks, DataProgress, DataSource } from './data';

export type PostMessage = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface TrainerDeps {
  post: PostMessage;
  loadData: DataSource;
  scheduler: Scheduler;
}

export interface TrainerHandle {
  handleMessage(msg: ToWorker): void;
}

export function createTrainer(deps: TrainerDeps): TrainerHandle {
  const { post, scheduler } = deps;

  /** The runId of the page's current run: the newest one it has sent. Everything posted carries it. */
  let runId = NO_RUN;
  let model: Model | null = null;
  /**
   * A 'start' or 'step' that arrived before the data it needs, carried out when the data arrives: the
   * number of steps asked for, 0 for a start.
   */
  let pending: { steps: number } | null = null;
  const loop = new RunLoop<Model>(scheduler, {
    unit: (m) => (m.config.mode === 'learning-speed' ? trainEpoch(m) : trainBatch(m)),
    isCurrent: (m) => m === model,
    pace: (m) => m.config,
    stopped: (m, failure) => {
      m.status = 'paused';
      if (failure !== null) postError(`training stopped: ${errorText(failure.err)}`, false);
      postStatus(m);
    },
  });

  const postStatus = (m: Model, waitingForData = false, reason?: 'pause-at') =>
    post({
      type: 'status',
      runId,
      status: m.status,
      epoch: m.epoch,
      ...(waitingForData ? { waitingForData } : {}),
      ...(reason ? { reason } : {}),
    });
  const postError = (message: string, retryable: boolean, id = runId) => post({ type: 'error', runId: id, message, retryable });

  const data = new DataLoader(deps.loadData, {
    progress: (p) => post({ type: 'loading', runId, stage: p.stage, loadedBytes: p.loadedBytes, totalBytes: p.totalBytes }),
    probeReady: (probe) => {
      post({ type: 'ready', runId, stage: 'probe', trainingCount: probe.count, validationCount: 0 });
      if (model !== null && !model.ready) prepare(model);
      resumePending();
    },
    allReady: (split) => {
      post({ type: 'ready', runId, stage: 'all', trainingCount: split.training.count, validationCount: split.validation.count });
      resumePending();
    },
    failed: (err) => {
      postError(describeLoadFailure(err), true);
      // A start that was waiting for this data cannot happen now; say so instead of leaving it 'running'.
      if (pending !== null && model !== null && !hasDataFor(model)) {
        pending = null;
        model.status = model.epoch === 0 && model.batch === 0 ? 'idle' : 'paused';
        postStatus(model);
      }
    },
    guard: (fn) => guarded(fn),
  });

  const hasDataFor = (m: Model) => m.ready && (m.config.mode === 'learning-speed' ? data.probeSet !== null : data.split !== null);

  function resumePending(): void {
    if (pending === null || model === null || !hasDataFor(model)) return;
    const { steps } = pending;
    pending = null;
    runLoop(model, steps);
  }

  function prepare(m: Model): void {
    if (data.probeSet === null) return;
    prepareModel(m, data.probeSet);
    postSnapshot(m);
  }

  /** Probes and posts a snapshot; returns false, after posting 'diverged', if anything is not finite. */
  function postSnapshot(m: Model): boolean {
    if (m.probe === null) return false;
    let now = 0;
    const outcome = takeSnapshot(m.probe, m.factors, () => {
      now = scheduler.now();
      const perEpoch = batchesPerEpoch(m.config.mode, m.config.batchSize, data.split?.training.count ?? null);
      return {
        runId,
        epoch: m.epoch,
        batch: m.batch,
        batchesPerEpoch: perEpoch,
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

  function diverge(m: Model, what: string): void {
    loop.stop();
    pending = null;
    m.status = 'diverged';
    const { mode, eta, exploding } = m.config;
    const reason = divergenceReason(what, { mode, eta, exploding, epoch: m.epoch, batch: m.batch });
    post({ type: 'diverged', runId, epoch: m.epoch, batch: m.batch, reason });
    postStatus(m);
  }

  /**
   * Posts 'epoch-end'; at the epoch budget the run is finished, at the planned pause it pauses, and either
   * way the loop stops right here, so not one more example is trained after the epoch that was asked for.
   */
  function endEpoch(m: Model, validationAccuracy: number | null, cost: number): Unit {
    post({ type: 'epoch-end', runId, epoch: m.epoch, validationAccuracy, cost });
    const finished = m.epoch >= m.config.epochs;
    if (!finished && m.epoch !== m.config.pauseAt) return 'interval';
    loop.stop();
    m.status = finished ? 'finished' : 'paused';
    postStatus(m, false, finished ? undefined : 'pause-at');
    return 'stop';
  }

  function runLoop(m: Model, steps: number): void {
    m.status = 'running';
    postStatus(m);
    loop.start(m, steps);
  }

  /** Counts work done (in the pace's units and in examples); false, after 'diverged', if the cost overflowed. */
  function trained(m: Model, paceUnits: number, examples: number, cost: number): boolean {
    loop.pace.add(paceUnits);
    loop.throughput.add(examples);
    if (Number.isFinite(cost)) return true;
    diverge(m, `the cost became ${describeNonFinite(cost)}`);
    return false;
  }

  function trainEpoch(m: Model): Unit {
    const samples = data.probeSet;
    if (samples === null) throw new Error('the probe images are not loaded');
    const cost = trainFullBatch(m, samples);
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

  // ---- commands ------------------------------------------------------------------------------------------

  function configure(id: number, raw: unknown): void {
    let next: Model;
    try {
      next = buildModel(checkConfig(raw));
    } catch (err) {
      // A refused configuration changes nothing: the previous network, run and loop carry on.
      postError(`configuration refused: ${errorText(err)}`, false, id);
      return;
    }
    loop.stop();
    pending = null;
    runId = id;
    model = next;
    postStatus(next);
    data.ensure(); // after a failed download, a new configure is the retry
    if (!next.ready) prepare(next); // the loader may have delivered the probe images synchronously
  }

  /** Start and step share this: both need the data for the mode and a run that can still go on. 0 steps: a start. */
  function launch(m: Model, steps: number): void {
    if (m.status === 'diverged' || m.status === 'finished') return postStatus(m); // nothing to do until a reset
    if (hasDataFor(m)) return runLoop(m, steps);
    loop.stop();
    pending = { steps };
    m.status = 'running';
    postStatus(m, true);
    data.ensure();
  }

  function halt(m: Model, status: 'paused' | 'idle'): void {
    loop.stop();
    pending = null;
    if (status === 'idle' || m.status === 'running') m.status = status;
    postStatus(m);
  }

  function reset(m: Model): void {
    halt(m, 'idle');
    if (m.ready && data.probeSet !== null) {
      initialiseWeights(m, data.probeSet);
      postSnapshot(m);
    }
  }

  /** The counters restart at epoch 0 (a new curve) and a running loop keeps running. */
  function setPreset(m: Model, exploding: boolean): void {
    if (m.config.exploding === exploding) return;
    m.config.exploding = exploding;
    if (!m.ready || data.probeSet === null) return; // prepare() will honour the new setting
    const wasRunning = m.status === 'running' && pending === null;
    loop.stop();
    switchPreset(m, data.probeSet);
    if (m.status !== 'running') m.status = 'idle';
    if (m.status === 'idle') postStatus(m);
    if (postSnapshot(m) && wasRunning) runLoop(m, 0);
  }

  function setSpeed(m: Model, raw: unknown): void {
    let speed: number;
    try {
      speed = checkSpeed(raw);
    } catch (err) {
      return postError(errorText(err), false);
    }
    m.config.speed = speed;
    loop.repace(m, m.status === 'running' && pending === null);
  }

  /** Takes effect at the next end of an epoch; a pause at an epoch already past simply never comes. */
  function setPauseAt(m: Model, raw: unknown): void {
    let pauseAt: number | null;
    try {
      pauseAt = checkPauseAtValue(raw, m.config.epochs);
    } catch (err) {
      postError(errorText(err), false);
      return;
    }
    if (pauseAt === null) delete m.config.pauseAt;
    else m.config.pauseAt = pauseAt;
  }

  function dispatch(msg: ToWorker): void {
    // Commands arrive in the order the page sent them, so the newest runId is the page's current run.
    // An older one (other than a configure, which always names the run it starts) can only come from a
    // confused sender; it is ignored rather than allowed to act.
    if (msg.type !== 'configure') {
      if (msg.runId < runId) return;
      runId = msg.runId;
    }
    if (msg.type === 'configure') return configure(msg.runId, msg.config);
    const m = model;
    if (m === null) return postError(needsNetwork(msg), false);
    switch (msg.type) {
      case 'start':
        launch(m, 0);
        return;
      case 'step': {
        let count: number;
        try {
          count = checkStepCount(msg.count);
        } catch (err) {
          postError(errorText(err), false);
          return;
        }
        launch(m, count);
        return;
      }
      case 'pause':
        return halt(m, 'paused');
      case 'reset':
        return reset(m);
      case 'set-preset':
        return setPreset(m, msg.exploding);
      case 'set-speed':
        return setSpeed(m, msg.speed);
      case 'set-pause-at':
        setPauseAt(m, msg.pauseAt);
        return;
      default: {
        const unreachable: never = msg;
        postError(unknownCommand(unreachable), false);
      }
    }
  }

  /** Runs `fn`, turning any exception into an 'error' message: the page never sees a stack trace. */
  function guarded(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      loop.stop();
      pending = null;
      if (model !== null && model.status === 'running') {
        model.status = 'paused';
        postStatus(model);
      }
      postError(errorText(err), false);
    }
  }

  return {
    handleMessage(msg: ToWorker): void {
      const malformed = malformedCommand(msg);
      if (malformed !== null) return postError(malformed, false);
      guarded(() => dispatch(msg));
    },
  };
}
