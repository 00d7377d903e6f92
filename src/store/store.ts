/**
 * The page's one store. The core is framework-free (zustand/vanilla) so tests drive it with a fake
 * worker client and no DOM; React reads it through the hooks in hooks.ts.
 *
 * Every configuration that builds a new network gets a new runId. Messages carry the runId they belong
 * to, and anything from an older run is dropped, so a snapshot still in flight from the previous
 * architecture can never be drawn on top of the new one.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_CONFIG, epochsFor, type RunConfig } from '../config';
import type { DivergenceCause, EngineMessage, ErrorCause, FromWorker, RunStatus, Snapshot, ToWorker } from '../worker/protocol';
import { NO_RUN } from '../worker/protocol';
import { SEED_COUNT } from '../worker/seeds';
import type { ClientEvent, TrainerClient, WorkerFault } from '../worker/client';
import { checkQueryKeys } from './queryKeys';
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_WIDTH, NEW_LAYER_WIDTH, describeDifference, needsReinitialise, parseQuery } from './config';
import { DEFAULT_VIEW, parseViewQuery, type ViewSettings } from './view';
import type { BarScaleMode } from './view';
import { parsePresentation } from './presentation';
import { parseLang, type Lang } from '../i18n/lang';
import { parseLessonQuery } from '../lesson/query';
import { LESSON_STEP_COUNT } from '../lesson/steps';
import { createNetworkRequests, type NetworkCopy } from './networkRequests';
import { localText, type Phrase } from '../i18n/text';
import { t } from '../i18n/catalogue';
import {
  activationPoint,
  appendNormPoint,
  appendOrdered,
  DEFAULT_SERIES_LIMIT,
  type AccuracyPoint,
  type ActivationPoint,
  type NormPoint,
} from './series';

export type { ClientEvent, TrainerClient, WorkerFault };

export interface LoadingState {
  stage: 'probe' | 'train' | 'test';
  loadedBytes: number;
  totalBytes: number;
}

export interface Divergence {
  epoch: number;
  batch: number;
  /** The worker's reason in English, shown as it is when the message carries no cause. */
  reason: string;
  /** The same as data, said in the page's language. */
  cause?: DivergenceCause;
}

/** A finished or paused run kept for comparison: its curves and the configuration that produced them. */
export interface PinnedRun {
  id: number;
  config: RunConfig;
  norms: NormPoint[];
  accuracy: AccuracyPoint[];
  hidden: boolean;
}

const RETRY_NOTICE = localText('retrying');

/** At least four runs can be compared; more would make the chart unreadable when projected. */
export const MAX_PINNED = 6;

export interface LabData {
  config: RunConfig;
  /** Sentences about URL parameters that were ignored, shown until dismissed. */
  urlNotices: Phrase[];
  /**
   * The latest thing the page did on the user's behalf, e.g. "Network re-initialised with seed 1": a key of
   * the catalogue's notices with its parameters, so it is said in whichever language is on screen.
   */
  notice: Phrase | null;
  runId: number;
  status: RunStatus;
  /** A start or step was accepted but waits for the images it needs. */
  waitingForData: boolean;
  /** Latest probe of the current run; null until the first one arrives. */
  snapshot: Snapshot | null;
  /** ‖δˡ‖ per probe point of the current run (figs. 5-7). */
  norms: NormPoint[];
  /** Each hidden layer's activation statistics per probe point of the current run (Glorot & Bengio's fig. 2). */
  activations: ActivationPoint[];
  /** Validation accuracy after each epoch of the current run (SGD mode). */
  accuracy: AccuracyPoint[];
  lastCost: number | null;
  /** How far a long learning-speed epoch has got (the worker says so once it takes over a second); null between epochs. */
  epochProgress: { epoch: number; done: number; total: number } | null;
  loading: LoadingState | null;
  /** How much of MNIST the worker holds: 'probe' is enough to draw bars, 'all' to train. */
  dataReady: 'none' | 'probe' | 'all';
  /** `cause`, when the worker sent one, is worded in the page's language; `message` is its English. */
  error: { message: string; retryable: boolean; cause?: ErrorCause } | null;
  /**
   * The training worker has stopped (failed, closed, ended or stuck). It stands, whatever settings change,
   * until the worker answers again or Restart replaces it: no run can go on meanwhile.
   */
  workerFault: WorkerFault | null;
  /**
   * True while the current weights are exactly what the configuration gives from its seed plus the epochs
   * trained since: then a restarted worker can train its way back to the same network (learning-speed mode).
   * A preset switched on after training started breaks this.
   */
  replayable: boolean;
  divergence: Divergence | null;
  pinned: PinnedRun[];
  /** How the page shows the run (mirrored in the URL, never rebuilds the network). */
  view: ViewSettings;
  /** Bound of the series above; a parameter so tests can use a small one. */
  seriesLimit: number;
  /** Projector view: only the bars, the learning-speed chart and the controls a teacher needs. */
  presenting: boolean;
  /** The language of everything the page shows or says; switching it never touches the run. */
  lang: Lang;
  /** The open step of the lesson (from 1), or null when the lesson is closed; closing it leaves the lab as it is. */
  lesson: number | null;
  /** ‖δˡ‖ at initialisation over other seeds of the run's network (norms[s][h−1], seed firstSeed + s); null until asked. */
  seedNorms: { runId: number; firstSeed: number; norms: number[][] } | null;
  /** Which kernels the worker trains with, once it has said (null before). */
  engine: Omit<EngineMessage, 'type' | 'runId'> | null;
}

export interface LabActions {
  /** Starts listening to the worker and configures the first run. Calling it again does nothing. */
  connect(): void;
  disconnect(): void;
  receive(msg: ClientEvent): void;
  /** Replaces a stopped worker with a fresh one, configured as before, and says how far it trains back. */
  restartWorker(): void;
  updateConfig(patch: Partial<RunConfig>): void;
  start(): void;
  pause(): void;
  /** `count` epochs in learning-speed mode, `count` probe intervals in SGD mode (1 when left out). */
  step(count?: number): void;
  reset(): void;
  setExploding(on: boolean): void;
  setSpeed(speed: number): void;
  /** Plans a pause once `epoch` epochs are complete; null removes the plan. */
  setPauseAt(epoch: number | null): void;
  addHiddenLayer(): void;
  /** h counts hidden layers from 1 at the input side, like the book. */
  removeHiddenLayer(h: number): void;
  setHiddenWidth(h: number, width: number): void;
  /** Reconfigures after a data error, which makes the worker load the data again. */
  retry(): void;
  pinRun(): void;
  togglePinned(id: number): void;
  removePinned(id: number): void;
  removeAllPinned(): void;
  /** Puts back runs pinned in an earlier visit; `notice` says what could not be restored, if anything. */
  restorePinned(runs: PinnedRun[], notice: Phrase | null): void;
  setBarScale(mode: BarScaleMode): void;
  dismissUrlNotices(): void;
  setPresenting(on: boolean): void;
  setLang(lang: Lang): void;
  /** Opens the lesson at a step (from 1) or closes it (null). Only the step changes: src/lesson sets the lab up. */
  setLesson(step: number | null): void;
  /** Asks the worker for ‖δˡ‖ at initialisation over SEED_COUNT seeds from the run's own. */
  measureSeeds(): void;
  /** A copy of the current weights and biases, read out of the worker. */
  readNetwork(): Promise<NetworkCopy>;
  /** Builds a network of the copy's sizes (sigmoid, no cures) and puts its weights in place of the seed's. */
  loadNetwork(network: NetworkCopy, notice: Phrase): void;
  /** Takes a workspace's configuration and replaces the pinned runs with its own. */
  loadWorkspace(config: RunConfig, pinned: PinnedRun[], notice: Phrase): void;
}

export type LabState = LabData & LabActions;
export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  client: TrainerClient;
  /** A query string to read the configuration from ("?layers=784,30,10"). */
  search?: string;
  seriesLimit?: number;
  /** The language when the query string names none (the browser's preference, or a remembered choice). */
  defaultLang?: Lang;
}

/** Everything a fresh run starts with, apart from the configuration and the data state. */
function freshRun(): Pick<
  LabData,
  'status' | 'waitingForData' | 'snapshot' | 'norms' | 'activations' | 'accuracy' | 'lastCost' | 'epochProgress' | 'divergence'
> {
  return {
    status: 'idle',
    waitingForData: false,
    snapshot: null,
    norms: [],
    activations: [],
    accuracy: [],
    lastCost: null,
    epochProgress: null,
    divergence: null,
  };
}

/** Data-set messages describe the worker's copy of MNIST, not a run, so they are accepted from any runId. */
function isDataMessage(msg: FromWorker): boolean {
  return msg.type === 'loading' || msg.type === 'ready' || msg.type === 'engine';
}

/**
 * Applies one worker message to the data part of the state. Pure: returns the fields that change,
 * or null when the message is dropped (stale runId).
 */
export function reduceMessage(state: LabData, msg: FromWorker): Partial<LabData> | null {
  const current = msg.runId === state.runId;
  const dataErrorBeforeRun = msg.type === 'error' && msg.runId === NO_RUN;
  if (!current && !isDataMessage(msg) && !dataErrorBeforeRun) return null;
  switch (msg.type) {
    case 'loading':
      return { loading: { stage: msg.stage, loadedBytes: msg.loadedBytes, totalBytes: msg.totalBytes } };
    case 'ready':
      return {
        ...(msg.stage === 'all'
          ? { dataReady: 'all', loading: null, waitingForData: false }
          : { dataReady: state.dataReady === 'all' ? 'all' : 'probe' }),
        error: null,
        notice: state.notice === RETRY_NOTICE ? null : state.notice,
      };
    case 'snapshot': {
      const x = msg.batchesPerEpoch > 0 ? msg.epoch + msg.batch / msg.batchesPerEpoch : msg.epoch;
      const norms = Array.from(msg.layerNorms);
      return {
        snapshot: msg,
        epochProgress: null,
        norms: appendNormPoint(state.norms, { x, norms }, state.seriesLimit),
        activations: appendOrdered(state.activations, activationPoint(x, msg), (p) => p.x, state.seriesLimit),
      };
    }
    case 'epoch-end': {
      const patch: Partial<LabData> = { lastCost: msg.cost };
      if (msg.validationAccuracy !== null) {
        patch.accuracy = appendOrdered(
          state.accuracy,
          { epoch: msg.epoch, accuracy: msg.validationAccuracy },
          (a) => a.epoch,
          state.seriesLimit,
        );
      }
      return patch;
    }
    case 'status':
      return {
        status: msg.status,
        waitingForData: msg.waitingForData === true,
        // Waiting for data means the worker is loading it again: a download error no longer stands.
        ...(msg.waitingForData === true && state.error?.retryable ? { error: null } : {}),
        // The worker stopped by itself: say that it was asked to, so nobody wonders whether it hung.
        ...(msg.reason === 'pause-at' ? { notice: localText('pausedAt', msg.epoch) } : {}),
      };
    case 'progress':
      return { epochProgress: { epoch: msg.epoch, done: msg.done, total: msg.total } };
    case 'diverged':
      return {
        status: 'diverged',
        divergence: { epoch: msg.epoch, batch: msg.batch, reason: msg.reason, ...(msg.cause ? { cause: msg.cause } : {}) },
      };
    case 'error':
      return {
        error: { message: msg.message, retryable: msg.retryable, ...(msg.cause ? { cause: msg.cause } : {}) },
        // A failed download ends the wait for it: the page must not go on saying "Training" beside the error.
        ...(msg.retryable && state.waitingForData ? { waitingForData: false, status: stoppedBeforeData(state) } : {}),
      };
    case 'seed-norms':
      return { seedNorms: { runId: msg.runId, firstSeed: msg.firstSeed, norms: msg.norms } };
    case 'network':
    case 'network-refused':
      return null; // an answer to readNetwork(), settled in receive()
    case 'engine':
      return { engine: { kernels: msg.kernels, webAssemblyBlocked: msg.webAssemblyBlocked } };
    case 'pong':
      return null;
    default: {
      const unreachable: never = msg;
      return unreachable;
    }
  }
}

/** What a run that was waiting for data is once the data cannot come: idle before any training, else paused. */
function stoppedBeforeData(state: LabData): RunStatus {
  if (state.status !== 'running') return state.status;
  return state.snapshot === null || (state.snapshot.epoch === 0 && state.snapshot.batch === 0) ? 'idle' : 'paused';
}

/** Whether the worker holds the images a run of `mode` trains on. */
function hasDataFor(mode: RunConfig['mode'], dataReady: LabData['dataReady']): boolean {
  return mode === 'learning-speed' ? dataReady !== 'none' : dataReady === 'all';
}

/**
 * What the status line says the run is doing. A stopped worker overrides everything the worker said last:
 * its last word may well have been "running".
 */
export function shownStatus(state: Pick<LabData, 'status' | 'workerFault'>): RunStatus | 'worker-stopped' {
  return state.workerFault !== null ? 'worker-stopped' : state.status;
}

function hiddenOf(layers: readonly number[]): number[] {
  return layers.slice(1, -1);
}

function withHidden(layers: readonly number[], hidden: readonly number[]): number[] {
  return [layers[0], ...hidden, layers[layers.length - 1]];
}

/**
 * The notices about the address, each said in the language on screen: the address never changes while
 * they are shown, so the n-th notice in a language is the n-th one that reading it in that language gives.
 */
function urlNoticePhrases(search: string | undefined): Phrase[] {
  if (search === undefined) return [];
  const all = (lang: Lang): string[] => {
    const lesson = parseLessonQuery(search, lang).notice;
    return [
      ...parseQuery(search, lang).notices,
      ...parseViewQuery(search, lang).notices,
      ...(lesson === null ? [] : [lesson]),
      ...checkQueryKeys(search, lang),
    ];
  };
  return all('en').map((_, i) => (lang: Lang) => all(lang)[i]);
}

export function createLabStore(options: LabStoreOptions): LabStore {
  const { client } = options;
  const parsed =
    options.search !== undefined
      ? parseQuery(options.search)
      : { config: { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers] }, notices: [] };
  const parsedView = options.search !== undefined ? parseViewQuery(options.search) : { view: { ...DEFAULT_VIEW }, notices: [] };
  const lang = parseLang(options.search ?? '') ?? options.defaultLang ?? 'en';
  const parsedLesson = parseLessonQuery(options.search ?? '', lang);
  let unsubscribe: (() => void) | null = null;
  let nextPinId = 1;
  const networkRequests = createNetworkRequests();

  return createStore<LabState>()((set, get) => {
    const send = (msg: ToWorker) => client.send(msg);

    /** Builds a new network from `config` under a new runId and says so. */
    const configure = (config: RunConfig, notice: Phrase | null) => {
      const runId = get().runId + 1;
      set({ ...freshRun(), config, runId, notice, error: null, replayable: true });
      send({ type: 'configure', runId, config });
    };

    /** `what` says what changed, in the language on screen when the notice is read. */
    const reinitialise = (config: RunConfig, what: ((lang: Lang) => string) | null) => {
      configure(
        config,
        what === null ? localText('reinitialised', config.seed) : (lang) => t(lang).notices.reinitialisedBecause(config.seed, what(lang)),
      );
    };

    return {
      config: parsed.config,
      urlNotices: urlNoticePhrases(options.search),
      notice: null,
      runId: NO_RUN,
      ...freshRun(),
      loading: null,
      dataReady: 'none',
      error: null,
      workerFault: null,
      replayable: true,
      pinned: [],
      view: parsedView.view,
      seriesLimit: options.seriesLimit ?? DEFAULT_SERIES_LIMIT,
      presenting: parsePresentation(options.search ?? ''),
      lang,
      lesson: parsedLesson.step,
      seedNorms: null,
      engine: null,

      connect() {
        if (unsubscribe) return;
        unsubscribe = client.subscribe((msg) => get().receive(msg));
        configure(get().config, null);
      },
      disconnect() {
        unsubscribe?.();
        unsubscribe = null;
      },
      receive(msg) {
        if (msg.type === 'network' || msg.type === 'network-refused') networkRequests.settle(msg);
        if (msg.type === 'worker-fault') {
          // A worker that failed was ended: requests it had not answered never will be.
          if (msg.fault.kind === 'failed') networkRequests.abandonAll();
          // A failure outranks a silence: once the worker failed, a late answer does not revive it.
          if (get().workerFault?.kind !== 'failed') set({ workerFault: msg.fault });
          return;
        }
        if (msg.type === 'worker-responding') {
          if (get().workerFault?.kind === 'unresponsive') set({ workerFault: null });
          return;
        }
        const patch = reduceMessage(get(), msg);
        if (patch) set(patch);
      },
      restartWorker() {
        const { config, snapshot, replayable } = get();
        const epoch = snapshot?.epoch ?? 0;
        const replay = replayable && config.mode === 'learning-speed' && epoch > 0 && get().divergence === null;
        client.restart();
        networkRequests.abandonAll(); // the old worker took their answers with it
        // The new worker loads MNIST afresh and reports it; until then nothing is known to be there.
        set({ workerFault: null, loading: null, dataReady: 'none' });
        configure(config, replay ? localText('restartedReplay', config.seed, epoch) : localText('restartedFresh', config.seed));
        // In learning-speed mode an epoch is one full-batch step from the seed's weights: stepping the same
        // number of epochs rebuilds the very network the stopped worker had (steps ignore the pace).
        if (replay) send({ type: 'step', runId: get().runId, count: epoch });
      },
      updateConfig(patch) {
        const before = get().config;
        const after: RunConfig = { ...before, ...patch };
        if (patch.layers) after.layers = [...patch.layers];
        if (patch.mode && patch.mode !== before.mode) after.epochs = epochsFor(patch.mode);
        // 30 SGD epochs cannot reach a pause planned for epoch 200 of learning-speed mode; drop the plan.
        if (after.pauseAt !== undefined && after.pauseAt > after.epochs) delete after.pauseAt;
        if (needsReinitialise(before, after)) {
          reinitialise(after, describeChange(before, after));
        } else {
          if (after.exploding !== before.exploding) get().setExploding(after.exploding);
          if (after.speed !== before.speed) get().setSpeed(after.speed);
          if (after.pauseAt !== before.pauseAt) get().setPauseAt(after.pauseAt ?? null);
        }
      },
      start() {
        const { runId, status, workerFault, error, config, dataReady } = get();
        // A stopped worker trains nothing: claiming "Training" would be the frozen page all over again.
        if (workerFault !== null) return;
        send({ type: 'start', runId });
        if (status === 'diverged' || status === 'finished') return;
        // Without its data the start makes the worker load it again, so the old download error no longer stands.
        const retrying = error?.retryable === true && !hasDataFor(config.mode, dataReady);
        set(retrying ? { status: 'running', error: null, notice: RETRY_NOTICE } : { status: 'running' });
      },
      pause() {
        const { runId, status } = get();
        send({ type: 'pause', runId });
        if (status === 'running') set({ status: 'paused' });
      },
      step(count = 1) {
        if (get().workerFault !== null) return;
        send({ type: 'step', runId: get().runId, count });
      },
      reset() {
        // A new runId, so a probe the worker had in flight for the old weights cannot land in the fresh series.
        const { config } = get();
        const runId = get().runId + 1;
        set({ ...freshRun(), runId, replayable: true, notice: localText('reinitialised', config.seed) });
        send({ type: 'reset', runId });
      },
      setExploding(on) {
        const { config, status, snapshot, replayable } = get();
        if (config.exploding === on) return;
        // The worker starts a diverged network afresh from the seed (its weights are NaN), and so does "off".
        const fresh = status === 'diverged' || !on;
        const untrained = snapshot === null || (snapshot.epoch === 0 && snapshot.batch === 0);
        // New weights, new runId: snapshots of the network before the switch are dropped, not drawn.
        const runId = get().runId + 1;
        // The preset rewrites the weights in place, so the curves so far belong to a different network.
        set({
          runId,
          config: { ...config, exploding: on },
          snapshot: null,
          norms: [],
          activations: [],
          accuracy: [],
          divergence: null,
          replayable: fresh || (replayable && untrained),
          ...(status === 'diverged' ? { status: 'idle' as const } : {}),
          notice:
            on && status === 'diverged'
              ? localText('presetAfterDivergence', config.seed)
              : on
                ? localText('explodingOn')
                : localText('explodingOff', config.seed),
        });
        send({ type: 'set-preset', runId, exploding: on });
      },
      setSpeed(speed) {
        const { runId, config } = get();
        set({ config: { ...config, speed } });
        send({ type: 'set-speed', runId, speed });
      },
      setPauseAt(epoch) {
        const { runId, config } = get();
        if ((config.pauseAt ?? null) === epoch) return;
        const next = { ...config };
        if (epoch === null) delete next.pauseAt;
        else next.pauseAt = epoch;
        set({ config: next });
        send({ type: 'set-pause-at', runId, pauseAt: epoch });
      },
      addHiddenLayer() {
        const { config } = get();
        const hidden = hiddenOf(config.layers);
        if (hidden.length >= MAX_HIDDEN_LAYERS) return;
        const layers = withHidden(config.layers, [...hidden, NEW_LAYER_WIDTH]);
        reinitialise({ ...config, layers }, (lang) => t(lang).notices.addedLayer(hidden.length + 1));
      },
      removeHiddenLayer(h) {
        const { config } = get();
        const hidden = hiddenOf(config.layers);
        if (hidden.length <= 1 || h < 1 || h > hidden.length) return;
        const layers = withHidden(
          config.layers,
          hidden.filter((_, i) => i !== h - 1),
        );
        reinitialise({ ...config, layers }, (lang) => t(lang).notices.removedLayer(h));
      },
      setHiddenWidth(h, width) {
        const { config } = get();
        const hidden = hiddenOf(config.layers);
        if (h < 1 || h > hidden.length || !Number.isInteger(width) || width < 1 || width > MAX_HIDDEN_WIDTH) return;
        if (hidden[h - 1] === width) return;
        const next = [...hidden];
        next[h - 1] = width;
        reinitialise({ ...config, layers: withHidden(config.layers, next) }, (lang) => t(lang).notices.layerWidth(h, width));
      },
      retry() {
        set({ error: null, loading: null });
        configure(get().config, RETRY_NOTICE);
      },
      pinRun() {
        const { pinned, config, norms, accuracy } = get();
        if (pinned.length >= MAX_PINNED || norms.length === 0 || isPinned(get())) return;
        set({
          pinned: [...pinned, { id: nextPinId++, config: { ...config, layers: [...config.layers] }, norms, accuracy, hidden: false }],
        });
      },
      togglePinned(id) {
        set({ pinned: get().pinned.map((p) => (p.id === id ? { ...p, hidden: !p.hidden } : p)) });
      },
      removePinned(id) {
        set({ pinned: get().pinned.filter((p) => p.id !== id) });
      },
      removeAllPinned() {
        set({ pinned: [] });
      },
      restorePinned(runs, notice) {
        const pinned = [...get().pinned, ...runs].slice(0, MAX_PINNED);
        // Restored runs keep their numbers, so "Pinned run 3" is still run 3 after a reload.
        nextPinId = Math.max(nextPinId, ...pinned.map((p) => p.id + 1));
        set(notice === null ? { pinned } : { pinned, notice });
      },
      setBarScale(mode) {
        if (get().view.barScale !== mode) set({ view: { ...get().view, barScale: mode } });
      },
      dismissUrlNotices() {
        set({ urlNotices: [] });
      },
      setPresenting(on) {
        if (get().presenting !== on) set({ presenting: on });
      },
      setLang(lang) {
        if (get().lang !== lang) set({ lang });
      },
      setLesson(step) {
        if (step !== null && (!Number.isInteger(step) || step < 1 || step > LESSON_STEP_COUNT)) {
          throw new Error(`the lesson has steps 1 to ${LESSON_STEP_COUNT}, not ${step}`);
        }
        if (get().lesson !== step) set({ lesson: step });
      },
      measureSeeds() {
        send({ type: 'measure-seeds', runId: get().runId, count: SEED_COUNT });
      },
      readNetwork() {
        const { requestId, answer } = networkRequests.open();
        // A failed worker is not sent anything (the client drops it), so the request fails now, not after the timeout.
        if (get().workerFault?.kind === 'failed') networkRequests.abandonAll();
        else send({ type: 'read-network', runId: get().runId, requestId });
        return answer;
      },
      loadNetwork(network, notice) {
        // network2.py's networks are sigmoid throughout, with no skips, normalisation or preset.
        const config: RunConfig = {
          ...get().config,
          layers: [...network.sizes],
          activation: 'sigmoid',
          output: 'sigmoid',
          exploding: false,
        };
        delete config.residual;
        delete config.normalisation;
        configure(config, notice);
        send({ type: 'load-network', runId: get().runId, weights: network.weights, biases: network.biases });
      },
      loadWorkspace(config, pinned, notice) {
        nextPinId = Math.max(1, ...pinned.map((p) => p.id + 1));
        set({ pinned: pinned.slice(0, MAX_PINNED) });
        configure({ ...config, layers: [...config.layers] }, notice);
      },
    };
  });
}

/**
 * True when the current curves are already pinned unchanged: a second press of "Pin this run" on a paused
 * run would only add an identical pair of lines and use up one of the pinned slots.
 */
export function isPinned(state: Pick<LabData, 'pinned' | 'norms' | 'accuracy'>): boolean {
  return state.pinned.some((p) => p.norms === state.norms && p.accuracy === state.accuracy);
}

/** A few words on what a re-initialisation changed, for the notice line. */
function describeChange(before: RunConfig, after: RunConfig): ((lang: Lang) => string) | null {
  // The seed is already named in the sentence itself.
  const same = { ...before, seed: after.seed };
  if (describeDifference(after, same) === describeDifference(same, same)) return null;
  return (lang) => describeDifference(after, same, lang);
}
