import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestRates, checkNumpy, comparisonTable, lastJsonLine, medianRates, ratesOf, runNumpy, runTfjs } from '../../bench/peers';

/** A stand-in for python3 that behaves like one without NumPy. */
function pythonWithoutNumpy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peers-'));
  const path = join(dir, 'python3');
  writeFileSync(path, '#!/bin/sh\necho "ModuleNotFoundError: No module named \'numpy\'" >&2\nexit 1\n');
  chmodSync(path, 0o755);
  return path;
}

/** A peers folder with a NumPy peer script in it (its content is never reached in these tests). */
function peersDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'peers-'));
  writeFileSync(join(dir, 'placeholder'), '');
  return dir;
}

describe('peer benchmarks that cannot run say why, and the run goes on', () => {
  it('names a missing Python', () => {
    const r = checkNumpy(join(tmpdir(), 'no-such-python-here'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^Python not found/);
  });

  it('names a Python without NumPy', () => {
    const r = checkNumpy(pythonWithoutNumpy());
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/NumPy is not installed for /) });
  });

  it('runNumpy reports a missing peer script, then a missing NumPy, instead of throwing', () => {
    const empty = peersDir();
    expect(runNumpy(empty, 'python3', '.')).toEqual({ ok: false, reason: expect.stringMatching(/no NumPy peer at .*bench\.py/) });
    const dir = peersDir();
    mkdirSync(join(dir, 'numpy'));
    writeFileSync(join(dir, 'numpy', 'bench.py'), 'raise SystemExit(9)\n');
    expect(runNumpy(dir, pythonWithoutNumpy(), '.')).toEqual({ ok: false, reason: expect.stringMatching(/NumPy is not installed/) });
  });

  it('runTfjs reports a peer whose dependencies were never installed', () => {
    const dir = peersDir();
    writeFileSync(join(dir, 'bench.mjs'), '');
    expect(runTfjs(dir, '.')).toEqual({ ok: false, reason: expect.stringMatching(/is not installed/) });
  });
});

describe('reading and comparing the reports', () => {
  it('takes the last JSON line of a noisy output and reads its rates by name', () => {
    const out = 'warming up\n{"broken": \n{"results":[{"name":"mb10_784_30_10","examplesPerSecond":42000},{"name":"x"}]}\n';
    expect(ratesOf(lastJsonLine(out))).toEqual({ mb10_784_30_10: 42000 });
    expect(ratesOf(lastJsonLine('no json here'))).toBeNull();
    expect(ratesOf({ results: [{ name: 'x' }] })).toBeNull();
    expect(ratesOf({ results: [{ name: 'mb100_784_30_10', examples_per_s_median: 14000 }] })).toEqual({ mb100_784_30_10: 14000 });
  });

  it('medians over rounds, and prints engine ÷ peer with the probe in ms', () => {
    const engine = medianRates([
      { mb10_784_30_10: 100, probe_784_30x4_10: 400_000 },
      { mb10_784_30_10: 120, probe_784_30x4_10: 500_000 },
      { mb10_784_30_10: 110, probe_784_30x4_10: 450_000 },
    ]);
    expect(engine).toEqual({ mb10_784_30_10: 110, probe_784_30x4_10: 450_000 });
    // The comparison itself takes every participant's fastest round.
    expect(bestRates([{ mb10_784_30_10: 100 }, { mb10_784_30_10: 120, mb100_784_30_10: 7 }, {}])).toEqual({
      mb10_784_30_10: 120,
      mb100_784_30_10: 7,
    });
    const lines = comparisonTable(engine, [{ name: 'numpy', rates: { mb10_784_30_10: 50, probe_784_30x4_10: 100_000 } }]);
    const row = (name: string): string => lines.find((l) => l.startsWith(name)) ?? '';
    expect(row('mb10_784_30_10')).toMatch(/110\/s\s+50\/s\s+2\.20×$/);
    expect(row('probe_784_30x4_10')).toMatch(/2\.22 ms\s+10\.00 ms\s+4\.50×$/);
    expect(row('mb100_784_30_10')).toMatch(/—\s+—\s+—$/);
  });
});
