import { describe, expect, it } from 'vitest';
import { createLabStore, MAX_PINNED, type PinnedRun } from '../../src/store/store';
import { defaultConfig } from '../../src/config';
import {
  parsePinned,
  persistPinnedRuns,
  PINNED_STORAGE_KEY,
  serialisePinned,
  STORED_POINTS,
  thinSeries,
  type PinnedStorage,
} from '../../src/store/pinnedStorage';
import { createFakeClient, makeSnapshot } from './fakeClient';
import { noticeText } from '../support/notice';

function memoryStorage(initial: Record<string, string> = {}): PinnedStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function run(id: number, points = 3): PinnedRun {
  return {
    id,
    config: { ...defaultConfig(), seed: id },
    norms: Array.from({ length: points }, (_, i) => ({ x: i, norms: [0.001 * (i + 1), 0.1] })),
    accuracy: [{ epoch: 1, accuracy: 0.95 }],
    hidden: id % 2 === 0,
  };
}

describe('pinned runs in storage', () => {
  it('round-trips runs, their curves, visibility and numbers', () => {
    const runs = [run(1), run(2)];
    expect(parsePinned(serialisePinned(runs))).toEqual({ runs, notice: null });
  });

  it('keeps an overflowed norm as a gap, never as a number', () => {
    const r = run(1);
    r.norms[1] = { x: 1, norms: [Infinity, 0.1] };
    const back = parsePinned(serialisePinned([r])).runs[0];
    expect(back.norms[1].norms[0]).toBeNaN();
  });

  it('bounds each stored series, keeping its first and last point', () => {
    const r = run(1, 1000);
    const back = parsePinned(serialisePinned([r])).runs[0];
    expect(back.norms).toHaveLength(STORED_POINTS);
    expect(back.norms[0]).toEqual(r.norms[0]);
    expect(back.norms[STORED_POINTS - 1]).toEqual(r.norms[999]);
    expect(thinSeries([1, 2, 3], 5)).toEqual([1, 2, 3]);
  });

  it('stores at most MAX_PINNED runs', () => {
    const many = Array.from({ length: MAX_PINNED + 3 }, (_, i) => run(i + 1));
    expect(parsePinned(serialisePinned(many)).runs).toHaveLength(MAX_PINNED);
  });

  it('ignores corrupt storage with a notice instead of a crash', () => {
    for (const text of ['{', 'null', '[]', '{"version":2,"runs":[]}', '{"version":1}']) {
      const loaded = parsePinned(text);
      expect(loaded.runs).toEqual([]);
      expect(noticeText(loaded.notice)).toBe('Pinned runs saved in this browser could not be read, so they were left out.');
    }
    expect(parsePinned(null)).toEqual({ runs: [], notice: null });
  });

  it('leaves out single bad runs and says how many', () => {
    const good = JSON.parse(serialisePinned([run(1), run(2), run(3)]));
    good.runs[1].config.layers = [784, -3, 10];
    good.runs[2].norms = [{ x: 'a', norms: [1, 2] }];
    const loaded = parsePinned(JSON.stringify(good));
    expect(loaded.runs.map((r) => r.id)).toEqual([1]);
    expect(noticeText(loaded.notice)).toBe('2 pinned runs saved in this browser could not be read, so they were left out.');
  });

  it('restores into the store on load, saves every change, and clears the key when all are removed', () => {
    const storage = memoryStorage({ [PINNED_STORAGE_KEY]: serialisePinned([run(4)]) });
    const client = createFakeClient();
    const store = createLabStore({ client, search: '' });
    store.getState().connect();
    persistPinnedRuns(store, storage);
    expect(store.getState().pinned.map((p) => p.id)).toEqual([4]);
    client.emit(makeSnapshot(1, [30, 30]));
    store.getState().pinRun();
    // Numbering goes on after the restored runs.
    expect(store.getState().pinned.map((p) => p.id)).toEqual([4, 5]);
    expect(parsePinned(storage.getItem(PINNED_STORAGE_KEY)).runs.map((p) => p.id)).toEqual([4, 5]);
    store.getState().removeAllPinned();
    expect(storage.data.has(PINNED_STORAGE_KEY)).toBe(false);
  });

  it('shows a notice for unreadable storage, and keeps working when storage throws', () => {
    const store = createLabStore({ client: createFakeClient(), search: '' });
    store.getState().connect();
    persistPinnedRuns(store, memoryStorage({ [PINNED_STORAGE_KEY]: 'not json' }));
    expect(noticeText(store.getState().notice)).toMatch(/could not be read/);

    const broken: PinnedStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    const other = createLabStore({ client: createFakeClient(), search: '' });
    other.getState().connect();
    persistPinnedRuns(other, broken);
    expect(noticeText(other.getState().notice)).toMatch(/not available/);
    other.getState().restorePinned([run(1)], null);
    expect(other.getState().pinned).toHaveLength(1);
    expect(noticeText(other.getState().notice)).toMatch(/could not be saved/);
  });
});
