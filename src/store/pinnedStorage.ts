/**
 * Pinned runs kept across reloads in the browser's storage, so a comparison set up before class is still
 * there when the projector comes on. The stored copy is versioned and bounded; anything unreadable (an
 * older format, a hand-edited or truncated value) is left out with a notice rather than breaking the page.
 */
import { localText, type Phrase } from '../i18n/text';
import { parseQuery, serialiseQuery } from './config';
import type { AccuracyPoint, NormPoint } from './series';
import { MAX_PINNED, type LabStore, type PinnedRun } from './store';
import type { RunConfig } from '../config';

/** Bump the version when the stored shape changes: an old copy is then ignored, never misread. */
export const PINNED_STORAGE_KEY = 'gradient-lab:pinned-runs:v1';
const VERSION = 1;

/**
 * Points kept per stored series. A pinned curve is read at chart resolution (a few hundred pixels wide),
 * and six runs of 1000 probes of ten layers would come near the storage quota.
 */
export const STORED_POINTS = 300;

export type PinnedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Evenly spaced points of a series, always keeping its first and last. */
export function thinSeries<T>(series: readonly T[], limit = STORED_POINTS): T[] {
  if (series.length <= limit) return [...series];
  return Array.from({ length: limit }, (_, i) => series[Math.round((i * (series.length - 1)) / (limit - 1))]);
}

/** JSON has no NaN or ∞: an overflowed norm is written as null and read back as NaN (a gap in the curve). */
function encodeNumber(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

export function serialisePinned(runs: readonly PinnedRun[]): string {
  return JSON.stringify({
    version: VERSION,
    runs: runs.slice(0, MAX_PINNED).map((p) => ({
      id: p.id,
      hidden: p.hidden,
      config: p.config,
      norms: thinSeries(p.norms).map((n) => ({ x: n.x, norms: n.norms.map(encodeNumber) })),
      accuracy: thinSeries(p.accuracy).map((a) => ({ epoch: a.epoch, accuracy: encodeNumber(a.accuracy) })),
    })),
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

/**
 * A stored configuration is accepted only if it survives the URL's own validation unchanged: the same
 * rules that guard a hand-edited link guard a hand-edited storage entry.
 */
function readConfig(v: unknown): RunConfig | null {
  if (!isRecord(v)) return null;
  try {
    const query = serialiseQuery(v as unknown as RunConfig);
    const parsed = parseQuery(query);
    if (parsed.notices.length > 0 || serialiseQuery(parsed.config) !== query) return null;
    return parsed.config;
  } catch {
    return null;
  }
}

function readNorms(v: unknown, numHidden: number): NormPoint[] | null {
  if (!Array.isArray(v) || v.length > STORED_POINTS) return null;
  const out: NormPoint[] = [];
  for (const p of v) {
    if (!isRecord(p) || typeof p.x !== 'number' || !Number.isFinite(p.x) || !Array.isArray(p.norms) || p.norms.length !== numHidden)
      return null;
    if (!p.norms.every(isNumberOrNull)) return null;
    out.push({ x: p.x, norms: p.norms.map((n: number | null) => (n === null ? Number.NaN : n)) });
  }
  return out;
}

function readAccuracy(v: unknown): AccuracyPoint[] | null {
  if (!Array.isArray(v) || v.length > STORED_POINTS) return null;
  const out: AccuracyPoint[] = [];
  for (const a of v) {
    if (!isRecord(a) || typeof a.epoch !== 'number' || !Number.isFinite(a.epoch) || !isNumberOrNull(a.accuracy)) return null;
    out.push({ epoch: a.epoch, accuracy: a.accuracy === null ? Number.NaN : a.accuracy });
  }
  return out;
}

export interface LoadedPinned {
  runs: PinnedRun[];
  /** Why some or all stored runs were left out, or null when everything stored was restored. */
  notice: Phrase | null;
}

export function parsePinned(text: string | null): LoadedPinned {
  if (text === null) return { runs: [], notice: null };
  const unreadable = { runs: [], notice: localText('pinnedUnreadable') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable;
  }
  if (!isRecord(data) || data.version !== VERSION || !Array.isArray(data.runs)) return unreadable;
  const runs: PinnedRun[] = [];
  let skipped = 0;
  const ids = new Set<number>();
  for (const r of data.runs.slice(0, MAX_PINNED)) {
    const config = isRecord(r) ? readConfig(r.config) : null;
    const norms = config && isRecord(r) ? readNorms(r.norms, config.layers.length - 2) : null;
    const accuracy = isRecord(r) ? readAccuracy(r.accuracy) : null;
    const id = isRecord(r) ? r.id : null;
    if (!config || !norms || norms.length === 0 || !accuracy || typeof id !== 'number' || !Number.isInteger(id) || id < 1 || ids.has(id)) {
      skipped++;
      continue;
    }
    ids.add(id);
    runs.push({ id, config, norms, accuracy, hidden: isRecord(r) && r.hidden === true });
  }
  skipped += Math.max(0, data.runs.length - MAX_PINNED);
  const notice = skipped === 0 ? null : localText('pinnedSomeUnreadable', skipped);
  return { runs, notice };
}

/**
 * Restores the runs stored earlier into the store, then saves every change of the pinned list. Returns the
 * unsubscribe function. A storage that refuses to be read or written (private browsing, quota) only costs
 * the persistence: the notice says so and the page goes on.
 */
export function persistPinnedRuns(store: LabStore, storage: PinnedStorage | null): () => void {
  if (storage === null) return () => {};
  let loaded: LoadedPinned;
  try {
    loaded = parsePinned(storage.getItem(PINNED_STORAGE_KEY));
  } catch {
    loaded = { runs: [], notice: localText('pinnedUnavailable') };
  }
  if (loaded.runs.length > 0 || loaded.notice !== null) store.getState().restorePinned(loaded.runs, loaded.notice);
  return store.subscribe((state, prev) => {
    if (state.pinned === prev.pinned) return;
    try {
      if (state.pinned.length === 0) storage.removeItem(PINNED_STORAGE_KEY);
      else storage.setItem(PINNED_STORAGE_KEY, serialisePinned(state.pinned));
    } catch {
      store.setState({ notice: localText('pinnedNotSaved') });
    }
  });
}
