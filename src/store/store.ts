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
import type { DivergenceCause, FromWorker, RunStatus, Snapshot, ToWorker } from '../worker/protocol';
import { NO_RUN } from '../worker/protocol';
import type { TrainerClient } from '../worker/client';
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_WIDTH, NEW_LAYER_WIDTH, describeDifference, needsReinitialise, parseQuery } from './config';
import { DEFAULT_VIEW, parseViewQuery, type ViewSettings } from './view';
import type { BarScaleMode } from './view';
import { parsePresentation } from './presentation';
import { parseLang, type Lang } from '../i18n/lang';
import { localText, type Phrase } from '../i18n/text';
import { t } from '../i18n/catalogue';
import { appendNormPoint, appendOrdered, DEFAULT_SERIES_LIMIT, type AccuracyPoint, type NormPoint } from './series';

export type { TrainerClient };

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
  urlNotices: string[];
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
  /** Validation accuracy after each epoch of the current run (SGD mode). */
  accuracy: AccuracyPoint[];
  lastCost: number | null;
  loading: LoadingState | null;
  /** How much of MNIST the worker holds: 'probe' is enough to draw bars, 'all' to train. */
  dataReady: 'none' | 'probe' | 'all';
  error: { message: string; retryable: boolean } | null;
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
}

export interface LabActions {
  /** Starts listening to the worker and configures the first run. Calling it again does nothing. */
  connect(): void;
  disconnect(): void;
  receive(msg: FromWorker): void;
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
function freshRun(): Pick<LabData, 'status' | 'waitingForData' | 'snapshot' | 'norms' | 'accuracy' | 'lastCost' | 'divergence'> {
  return { status: 'idle', waitingForData: false, snapshot: null, norms: [], accuracy: [], lastCost: null, divergence: null };
}

/** Data-set messages describe the worker's copy of MNIST, not a run, so they are accepted from any runId. */
function isDataMessage(msg: FromWorker): boolean {
  return msg.type === 'loading' || msg.type === 'ready';
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
      return { snapshot: msg, norms: appendNormPoint(state.norms, { x, norms }, state.seriesLimit) };
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
        // The worker stopped by itself: say that it was asked to, so nobody wonders whether it hung.
        ...(msg.reason === 'pause-at' ? { notice: localText('pausedAt', msg.epoch) } : {}),
      };
    case 'diverged':
      return {
        status: 'diverged',
        divergence: { epoch: msg.epoch, batch: msg.batch, reason: msg.reason, ...(msg.cause ? { cause: msg.cause } : {}) },
      };
    case 'error':
      return { error: { message: msg.message, retryable: msg.retryable } };
    default: {
      const unreachable: never = msg;
      return unreachable;
    }
  }
}

function hiddenOf(layers: readonly number[]): number[] {
  return layers.slice(1, -1);
}

function withHidden(layers: readonly number[], hidden: readonly number[]): number[] {
  return [layers[0], ...hidden, layers[layers.length - 1]];
}

export function createLabStore(options: LabStoreOptions): LabStore {
  const { client } = options;
  const parsed =
    options.search !== undefined
      ? parseQuery(options.search)
      : { config: { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers] }, notices: [] };
  const parsedView = options.search !== undefined ? parseViewQuery(options.search) : { view: { ...DEFAULT_VIEW }, notices: [] };
  let unsubscribe: (() => void) | null = null;
  let nextPinId = 1;

  return createStore<LabState>()((set, get) => {
    const send = (msg: ToWorker) => client.send(msg);

    /** Builds a new network from `config` under a new runId and says so. */
    const configure = (config: RunConfig, notice: Phrase | null) => {
      const runId = get().runId + 1;
      set({ ...freshRun(), config, runId, notice, error: null });
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
      urlNotices: [...parsed.notices, ...parsedView.notices],
      notice: null,
      runId: NO_RUN,
      ...freshRun(),
      loading: null,
      dataReady: 'none',
      error: null,
      pinned: [],
      view: parsedView.view,
      seriesLimit: options.seriesLimit ?? DEFAULT_SERIES_LIMIT,
      presenting: parsePresentation(options.search ?? ''),
      lang: parseLang(options.search ?? '') ?? options.defaultLang ?? 'en',

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
        const patch = reduceMessage(get(), msg);
        if (patch) set(patch);
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
        const { runId, status } = get();
        send({ type: 'start', runId });
        if (status !== 'diverged' && status !== 'finished') set({ status: 'running' });
      },
      pause() {
        const { runId, status } = get();
        send({ type: 'pause', runId });
        if (status === 'running') set({ status: 'paused' });
      },
      step(count = 1) {
        send({ type: 'step', runId: get().runId, count });
      },
      reset() {
        // A new runId, so a probe the worker had in flight for the old weights cannot land in the fresh series.
        const { config } = get();
        const runId = get().runId + 1;
        set({ ...freshRun(), runId, notice: localText('reinitialised', config.seed) });
        send({ type: 'reset', runId });
      },
      setExploding(on) {
        const { config } = get();
        if (config.exploding === on) return;
        // New weights, new runId: snapshots of the network before the switch are dropped, not drawn.
        const runId = get().runId + 1;
        // The preset rewrites the weights in place, so the curves so far belong to a different network.
        set({
          runId,
          config: { ...config, exploding: on },
          snapshot: null,
          norms: [],
          accuracy: [],
          divergence: null,
          notice: on ? localText('explodingOn') : localText('explodingOff', config.seed),
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
