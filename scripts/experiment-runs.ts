/**
 * The chapter's three measurements as plain functions of a configuration and the data, so the command
 * line, the tests and anyone else can run them the same way.
 *
 *   initial-norms   ‖δˡ‖ at initialisation (the numbers 0.07, 0.31 / 0.012, 0.060, 0.283 / … in the text)
 *   training-speed  ‖δˡ‖ before each epoch of full-batch GD on 1000 images (figs. 5-7)
 *   accuracy        validation accuracy per epoch of mini-batch SGD (96.48% / 96.90% / … in the text)
 */
import { firstExamples, PROBE_COUNT } from '../src/data/mnist';
import { Network, applyExplodingPreset, GradientProbe, createRng, shuffle, type Rng, evaluate, Trainer, type Samples } from '../src/engine';
import { UsageError, type ExperimentConfig } from './experiment-args';

/** Receives progress lines (the command line sends them to stderr). */
export type Log = (line: string) => void;

/** The settings a result was produced with, so a saved JSON file says how to reproduce it. */
export interface RunSettings {
  init: string;
  activation: string;
  preset: string | null;
  residual: boolean;
  normalisation: string;
  eta?: number;
  lambda?: number;
  batch?: number;
  momentum?: number;
  /** Gradient-norm clipping threshold; 0 or absent is no clipping. */
  clipNorm?: number;
  /** n in the weight decay (1 − ηλ/n): the number of training examples. */
  trainingSize?: number;
  probeSize: number;
}

export interface InitialNormsResult {
  experiment: 'initial-norms';
  layers: number[];
  seeds: number[];
  /** norms[s][h−1] = ‖δʰ‖ of seed seeds[s]; null where it is not a finite number. */
  norms: (number | null)[][];
  /** Per hidden layer, the median over seeds. */
  median: (number | null)[];
  settings: RunSettings;
  warnings: string[];
  wallSeconds: number;
}

/** One seed's series of a training-speed run. */
export interface SpeedSeries {
  seed: number;
  /** norms[e][h−1] = ‖δʰ‖ measured before epoch e (e = 0 is the untrained network). */
  norms: (number | null)[][];
  /** First epoch whose measured norms are not finite; null when training stayed finite throughout. */
  divergedAtEpoch: number | null;
}

export interface TrainingSpeedResult {
  experiment: 'training-speed';
  layers: number[];
  /** The first seed; `norms` is its series. */
  seed: number;
  /** norms[e][h−1] = ‖δʰ‖ of the first seed measured before epoch e (e = 0 is the untrained network). */
  norms: (number | null)[][];
  /** The earliest epoch at which any seed's norms are not finite; null when every seed stayed finite. */
  divergedAtEpoch: number | null;
  /** Every seed measured, seed .. seed+K−1 (--seeds K), each with its own series; the first is `norms` again. */
  seeds: number[];
  perSeed: SpeedSeries[];
  /** median[e][h−1]: the median over the seeds of ‖δʰ‖ before epoch e (finite values only; null if none). */
  median: (number | null)[][];
  settings: RunSettings;
  warnings: string[];
  wallSeconds: number;
}

export interface AccuracyResult {
  experiment: 'accuracy';
  layers: number[];
  seed: number;
  /** Fraction of the validation images classified correctly after each epoch (index 0 = after epoch 1). */
  accuracy: number[];
  /** Highest of those fractions. */
  best: number;
  /** Epoch (counted from 1) at which the best accuracy was first reached. */
  bestEpoch: number;
  /** Mean training cost per epoch, as measured in the forward passes of that epoch's mini-batches. */
  trainingCost: (number | null)[];
  /** First epoch (counted from 1) whose training cost is not finite; null when training stayed finite. */
  divergedAtEpoch: number | null;
  validationCount: number;
  settings: RunSettings;
  warnings: string[];
  wallSeconds: number;
}

export type ExperimentResult = InitialNormsResult | TrainingSpeedResult | AccuracyResult;

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Median of the finite values; null when there are none. */
export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** A network initialised from `seed`, then the exploding preset if asked; the Rng continues for shuffling. */
function buildNetwork(config: ExperimentConfig, seed: number, probe: Samples): { net: Network; rng: Rng } {
  const rng = createRng(seed);
  const net = new Network({
    layers: config.layers,
    activation: config.activation,
    residual: config.residual,
    normalisation: config.layerNorm ? 'layer' : 'none',
  });
  net.initialize(config.init, rng);
  if (config.preset === 'exploding') applyExplodingPreset(net, probe);
  return { net, rng };
}

function baseSettings(config: ExperimentConfig, probeSize: number): RunSettings {
  return {
    init: config.init,
    activation: config.activation,
    preset: config.preset,
    residual: config.residual,
    normalisation: config.layerNorm ? 'layer' : 'none',
    probeSize,
  };
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}

/** ‖δˡ‖ at initialisation over the first 1000 training images, for seeds seed .. seed+seeds−1. */
export function runInitialNorms(config: ExperimentConfig, training: Samples, log: Log = () => {}): InitialNormsResult {
  const started = performance.now();
  const probeSet = firstExamples(training, PROBE_COUNT);
  const seeds: number[] = [];
  const norms: (number | null)[][] = [];
  const warnings: string[] = [];
  for (let s = 0; s < config.seeds; s++) {
    const seed = config.seed + s;
    const { net } = buildNetwork(config, seed, probeSet);
    const result = new GradientProbe(net, probeSet).run();
    const row = Array.from(result.layerNorms, finiteOrNull);
    if (row.includes(null)) warnings.push(`seed ${seed}: a gradient norm is not finite (the weights overflow float32)`);
    seeds.push(seed);
    norms.push(row);
    if (config.seeds > 1) log(`seed ${seed}: ${row.map((v) => formatNorm(v)).join('  ')}`);
  }
  const numHidden = config.layers.length - 2;
  const medians: (number | null)[] = [];
  for (let h = 0; h < numHidden; h++) medians.push(median(norms.map((row) => row[h])));
  return {
    experiment: 'initial-norms',
    layers: config.layers,
    seeds,
    norms,
    median: medians,
    settings: baseSettings(config, probeSet.count),
    warnings,
    wallSeconds: seconds(started),
  };
}

/** Runs one epoch of mini-batch SGD over `order` (shuffled first, as network2.SGD does); returns the mean batch cost. */
function trainEpoch(
  trainer: Trainer,
  samples: Samples,
  order: Uint32Array,
  rng: Rng,
  config: ExperimentConfig,
  trainingSize: number,
): number {
  shuffle(order, rng);
  const opts = { eta: config.eta, lambda: config.lambda, trainingSize, momentum: config.momentum, clipNorm: config.clip };
  let costSum = 0;
  let batches = 0;
  // Like network2.SGD, the last mini-batch is whatever is left over.
  for (let offset = 0; offset < order.length; offset += config.batch) {
    costSum += trainer.step(samples, order, offset, Math.min(config.batch, order.length - offset), opts);
    batches++;
  }
  return costSum / batches;
}

/**
 * The mini-batch size, refused when it is larger than the images trained on: shrinking it quietly would
 * report a run with other settings than the ones asked for. The option parser already refuses this for
 * MNIST; a smaller --data set is only known here.
 */
function checkBatch(config: ExperimentConfig, count: number): number {
  if (config.batch > count) {
    throw new UsageError(
      `--batch ${config.batch} is more than the ${count} images ${config.experiment} trains on; the largest mini-batch is ${count}`,
    );
  }
  return config.batch;
}

function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order;
}

/**
 * Figs. 5-7: full-batch gradient descent on the first 1000 training images (η 0.1, λ 5.0, n = 1000 by
 * default), ‖δˡ‖ over the same 1000 images measured before each epoch; for seeds seed .. seed+seeds−1, each
 * trained from its own initialisation, and the median over them epoch by epoch.
 */
export function runTrainingSpeed(config: ExperimentConfig, training: Samples, log: Log = () => {}): TrainingSpeedResult {
  const started = performance.now();
  const set = firstExamples(training, PROBE_COUNT);
  const batch = checkBatch(config, set.count);
  const warnings: string[] = [];
  const perSeed: SpeedSeries[] = [];
  for (let s = 0; s < config.seeds; s++) {
    const seed = config.seed + s;
    const series = speedSeries(config, seed, set, batch, started, config.seeds > 1 ? (line) => log(`seed ${seed}, ${line}`) : log);
    if (series.divergedAtEpoch !== null) {
      const who = config.seeds > 1 ? `seed ${seed}: ` : '';
      warnings.push(`${who}from epoch ${series.divergedAtEpoch} a gradient norm is not finite: training diverged (try a smaller --eta)`);
    }
    perSeed.push(series);
  }
  const numHidden = config.layers.length - 2;
  const medians: (number | null)[][] = [];
  for (let e = 0; e < config.epochs; e++) {
    const row: (number | null)[] = [];
    for (let h = 0; h < numHidden; h++) row.push(median(perSeed.map((p) => p.norms[e][h])));
    medians.push(row);
  }
  const diverged = perSeed.map((p) => p.divergedAtEpoch).filter((e): e is number => e !== null);
  return {
    experiment: 'training-speed',
    layers: config.layers,
    seed: config.seed,
    norms: perSeed[0].norms,
    divergedAtEpoch: diverged.length > 0 ? Math.min(...diverged) : null,
    seeds: perSeed.map((p) => p.seed),
    perSeed,
    median: medians,
    settings: {
      ...baseSettings(config, set.count),
      eta: config.eta,
      lambda: config.lambda,
      batch,
      momentum: config.momentum,
      clipNorm: config.clip,
      trainingSize: set.count,
    },
    warnings,
    wallSeconds: seconds(started),
  };
}

/** One seed of training-speed: its network, trained epoch by epoch, probed before each epoch. */
function speedSeries(config: ExperimentConfig, seed: number, set: Samples, batch: number, started: number, log: Log): SpeedSeries {
  const { net, rng } = buildNetwork(config, seed, set);
  const probe = new GradientProbe(net, set);
  const trainer = new Trainer(net, batch);
  const order = identityOrder(set.count);
  const norms: (number | null)[][] = [];
  let divergedAtEpoch: number | null = null;
  const every = Math.max(1, Math.round(config.epochs / 10));
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const row = Array.from(probe.run().layerNorms, finiteOrNull);
    if (row.includes(null) && divergedAtEpoch === null) divergedAtEpoch = epoch;
    norms.push(row);
    if (epoch % every === 0)
      log(`epoch ${epoch}/${config.epochs}: ‖δ‖ ${row.map((v) => formatNorm(v)).join('  ')}  (${seconds(started)} s)`);
    trainEpoch(trainer, set, order, rng, { ...config, batch }, set.count);
  }
  return { seed, norms, divergedAtEpoch };
}

/**
 * The chapter's opening table: mini-batch SGD (10, η 0.1, λ 5.0, n = 50,000 by default) on the training
 * images, validation accuracy after each epoch.
 */
export function runAccuracy(
  config: ExperimentConfig,
  data: { training: Samples; validation: Samples },
  log: Log = () => {},
): AccuracyResult {
  const started = performance.now();
  const { training, validation } = data;
  const { net, rng } = buildNetwork(config, config.seed, firstExamples(training, PROBE_COUNT));
  const batch = checkBatch(config, training.count);
  const trainer = new Trainer(net, batch);
  const order = identityOrder(training.count);
  const accuracy: number[] = [];
  const trainingCost: (number | null)[] = [];
  const warnings: string[] = [];
  let divergedAtEpoch: number | null = null;
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    const cost = trainEpoch(trainer, training, order, rng, { ...config, batch }, training.count);
    const result = evaluate(net, validation);
    if (!Number.isFinite(cost) && divergedAtEpoch === null) {
      divergedAtEpoch = epoch;
      warnings.push(`from epoch ${epoch} the training cost is not finite: training diverged (try a smaller --eta)`);
    }
    accuracy.push(result.accuracy);
    trainingCost.push(finiteOrNull(cost));
    log(
      `epoch ${epoch}/${config.epochs}: validation ${(100 * result.accuracy).toFixed(2)}%, training cost ${Number.isFinite(cost) ? cost.toFixed(4) : 'not finite (diverged)'}  (${seconds(started)} s)`,
    );
  }
  let bestEpoch = 1;
  for (let e = 1; e < accuracy.length; e++) if (accuracy[e] > accuracy[bestEpoch - 1]) bestEpoch = e + 1;
  return {
    experiment: 'accuracy',
    layers: config.layers,
    seed: config.seed,
    accuracy,
    best: accuracy[bestEpoch - 1],
    bestEpoch,
    trainingCost,
    divergedAtEpoch,
    validationCount: validation.count,
    settings: {
      ...baseSettings(config, PROBE_COUNT),
      eta: config.eta,
      lambda: config.lambda,
      batch,
      momentum: config.momentum,
      clipNorm: config.clip,
      trainingSize: training.count,
    },
    warnings,
    wallSeconds: seconds(started),
  };
}

/** Three significant figures, which is what the chapter quotes; a word instead of NaN. */
export function formatNorm(v: number | null): string {
  if (v === null) return 'not finite';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  return abs >= 1e-4 && abs < 1e5 ? v.toPrecision(3) : v.toExponential(2);
}

function formatRatio(upper: number | null, lower: number | null): string {
  if (upper === null || lower === null || lower === 0) return '—';
  return `${(upper / lower).toPrecision(3)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function describeSettings(r: ExperimentResult): string {
  const s = r.settings;
  const parts = [`layers ${r.layers.join(',')}`, `init ${s.init}`, s.activation];
  if (s.preset) parts.push(`preset ${s.preset}`);
  if (s.residual) parts.push('residual');
  if (s.normalisation === 'layer') parts.push('layer norm');
  if (s.eta !== undefined) parts.push(`η ${s.eta}`, `λ ${s.lambda}`, `batch ${s.batch}`, `n ${s.trainingSize}`);
  if (s.momentum) parts.push(`μ ${s.momentum}`);
  if (s.clipNorm) parts.push(`gradient clipped at ‖∇‖ ≤ ${s.clipNorm}`);
  return parts.join(', ');
}

/** Which epochs the readable table of a long training-speed run shows (the JSON has all of them). */
export function epochsToShow(epochs: number): number[] {
  const shown: number[] = [];
  for (let e = 0; e < epochs; e++) {
    if (epochs <= 60 || e < 5 || e % 50 === 0 || e === epochs - 1) shown.push(e);
  }
  return shown;
}

/** The readable form printed without --json. */
export function formatResult(r: ExperimentResult): string {
  const lines: string[] = [];
  const hiddenHeads = (n: number) => Array.from({ length: n }, (_, h) => `‖δ${superscript(h + 1)}‖`);
  if (r.experiment === 'initial-norms') {
    const numHidden = r.median.length;
    lines.push(`‖δˡ‖ at initialisation over the first ${r.settings.probeSize} training images (${describeSettings(r)})`);
    const rows: string[][] = [['seed', ...hiddenHeads(numHidden)]];
    r.seeds.forEach((seed, s) => {
      rows.push([String(seed), ...r.norms[s].map(formatNorm)]);
    });
    if (r.seeds.length > 1) rows.push(['median', ...r.median.map(formatNorm)]);
    rows.push(['ratio', '', ...r.median.slice(1).map((v, h) => formatRatio(v, r.median[h]))]);
    lines.push(table(rows));
  } else if (r.experiment === 'training-speed') {
    const numHidden = r.layers.length - 2;
    const several = r.seeds.length > 1;
    const which = several ? `, median of seeds ${r.seeds[0]}-${r.seeds[r.seeds.length - 1]}` : '';
    lines.push(`‖δˡ‖ before each epoch of gradient descent on ${r.settings.trainingSize} images (${describeSettings(r)}${which})`);
    const series = several ? r.median : r.norms;
    const rows: string[][] = [['epoch', ...hiddenHeads(numHidden), `last/first`]];
    for (const e of epochsToShow(series.length)) {
      const row = series[e];
      rows.push([String(e), ...row.map(formatNorm), formatRatio(row[numHidden - 1], row[0])]);
    }
    lines.push(table(rows));
    if (several) {
      const end = series.length - 1;
      const perSeed = r.perSeed.map((p) => `${p.seed}: ${formatRatio(p.norms[end][numHidden - 1], p.norms[end][0])}`);
      lines.push(`last/first before epoch ${end}, seed by seed: ${perSeed.join(', ')}`);
    }
  } else {
    lines.push(`validation accuracy after each epoch (${describeSettings(r)})`);
    const rows: string[][] = [['epoch', 'accuracy']];
    r.accuracy.forEach((a, e) => {
      rows.push([String(e + 1), `${(100 * a).toFixed(2)}%${e + 1 === r.bestEpoch ? '  best' : ''}`]);
    });
    lines.push(table(rows));
    lines.push(
      `best ${(100 * r.best).toFixed(2)}% at epoch ${r.bestEpoch} of ${r.accuracy.length}, on ${r.validationCount} validation images`,
    );
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  lines.push(`(${r.wallSeconds} s)`);
  return lines.join('\n');
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
}
