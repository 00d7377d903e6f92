/**
 * The training side of the lab: owns the data and the network, obeys ToWorker commands and reports
 * FromWorker events. It is a plain function of its dependencies (where messages go, where the data comes
 * from, how time passes), so the same code runs in the Web Worker, in Node for benchmarks and in tests
 * with a fake clock. trainer.worker.ts is only the glue around it.
 *
 * Training runs in chunks of ~20 ms, each followed by a yield to the event loop, so a 'pause', 'reset' or
 * 'configure' from the page is handled within a chunk. Every loop carries the loop token it was started
 * with; any command that stops or replaces a run bumps the token, and a stale loop stops at its next chunk.
 */
import { DataFileError } from '../data/idx';
import { firstExamples, PROBE_COUNT, type MnistSplit } from '../data/mnist';
import { LayerFactorNorms, Network, applyExplodingPreset, GradientProbe, type ProbeResult, createRng, shuffle, type Rng, evaluate, Trainer, type Samples } from '../engine';
import { showValue as show, type RunConfig } from '../config';
import { checkConfig, checkSpeed } from './acceptConfig';
import { NO_RUN, type FromWorker, type RunStatus, type Snapshot, type ToWorker } from './protocol';
import { CHUNK_MS, paceFor, sgdProbeInterval, type Scheduler } from './schedule';

/** Download progress as the data source reports it (the browser loader's LoadProgress has this shape). */
export interface DataProgress {
  stage: 'probe' | 'train' | 'test';
  loadedBytes: number;
  totalBytes: number;
}

export interface DataHooks {
  onProgress(progress: DataProgress): void;
  /** The first (up to) 1000 training images, as soon as they are available. */
  onProbeReady(probe: Samples): void;
}

/**
 * Starts loading MNIST: calls onProbeReady early if it can, and resolves with the full 50k/10k/10k split.
 * It is called again after a failure, when the page sends the next 'configure' (or 'start').
 */
export type DataSource = (hooks: DataHooks) => Promise<MnistSplit>;

export type PostMessage = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface TrainerDeps {
  post: PostMessage;
  loadData: DataSource;
  scheduler: Scheduler;
}

export interface TrainerHandle {
  handleMessage(msg: ToWorker): void;
}

/** Everything that belongs to one configured network. Replaced as a whole by the next good 'configure'. */
interface Model {
  /** The worker's own copy; set-preset and set-speed update it. */
  config: RunConfig;
  net: Network;
  trainer: Trainer;
  factors: LayerFactorNorms;
  /** Built once the probe images are here, like everything that needs them. */
  probe: GradientProbe | null;
  /** Weights drawn (and the preset applied) and the first snapshot posted. */
  ready: boolean;
  /** Seeded stream: draws the initial weights, then shuffles each SGD epoch (as network2.py's one global RNG). */
  rng: Rng;
  status: RunStatus;
  /** Completed epochs. */
  epoch: number;
  /** Mini-batches completed in the current epoch (SGD mode; always 0 in learning-speed mode). */
  batch: number;
  /** Learning-speed mode: 0..n−1 over the probe images. SGD mode: the training images in this epoch's order. */
  order: Uint32Array | null;
  /** The epoch `order` was shuffled for (SGD mode), −1 before the first. */
  shuffledFor: number;
  /** Batch index at which the current SGD probe interval ends, 0 when no interval is open. */
  intervalEnd: number;
  /** Σ (batch cost × batch size) and Σ batch size over the current epoch. */
  epochCost: number;
  epochExamples: number;
  /** SGD mode, after an epoch: validation images evaluated so far, −1 when no evaluation is under way. */
  validated: number;
  /** Validation images classified correctly so far. */
  validCorrect: number;
}

/**
 * What one unit of work ended with: 'more' to go on, 'interval' at the end of a probe interval (a step stops
 * there), 'stop' when the loop has been stopped (finished, diverged).
 */
type Unit = 'more' | 'interval' | 'stop';

/** Validation images evaluated per unit of work: ~10 ms, so a pause during validation is obeyed promptly. */
const VALIDATION_SLICE = 1000;

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

function describeNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN (not a number)' : 'infinite';
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 12 → '¹²', for δ¹ and the like in messages. */
function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function createTrainer(deps: TrainerDeps): TrainerHandle {
  const { post, scheduler } = deps;

  /** The runId of the page's current run: the newest one it has sent. Everything posted carries it. */
  let runId = NO_RUN;
  let model: Model | null = null;
  /** Bumped whenever a loop must stop; a chunk whose token is not current returns at once. */
  let loopToken = 0;
  /** True while a 'step' is running: the loop stops at the end of the probe interval (or epoch) under way. */
  let stepping = false;
  /** A 'start' or 'step' that arrived before the data it needs; carried out when the data arrives. */
  let pending: 'start' | 'step' | null = null;

  let probeSet: Samples | null = null;
  let split: MnistSplit | null = null;
  let loading = false;
  /** Bumped for every load attempt, so a superseded attempt cannot report. */
  let loadAttempt = 0;

  // Pace: work done since paceOrigin, in the mode's units (epochs or examples).
  let paceOrigin = 0;
  let paceWork = 0;
  // Throughput: examples trained since intervalMark (the previous snapshot or the start of the loop).
  let intervalMark = 0;
  let intervalExamples = 0;

  // ---- posting -------------------------------------------------------------------------------------------

  function postStatus(m: Model, waitingForData = false): void {
    const msg: FromWorker = { type: 'status', runId, status: m.status, epoch: m.epoch };
    if (waitingForData) msg.waitingForData = true;
    post(msg);
  }

  function postError(message: string, retryable: boolean, id = runId): void {
    post({ type: 'error', runId: id, message, retryable });
  }

  function errorText(err: unknown): string {
    return err instanceof Error ? err.message : String(err);
  }

  // ---- data ----------------------------------------------------------------------------------------------

  function ensureData(): void {
    if (split !== null || loading) return;
    loading = true;
    const attempt = ++loadAttempt;
    const current = () => attempt === loadAttempt;
    const hooks: DataHooks = {
      onProgress: (p) => {
        if (current()) post({ type: 'loading', runId, stage: p.stage, loadedBytes: p.loadedBytes, totalBytes: p.totalBytes });
      },
      onProbeReady: (probe) => {
        if (current()) guarded(() => probeArrived(probe));
      },
    };
    let promise: Promise<MnistSplit>;
    try {
      promise = deps.loadData(hooks);
    } catch (err) {
      promise = Promise.reject(err);
    }
    promise.then(
      (data) => {
        if (current()) guarded(() => allArrived(data));
      },
      (err: unknown) => {
        if (current()) loadFailed(err);
      },
    );
  }

  function probeArrived(probe: Samples): void {
    if (probeSet !== null) return; // a retried download delivers the same images again
    probeSet = firstExamples(probe, PROBE_COUNT);
    post({ type: 'ready', runId, stage: 'probe', trainingCount: probeSet.count, validationCount: 0 });
    if (model !== null && !model.ready) prepare(model);
    resumePending();
  }

  function allArrived(data: MnistSplit): void {
    loading = false;
    split = data;
    if (probeSet === null) probeArrived(firstExamples(data.training, PROBE_COUNT));
    post({ type: 'ready', runId, stage: 'all', trainingCount: data.training.count, validationCount: data.validation.count });
    resumePending();
  }

  function loadFailed(err: unknown): void {
    loading = false;
    const message = err instanceof DataFileError ? err.message : `could not load the MNIST files: ${errorText(err)}`;
    postError(message, true);
    // A start that was waiting for this data cannot happen now; say so instead of leaving it 'running'.
    if (pending !== null && model !== null && !hasDataFor(model)) {
      pending = null;
      model.status = model.epoch === 0 && model.batch === 0 ? 'idle' : 'paused';
      postStatus(model);
    }
  }

  function hasDataFor(m: Model): boolean {
    return m.ready && (m.config.mode === 'learning-speed' ? probeSet !== null : split !== null);
  }

  function resumePending(): void {
    if (pending === null || model === null || !hasDataFor(model)) return;
    const what = pending;
    pending = null;
    runLoop(model, what === 'step');
  }

  // ---- the network ---------------------------------------------------------------------------------------

  function buildModel(config: RunConfig): Model {
    const net = new Network({ layers: config.layers, activation: config.activation, output: config.output });
    // Learning-speed mode trains on the whole probe set at once: one batch of up to 1000.
    const maxBatch = config.mode === 'learning-speed' ? PROBE_COUNT : config.batchSize;
    return {
      config,
      net,
      trainer: new Trainer(net, maxBatch),
      // ‖M‖ is shown to three digits; a relative tolerance of 1e-6 saves iterations on wide layers.
      factors: new LayerFactorNorms(net, { tolerance: 1e-6 }),
      probe: null,
      ready: false,
      rng: createRng(config.seed),
      status: 'idle',
      epoch: 0,
      batch: 0,
      order: null,
      shuffledFor: -1,
      intervalEnd: 0,
      epochCost: 0,
      epochExamples: 0,
      validated: -1,
      validCorrect: 0,
    };
  }

  /** Back to epoch 0 with the same weights: a new curve starts here. */
  function restartCounters(m: Model): void {
    m.epoch = 0;
    m.batch = 0;
    m.shuffledFor = -1;
    m.intervalEnd = 0;
    m.epochCost = 0;
    m.epochExamples = 0;
    m.validated = -1;
    m.validCorrect = 0;
    m.trainer.resetVelocity();
    if (m.order !== null && m.config.mode === 'sgd') for (let i = 0; i < m.order.length; i++) m.order[i] = i;
  }

  /**
   * Draws the weights from the seed (a fresh stream, so reset and configure give the same numbers), then
   * applies the exploding-gradient preset if it is on. Needs the probe images: the preset sets each later
   * layer's biases from the mean activation over them.
   */
  function initialiseWeights(m: Model, probe: Samples): void {
    m.rng = createRng(m.config.seed);
    m.net.initialize(m.config.init, m.rng);
    if (m.config.exploding) applyExplodingPreset(m.net, probe);
    restartCounters(m);
  }

  /** Everything that waits for the probe images: the probe itself, the weights, the first snapshot. */
  function prepare(m: Model): void {
    const probe = probeSet;
    if (probe === null) return;
    m.probe = new GradientProbe(m.net, probe);
    if (m.config.mode === 'learning-speed') {
      m.order = new Uint32Array(probe.count);
      for (let i = 0; i < probe.count; i++) m.order[i] = i;
    }
    initialiseWeights(m, probe);
    m.ready = true;
    postSnapshot(m);
  }

  // ---- snapshots -----------------------------------------------------------------------------------------

  /**
   * Eq. 124's factor norms for a snapshot, copied out of LayerFactorNorms' own buffer so the copy can be
   * transferred.
   */
  function measureFactorNorms(m: Model, result: ProbeResult): Float64Array {
    return m.factors.compute(result.meanActivationPrime).slice();
  }

  function meanPerLayer(perNeuron: readonly Float32Array[]): Float64Array {
    const out = new Float64Array(perNeuron.length);
    for (let h = 0; h < perNeuron.length; h++) {
      const layer = perNeuron[h];
      let sum = 0;
      for (let j = 0; j < layer.length; j++) sum += layer[j];
      out[h] = layer.length > 0 ? sum / layer.length : 0;
    }
    return out;
  }

  /** Names the first non-finite quantity of a probe result, or returns null when all are finite. */
  function findNonFinite(result: ProbeResult, factorNorms: Float64Array, meanPrime: Float64Array): string | null {
    for (let h = 0; h < result.layerNorms.length; h++) {
      const v = result.layerNorms[h];
      if (!Number.isFinite(v)) return `the gradient of hidden layer ${h + 1}, ‖δ${superscript(h + 1)}‖, became ${describeNonFinite(v)}`;
    }
    for (let i = 0; i < result.gradB.length; i++) {
      const v = result.gradB[i];
      if (!Number.isFinite(v)) return `the gradient ∂C/∂b became ${describeNonFinite(v)}`;
    }
    if (!allFinite(meanPrime)) return 'the hidden activations became NaN (not a number)';
    for (let h = 0; h < factorNorms.length; h++) {
      const v = factorNorms[h];
      if (!Number.isFinite(v)) return `the weights feeding hidden layer ${h + 2} became ${describeNonFinite(v)}`;
    }
    return null;
  }

  /**
   * Probes the network and posts a snapshot made of fresh copies, transferred (the probe's and eq. 124's
   * buffers are reused by the next probe). Returns false, after posting 'diverged', if anything is not finite:
   * a snapshot never carries NaN.
   */
  function postSnapshot(m: Model): boolean {
    if (m.probe === null) return false;
    const result = m.probe.run();
    const meanPrime = meanPerLayer(result.meanActivationPrime);
    const factorNorms = measureFactorNorms(m, result);
    const bad = findNonFinite(result, factorNorms, meanPrime);
    if (bad !== null) {
      diverge(m, bad);
      return false;
    }
    const t = scheduler.now();
    const elapsed = t - intervalMark;
    const examplesPerSecond = m.status === 'running' && intervalExamples > 0 && elapsed > 0 ? (intervalExamples * 1000) / elapsed : 0;
    const msg: Snapshot = {
      type: 'snapshot',
      runId,
      epoch: m.epoch,
      batch: m.batch,
      batchesPerEpoch: batchesPerEpoch(m),
      gradB: result.gradB.slice(),
      hiddenOffsets: result.hiddenOffsets.slice(),
      layerNorms: result.layerNorms.slice(),
      meanActivationPrime: meanPrime,
      factorNorms,
      examplesPerSecond,
    };
    post(msg, [msg.gradB.buffer, msg.layerNorms.buffer, msg.meanActivationPrime.buffer, msg.factorNorms.buffer]);
    intervalMark = t;
    intervalExamples = 0;
    return true;
  }

  function batchesPerEpoch(m: Model): number {
    if (m.config.mode === 'learning-speed') return 1;
    const n = split !== null ? split.training.count : 50_000;
    return Math.ceil(n / m.config.batchSize);
  }

  // ---- divergence and the end --------------------------------------------------------------------------

  /** Where training is, in words that match the 'diverged' message's epoch and batch fields. */
  function position(m: Model): string {
    if (m.config.mode === 'learning-speed') return `after ${plural(m.epoch, 'epoch', 'epochs')} of full-batch gradient descent`;
    if (m.batch === 0) return m.epoch === 0 ? 'before any training' : `at the end of epoch ${m.epoch}`;
    return `${plural(m.batch, 'mini-batch', 'mini-batches')} into epoch ${m.epoch + 1}`;
  }

  function diverge(m: Model, what: string): void {
    stopLoop();
    pending = null;
    const { eta, exploding } = m.config;
    const preset = exploding ? ' with the exploding-gradient preset' : '';
    const reason = `${what} ${position(m)}: η = ${eta} is too large for this network${preset}. Lower η and reset.`;
    m.status = 'diverged';
    post({ type: 'diverged', runId, epoch: m.epoch, batch: m.batch, reason });
    postStatus(m);
  }

  function finish(m: Model): void {
    stopLoop();
    m.status = 'finished';
    postStatus(m);
  }

  // ---- the loop ------------------------------------------------------------------------------------------

  function stopLoop(): void {
    loopToken++;
    stepping = false;
  }

  function resetPace(): void {
    paceOrigin = scheduler.now();
    paceWork = 0;
  }

  /** How long to wait before more work keeps to the pace set by the speed control (0 = go on). */
  function paceDelay(m: Model, t: number): number {
    const rate = paceFor(m.config.mode, m.config.speed);
    if (!Number.isFinite(rate)) return 0;
    const due = paceOrigin + (paceWork * 1000) / rate;
    // Far behind (a long epoch, a busy machine): start counting afresh rather than rush to catch up.
    if (t - due > 250) {
      resetPace();
      return 0;
    }
    return due - t;
  }

  /** The shortest wait worth a timer; shorter debts are paid by the next longer one. */
  const MIN_WAIT_MS = 5;

  function runLoop(m: Model, step: boolean): void {
    stopLoop();
    stepping = step;
    m.status = 'running';
    postStatus(m);
    resetPace();
    intervalMark = scheduler.now();
    intervalExamples = 0;
    const token = loopToken;
    scheduler.schedule(() => chunk(m, token), 0);
  }

  function chunk(m: Model, token: number): void {
    if (token !== loopToken || m !== model) return;
    const start = scheduler.now();
    try {
      for (;;) {
        const unit = m.config.mode === 'learning-speed' ? trainEpoch(m) : trainBatch(m);
        if (unit === 'stop') return;
        if (unit === 'interval' && stepping) {
          stopLoop();
          m.status = 'paused';
          postStatus(m);
          return;
        }
        const t = scheduler.now();
        const wait = stepping ? 0 : paceDelay(m, t);
        if (wait >= MIN_WAIT_MS) {
          scheduler.schedule(() => chunk(m, token), wait);
          return;
        }
        if (t - start >= CHUNK_MS) {
          scheduler.schedule(() => chunk(m, token), 0);
          return;
        }
      }
    } catch (err) {
      stopLoop();
      m.status = 'paused';
      postError(`training stopped: ${errorText(err)}`, false);
      postStatus(m);
    }
  }

  /** Learning-speed mode (figs. 5-7): one full-batch gradient-descent step on the probe images = one epoch. */
  function trainEpoch(m: Model): Unit {
    const samples = probeSet;
    if (samples === null || m.order === null) throw new Error('the probe images are not loaded');
    const { eta, lambda, momentum } = m.config;
    const cost = m.trainer.step(samples, m.order, 0, samples.count, { eta, lambda, trainingSize: samples.count, momentum });
    m.epoch++;
    paceWork += 1;
    intervalExamples += samples.count;
    if (!Number.isFinite(cost)) {
      diverge(m, `the cost became ${describeNonFinite(cost)}`);
      return 'stop';
    }
    if (!postSnapshot(m)) return 'stop';
    post({ type: 'epoch-end', runId, epoch: m.epoch, validationAccuracy: null, cost });
    if (m.epoch >= m.config.epochs) {
      finish(m);
      return 'stop';
    }
    return 'interval';
  }

  /** SGD mode (the opening table): one mini-batch; probes at the end of each interval and of each epoch. */
  function trainBatch(m: Model): Unit {
    if (split === null) throw new Error('the training images are not loaded');
    if (m.validated >= 0) return validate(m, split.validation);
    const training = split.training;
    const { batchSize, eta, lambda, momentum } = m.config;
    const perEpoch = Math.ceil(training.count / batchSize);
    if (m.order === null || m.order.length !== training.count) {
      m.order = new Uint32Array(training.count);
      for (let i = 0; i < training.count; i++) m.order[i] = i;
    }
    if (m.shuffledFor !== m.epoch) {
      shuffle(m.order, m.rng); // network2.py: random.shuffle(training_data) at the start of every epoch
      m.shuffledFor = m.epoch;
      m.epochCost = 0;
      m.epochExamples = 0;
    }
    if (m.intervalEnd <= m.batch) {
      const every = m.config.probeEvery ?? sgdProbeInterval(batchSize, m.probe?.count ?? PROBE_COUNT, m.config.speed);
      m.intervalEnd = Math.min(perEpoch, m.batch + every);
    }
    const offset = m.batch * batchSize;
    const size = Math.min(batchSize, training.count - offset);
    const cost = m.trainer.step(training, m.order, offset, size, { eta, lambda, trainingSize: training.count, momentum });
    m.batch++;
    paceWork += size;
    intervalExamples += size;
    if (!Number.isFinite(cost)) {
      diverge(m, `the cost became ${describeNonFinite(cost)}`);
      return 'stop';
    }
    m.epochCost += cost * size;
    m.epochExamples += size;

    if (m.batch >= perEpoch) {
      m.epoch++;
      m.batch = 0;
      m.intervalEnd = 0;
      if (!postSnapshot(m)) return 'stop';
      // The bars go out at once; the validation accuracy follows a slice at a time (validate()).
      m.validated = split.validation.count > 0 ? 0 : -1;
      m.validCorrect = 0;
      return m.validated === 0 ? 'more' : endEpoch(m, null);
    }
    if (m.batch >= m.intervalEnd) {
      m.intervalEnd = 0;
      return postSnapshot(m) ? 'interval' : 'stop';
    }
    return 'more';
  }

  /** Evaluates the next slice of the validation images; posts 'epoch-end' after the last one. */
  function validate(m: Model, validation: Samples): Unit {
    const start = m.validated;
    const count = Math.min(VALIDATION_SLICE, validation.count - start);
    const slice: Samples = {
      inputs: validation.inputs.subarray(start * validation.inputSize, (start + count) * validation.inputSize),
      labels: validation.labels.subarray(start, start + count),
      inputSize: validation.inputSize,
      count,
    };
    m.validCorrect += Math.round(evaluate(m.net, slice).accuracy * count);
    m.validated = start + count;
    if (m.validated < validation.count) return 'more';
    m.validated = -1;
    return endEpoch(m, m.validCorrect / validation.count);
  }

  function endEpoch(m: Model, validationAccuracy: number | null): Unit {
    const cost = m.epochExamples > 0 ? m.epochCost / m.epochExamples : 0;
    post({ type: 'epoch-end', runId, epoch: m.epoch, validationAccuracy, cost });
    if (m.epoch >= m.config.epochs) {
      finish(m);
      return 'stop';
    }
    return 'interval';
  }

  // ---- commands ------------------------------------------------------------------------------------------

  function configure(id: number, raw: RunConfig): void {
    let next: Model;
    try {
      next = buildModel(checkConfig(raw));
    } catch (err) {
      // A refused configuration changes nothing: the previous network, run and loop carry on.
      postError(`configuration refused: ${errorText(err)}`, false, id);
      return;
    }
    stopLoop();
    pending = null;
    runId = id;
    model = next;
    postStatus(next);
    ensureData(); // after a failed download, a new configure is the retry
    if (probeSet !== null && !next.ready) prepare(next); // the loader may have delivered it synchronously
  }

  /** Start and step share this: both need the data for the mode and a run that can still go on. */
  function launch(m: Model, step: boolean): void {
    if (m.status === 'diverged' || m.status === 'finished') {
      postStatus(m); // nothing to do until a reset or a new configuration
      return;
    }
    if (!hasDataFor(m)) {
      stopLoop();
      pending = step ? 'step' : 'start';
      m.status = 'running';
      postStatus(m, true);
      ensureData();
      return;
    }
    runLoop(m, step);
  }

  function pause(m: Model): void {
    stopLoop();
    pending = null;
    if (m.status === 'running') m.status = 'paused';
    postStatus(m);
  }

  function reset(m: Model): void {
    stopLoop();
    pending = null;
    m.status = 'idle';
    postStatus(m);
    if (m.ready && probeSet !== null) {
      initialiseWeights(m, probeSet);
      postSnapshot(m);
    }
  }

  /**
   * Exploding preset on: applied to the current weights, as the chapter builds it on top of a network.
   * Off: the preset cannot be undone layer by layer, so the network is re-initialised from the seed, which
   * gives exactly the weights a configuration without the preset starts from.
   * Either way the counters restart at epoch 0 (a new curve) and a running loop keeps running.
   */
  function setPreset(m: Model, exploding: boolean): void {
    if (m.config.exploding === exploding) return;
    m.config.exploding = exploding;
    if (!m.ready || probeSet === null) return; // prepare() will honour the new setting
    const wasRunning = m.status === 'running' && pending === null;
    stopLoop();
    if (exploding) {
      applyExplodingPreset(m.net, probeSet);
      restartCounters(m);
    } else {
      initialiseWeights(m, probeSet);
    }
    if (m.status !== 'running') m.status = 'idle';
    if (m.status === 'idle') postStatus(m);
    if (!postSnapshot(m)) return;
    if (wasRunning) runLoop(m, false);
  }

  function setSpeed(m: Model, raw: unknown): void {
    let speed: number;
    try {
      speed = checkSpeed(raw);
    } catch (err) {
      postError(errorText(err), false);
      return;
    }
    m.config.speed = speed;
    resetPace();
    // A slow pace may have a long wait queued; restart the loop so the new pace applies at once.
    if (m.status === 'running' && pending === null && !stepping) {
      loopToken++;
      const token = loopToken;
      scheduler.schedule(() => chunk(m, token), 0);
    }
  }

  function needModel(what: string): Model | null {
    if (model === null) postError(`cannot ${what} yet: no network has been configured`, false);
    return model;
  }

  function dispatch(msg: ToWorker): void {
    // Commands arrive in the order the page sent them, so the newest runId is the page's current run.
    // An older one (other than a configure, which always names the run it starts) can only come from a
    // confused sender; it is ignored rather than allowed to act.
    if (msg.type !== 'configure') {
      if (msg.runId < runId) return;
      runId = msg.runId;
    }
    let m: Model | null;
    switch (msg.type) {
      case 'configure':
        configure(msg.runId, msg.config);
        return;
      case 'start':
        if ((m = needModel('start'))) launch(m, false);
        return;
      case 'step':
        if ((m = needModel('step'))) launch(m, true);
        return;
      case 'pause':
        if ((m = needModel('pause'))) pause(m);
        return;
      case 'reset':
        if ((m = needModel('reset'))) reset(m);
        return;
      case 'set-preset':
        if ((m = needModel('change the preset'))) setPreset(m, msg.exploding);
        return;
      case 'set-speed':
        if ((m = needModel('change the speed'))) setSpeed(m, msg.speed);
        return;
      default: {
        const unreachable: never = msg;
        postError(`unknown command ${show((unreachable as { type?: unknown }).type)}`, false);
      }
    }
  }

  /** Runs `fn`, turning any exception into an 'error' message: the page never sees a stack trace. */
  function guarded(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      stopLoop();
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
      // The type system cannot vouch for what arrives through postMessage.
      const raw = msg as unknown as { type?: unknown; runId?: unknown } | null;
      if (typeof raw !== 'object' || raw === null || typeof raw.type !== 'string' || !Number.isInteger(raw.runId)) {
        postError(`a command must be an object with a type and a whole-number runId, got ${show(raw)}`, false);
        return;
      }
      guarded(() => dispatch(msg));
    },
  };
}
