/**
 * The training side of the lab: owns the data and the network, obeys ToWorker commands and reports
 * FromWorker events. It is a plain function of its dependencies (where messages go, where the data comes
 * from, how time passes), so the same code runs in the Web Worker, in Node for benchmarks and in tests
 * with a fake clock. trainer.worker.ts is only the glue around it.
 *
 * Training runs in chunks of ~20 ms, each followed by a yield to the event loop, so a 'pause', 'reset' or
 * 'configure' from the page is handled within a chunk. Every loop carries the loop token it was started
 * with; any command that stops or replaces a run bumps the token, and a stale loop stops at its next chunk.
 * This closure holds the run's state and dispatches commands; what a unit of work does and posts (units.ts),
 * the steps, snapshots, pace and wording are modules of their own beside it.
 */
import { checkConfig, checkPauseAtValue, checkSpeed, checkStepCount, checkedArgument } from './acceptConfig';
import { errorText, malformedCommand, needsNetwork, unknownCommand } from './commands';
import { DataLoader, describeLoadFailure, loadFailureCause, type DataSource } from './data';
import { buildModel, initialiseWeightsPieces, prepareModelPieces, switchPresetPieces, type Model } from './model';
import type { PieceMeter, Pieces } from '../engine';
import { RunLoop } from './loop';
import { keepLoadedNetwork, loadProblem, readNetwork } from './networkIO';
import { NO_RUN, type ErrorCause, type ToWorker } from './protocol';
import type { Scheduler } from './schedule';
import { createUnits, type PostMessage } from './units';
import { checkSeedCount, createSeedSweep } from './seeds';

export type { DataHooks, DataProgress, DataSource } from './data';

export type { PostMessage };

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
    unit: (m) => units.run(m),
    isCurrent: (m) => m === model,
    pace: (m) => m.config,
    stopped: (m, failure) => {
      m.status = 'paused';
      if (failure !== null) {
        const reason = errorText(failure.err);
        postError(`training stopped: ${reason}`, false, runId, { kind: 'training-stopped', reason });
      }
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
  const postError = (message: string, retryable: boolean, id = runId, cause?: ErrorCause) =>
    post({ type: 'error', runId: id, message, retryable, ...(cause ? { cause } : {}) });
  /** A command the worker cannot carry out: said once, nothing changes. */
  const refuse = (message: string, cause: ErrorCause = { kind: 'command-refused', reason: message }) =>
    postError(message, false, runId, cause);

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
      postError(describeLoadFailure(err), true, runId, loadFailureCause(err));
      // A start that was waiting for this data cannot happen now; say so instead of leaving it 'running'.
      if (pending !== null && model !== null && !hasDataFor(model)) {
        pending = null;
        model.status = model.epoch === 0 && model.batch === 0 ? 'idle' : 'paused';
        postStatus(model);
      }
    },
    guard: (fn) => guarded(fn),
  });

  const units = createUnits({
    post,
    postStatus,
    runId: () => runId,
    loop: () => loop,
    scheduler,
    data,
    dropPending: () => {
      pending = null;
    },
  });
  /** Probes the current weights and posts the snapshot: at once on a small network, in the loop's pieces on a wide one. */
  const postSnapshot = (m: Model, before?: (meter: PieceMeter) => Pieces<void>) => {
    if (units.snapshotSoon(m, before) && m.status !== 'running') loop.start(m, 0);
  };
  const seeds = createSeedSweep({ post, scheduler, runId: () => runId, guard: (fn) => guarded(fn) });

  const hasDataFor = (m: Model) => m.ready && (m.config.mode === 'learning-speed' ? data.probeSet !== null : data.split !== null);

  function resumePending(): void {
    if (pending === null || model === null || !hasDataFor(model)) return;
    const { steps } = pending;
    pending = null;
    runLoop(model, steps);
  }

  function prepare(m: Model): void {
    const probeSet = data.probeSet;
    if (probeSet === null) return;
    postSnapshot(m, (meter) => prepareModelPieces(m, probeSet, meter));
  }

  function runLoop(m: Model, steps: number): void {
    m.status = 'running';
    postStatus(m);
    loop.start(m, steps);
  }

  // ---- commands ------------------------------------------------------------------------------------------

  function configure(id: number, raw: unknown): void {
    let next: Model;
    try {
      next = buildModel(checkConfig(raw));
    } catch (err) {
      // A refused configuration changes nothing: the previous network, run and loop carry on.
      const reason = errorText(err);
      postError(`configuration refused: ${reason}`, false, id, { kind: 'config-refused', reason });
      return;
    }
    loop.stop();
    units.forget();
    pending = null;
    runId = id;
    model = next;
    postStatus(next);
    data.ensure(); // after a failed download, a new configure is the retry
    if (!next.ready) prepare(next); // the loader may have delivered the probe images synchronously
  }

  /** Start and step share this: both need the data for the mode and a run that can still go on. 0 steps: a start. */
  function launch(m: Model, steps: number): void {
    if (m.status === 'diverged' || m.status === 'finished') {
      postStatus(m); // nothing to do until a reset
    } else if (hasDataFor(m)) {
      runLoop(m, steps);
    } else {
      waitForData(m, steps);
    }
  }

  function waitForData(m: Model, steps: number): void {
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
    // A step already taken still owes its snapshot and its epoch's end: they follow, and nothing more is trained.
    if (status === 'paused' && units.owes(m)) loop.start(m, 0);
  }

  function reset(m: Model): void {
    units.forget();
    halt(m, 'idle');
    const probeSet = data.probeSet;
    if (m.ready && probeSet !== null) postSnapshot(m, (meter) => initialiseWeightsPieces(m, probeSet, meter));
  }

  /** The counters restart at epoch 0 (a new curve) and a running loop keeps running. */
  function setPreset(m: Model, exploding: boolean): void {
    if (m.config.exploding === exploding) return;
    m.config.exploding = exploding;
    const probeSet = data.probeSet;
    if (!m.ready || probeSet === null) return; // prepare() will honour the new setting
    const wasRunning = m.status === 'running' && pending === null;
    loop.stop();
    const halfDrawn = units.forget();
    // Weights that overflowed are not a network the preset can be built on: the preset would turn NaN into
    // NaN and the next probe would blame the preset. A diverged run starts again from the seed instead, and
    // so do weights whose drawing was cut short by this change. Switching the preset off redraws them too
    // (switchPresetPieces). Either way in pieces: the preset's forward passes on the widest network are
    // a few hundred milliseconds.
    const redraw = m.status === 'diverged' || halfDrawn || !exploding;
    if (m.status !== 'running') m.status = 'idle';
    if (m.status === 'idle') postStatus(m);
    postSnapshot(m, (meter) => (redraw ? initialiseWeightsPieces(m, probeSet, meter) : switchPresetPieces(m, probeSet, meter)));
    // A snapshot still under way is finished by the loop before it trains on.
    if (wasRunning && m.status === 'running') runLoop(m, 0);
  }

  function setSpeed(m: Model, raw: unknown): void {
    const speed = checkedArgument(() => checkSpeed(raw), refuse);
    if (speed === null) return;
    m.config.speed = speed;
    loop.repace(m, m.status === 'running' && pending === null);
  }

  /** Takes effect at the next end of an epoch; a pause at an epoch already past simply never comes. */
  function setPauseAt(m: Model, raw: unknown): void {
    const checked = checkedArgument(() => ({ pauseAt: checkPauseAtValue(raw, m.config.epochs) }), refuse);
    if (checked === null) return;
    if (checked.pauseAt === null) delete m.config.pauseAt;
    else m.config.pauseAt = checked.pauseAt;
  }

  /** Other seeds of the same network, measured between units of the run (seeds.ts). */
  function measureSeeds(m: Model, raw: unknown): void {
    const count = checkedArgument(() => checkSeedCount(raw), refuse);
    if (count === null) return;
    if (data.probeSet === null)
      refuse('cannot measure other seeds yet: the first 1000 training images have not arrived', { kind: 'probe-not-ready' });
    else seeds.start(m.config, data.probeSet, count);
  }

  function step(m: Model, raw: unknown): void {
    const count = checkedArgument(() => checkStepCount(raw), refuse);
    if (count !== null) launch(m, count);
  }

  function dispatch(msg: ToWorker): void {
    if (msg.type === 'configure') {
      configure(msg.runId, msg.config);
      return;
    }
    // Commands arrive in the order the page sent them, so the runId of the latest one is the page's current
    // run, whether it is higher or lower than the last: a stray message naming some other run must not make
    // the worker deaf to the page from then on. The page's next command (at the latest its next heartbeat)
    // brings the worker back to the page's run, and the status is said again under that run, so whatever
    // the stray message did is not hidden from the page.
    const renamed = msg.runId !== runId;
    runId = msg.runId;
    if (msg.type === 'ping') {
      post({ type: 'pong', runId, seq: msg.seq });
    } else if (model === null) {
      // A read of the network is answered in any case, so the page's request settles with the reason.
      if (msg.type === 'read-network')
        post({ type: 'network-refused', runId, requestId: msg.requestId, cause: { kind: 'not-configured', command: msg.type } });
      else refuse(needsNetwork(msg), { kind: 'not-configured', command: msg.type });
    } else {
      command(model, msg);
    }
    if (renamed && model !== null && msg.type !== 'reset') postStatus(model, pending !== null);
  }

  function command(m: Model, msg: Exclude<ToWorker, { type: 'configure' | 'ping' }>): void {
    switch (msg.type) {
      case 'start':
        launch(m, 0);
        break;
      case 'step':
        step(m, msg.count);
        break;
      case 'pause':
        halt(m, 'paused');
        break;
      case 'reset':
        reset(m);
        break;
      case 'set-preset':
        setPreset(m, msg.exploding);
        break;
      case 'set-speed':
        setSpeed(m, msg.speed);
        break;
      case 'set-pause-at':
        setPauseAt(m, msg.pauseAt);
        break;
      case 'measure-seeds':
        measureSeeds(m, msg.count);
        break;
      case 'read-network': {
        answerNetwork(m, msg.requestId);
        break;
      }
      case 'load-network': {
        const problem = loadProblem(m, msg.weights, msg.biases);
        if (problem !== null) refuse(problem);
        else {
          keepLoadedNetwork(m, msg.weights, msg.biases);
          reset(m); // a reset puts the loaded weights in place and probes them, or prepare() will once the images are here
        }
        break;
      }
      default: {
        const unreachable: never = msg;
        refuse(unknownCommand(unreachable));
      }
    }
  }

  /**
   * Every 'read-network' gets exactly one answer with its requestId: the network, or why not. An exception
   * here must not become a plain 'error', which would leave the page's request waiting for an answer.
   */
  function answerNetwork(m: Model, requestId: number): void {
    let answer: ReturnType<typeof readNetwork>;
    try {
      answer = readNetwork(m, runId, requestId);
    } catch (err) {
      post({ type: 'network-refused', runId, requestId, cause: { kind: 'network-unreadable', reason: errorText(err) } });
      return;
    }
    post(answer.msg, answer.transfer);
  }

  /** Runs `fn`, turning any exception into an 'error' message: the page never sees a stack trace. */
  function guarded(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      loop.stop();
      units.forget();
      pending = null;
      if (model !== null && model.status === 'running') {
        model.status = 'paused';
        postStatus(model);
      }
      const reason = errorText(err);
      postError(reason, false, runId, { kind: 'unexpected', reason });
    }
  }

  return {
    handleMessage(msg: ToWorker): void {
      const malformed = malformedCommand(msg);
      if (malformed !== null) refuse(malformed);
      else guarded(() => dispatch(msg));
    },
  };
}
