import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { parseWorkspace, serialiseWorkspace, WorkspaceFileError } from '../../src/export/workspace';
import type { PinnedRun } from '../../src/store/store';

const meta = { config: { ...DEFAULT_CONFIG, layers: [784, 30, 30, 30, 10], seed: 4 }, exportedAt: '2026-12-02T03:00:00.000Z' };

function run(id: number, layers: number[], points = 3): PinnedRun {
  const config = { ...DEFAULT_CONFIG, layers };
  return {
    id,
    config,
    hidden: id === 2,
    norms: Array.from({ length: points }, (_, i) => ({ x: i, norms: layers.slice(1, -1).map((_, h) => 0.1 * (h + 1) * (i + 1)) })),
    accuracy: [{ epoch: 1, accuracy: 0.95 }],
  };
}

describe('workspace files', () => {
  it('round-trip the configuration and every pinned run, hidden flag and points included', () => {
    const pinned = [run(1, [784, 30, 10]), run(2, [784, 30, 30, 10], 700)];
    const back = parseWorkspace(JSON.parse(serialiseWorkspace(pinned, meta)));
    expect(back.config.layers).toEqual([784, 30, 30, 30, 10]);
    expect(back.config.seed).toBe(4);
    expect(back.notes('en')).toEqual([]);
    expect(back.pinned).toEqual(pinned);
  });

  it('name the app, the version and the date', () => {
    const data = JSON.parse(serialiseWorkspace([], meta));
    expect(data).toMatchObject({ format: 'gradient-lab-workspace', version: 1, app: 'Gradient Lab', exported: meta.exportedAt });
    expect(data.configuration).toMatch(/^\?layers=784,30,30,30,10&/);
  });

  it('leave out a damaged run and say so', () => {
    const data = JSON.parse(serialiseWorkspace([run(1, [784, 30, 10]), run(3, [784, 30, 10])], meta));
    data.pinned[1].norms[0].norms = ['a'];
    const back = parseWorkspace(data);
    expect(back.pinned.map((p) => p.id)).toEqual([1]);
    expect(back.notes('en')).toEqual(['1 pinned run in the file could not be read and was left out.']);
  });

  it('correct a hand-edited configuration the way a URL is corrected, and say so', () => {
    const data = JSON.parse(serialiseWorkspace([], meta));
    data.configuration = data.configuration.replace('seed=4', 'seed=-3');
    const back = parseWorkspace(data);
    expect(back.config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(back.notes('en')[0]).toMatch(/Ignored URL parameter "seed"/);
  });

  const refuse = (data: unknown, message: RegExp) => {
    expect(() => parseWorkspace(data)).toThrow(WorkspaceFileError);
    expect(() => parseWorkspace(data)).toThrow(message);
  };
  it('refuse another format', () => refuse({ format: 'other' }, /not a Gradient Lab workspace/));
  it('refuse another version', () =>
    refuse({ ...JSON.parse(serialiseWorkspace([], meta)), version: 9 }, /format version 9; this lab reads version 1/));
  it('refuse a missing configuration', () =>
    refuse({ ...JSON.parse(serialiseWorkspace([], meta)), configuration: 5 }, /"configuration" is missing/));
  it('refuse pinned runs that are not a list', () =>
    refuse({ ...JSON.parse(serialiseWorkspace([], meta)), pinned: {} }, /"pinned" runs are missing or are not a list/));
});
