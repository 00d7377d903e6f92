/**
 * Glorot & Bengio (2010), fig. 2, on MNIST: how the activations of each hidden layer are spread over the
 * probe images (the first 1000 training images, as everywhere else) while mini-batch SGD trains the network.
 * Their setting as far as this data allows: sigmoid hidden layers, a softmax output with the log-likelihood
 * cost, mini-batches of 10, no weight decay, four hidden layers of 1000 from their "standard" initialisation.
 */
import { firstExamples, PROBE_COUNT } from '../src/data/mnist';
import { ActivationStats, createRng, evaluate, Network, shuffle, Trainer, type Samples } from '../src/engine';
import type { ExperimentConfig } from './experiment-args';

type Log = (line: string) => void;

export interface SaturationResult {
  experiment: 'saturation';
  layers: number[];
  seed: number;
  /** When each measurement was taken, in epochs (fractions within an epoch; 0 is the untrained network). */
  epochs: number[];
  /** mean[t][h−1]: hidden layer h's mean activation at epochs[t]; null where it is not a finite number. */
  mean: (number | null)[][];
  p02: (number | null)[][];
  p50: (number | null)[][];
  p98: (number | null)[][];
  /** Share of saturated values (sigmoid σ ∉ [0.01, 0.99], tanh |a| > 0.97) or of dead units (ReLU). */
  saturated: (number | null)[][];
  /** Validation accuracy after each whole epoch (index 0: after epoch 1). */
  validationAccuracy: number[];
  /** First epoch (counted from 1) whose training cost is not finite; null when training stayed finite. */
  divergedAtEpoch: number | null;
  settings: {
    init: string;
    activation: string;
    output: 'softmax';
    cost: 'log-likelihood';
    eta: number;
    lambda: number;
    batch: number;
    momentum: number;
    trainingSize: number;
    probeSize: number;
    probesPerEpoch: number;
  };
  warnings: string[];
  wallSeconds: number;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The batch offsets after which a measurement is taken: `probes` evenly spaced ones, the epoch's end last. */
export function probeOffsets(batches: number, probes: number): number[] {
  const count = Math.min(probes, batches);
  return Array.from({ length: count }, (_, i) => Math.round(((i + 1) * batches) / count));
}

export function runSaturation(
  config: ExperimentConfig,
  data: { training: Samples; validation: Samples },
  log: Log = () => {},
): SaturationResult {
  const started = performance.now();
  const trainingSize = Math.min(config.trainingSize ?? data.training.count, data.training.count);
  const training = firstExamples(data.training, trainingSize);
  const probeSet = firstExamples(data.training, PROBE_COUNT);
  const rng = createRng(config.seed);
  const net = new Network({ layers: config.layers, activation: config.activation, output: 'softmax', cost: 'cross-entropy' });
  net.initialize(config.init, rng);
  const stats = new ActivationStats(net, probeSet, probeSet.count);
  const trainer = new Trainer(net, config.batch);
  const order = new Uint32Array(training.count);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const batches = Math.ceil(training.count / config.batch);
  const probesPerEpoch = config.probesPerEpoch ?? 1;
  const offsets = probeOffsets(batches, probesPerEpoch);
  const opts = { eta: config.eta, lambda: config.lambda, trainingSize: training.count, momentum: config.momentum, clipNorm: config.clip };

  const result: SaturationResult = {
    experiment: 'saturation',
    layers: config.layers,
    seed: config.seed,
    epochs: [],
    mean: [],
    p02: [],
    p50: [],
    p98: [],
    saturated: [],
    validationAccuracy: [],
    divergedAtEpoch: null,
    settings: {
      init: config.init,
      activation: config.activation,
      output: 'softmax',
      cost: 'log-likelihood',
      eta: config.eta,
      lambda: config.lambda,
      batch: config.batch,
      momentum: config.momentum,
      trainingSize: training.count,
      probeSize: probeSet.count,
      probesPerEpoch: offsets.length,
    },
    warnings: [],
    wallSeconds: 0,
  };
  const record = (epoch: number) => {
    const s = stats.measure();
    const row = (values: Float64Array) => Array.from(values, finiteOrNull);
    result.epochs.push(Math.round(epoch * 1e4) / 1e4);
    result.mean.push(row(s.mean));
    result.p02.push(row(s.p02));
    result.p50.push(row(s.p50));
    result.p98.push(row(s.p98));
    result.saturated.push(row(s.saturatedShare));
    const top = s.mean.length - 1;
    log(
      `epoch ${epoch.toFixed(2)}: top hidden layer mean ${s.mean[top].toFixed(4)}, saturated ${(100 * s.saturatedShare[top]).toFixed(1)} %  (${seconds(started)} s)`,
    );
  };

  record(0);
  for (let epoch = 1; epoch <= config.epochs; epoch++) {
    shuffle(order, rng);
    let done = 0;
    let costSum = 0;
    for (const until of offsets) {
      for (; done < until; done++) {
        const offset = done * config.batch;
        costSum += trainer.step(training, order, offset, Math.min(config.batch, order.length - offset), opts);
      }
      record(epoch - 1 + done / batches);
    }
    if (!Number.isFinite(costSum) && result.divergedAtEpoch === null) {
      result.divergedAtEpoch = epoch;
      result.warnings.push(`from epoch ${epoch} the training cost is not finite: training diverged (try a smaller --eta)`);
    }
    const accuracy = evaluate(net, data.validation).accuracy;
    result.validationAccuracy.push(accuracy);
    log(`epoch ${epoch}/${config.epochs}: validation ${(100 * accuracy).toFixed(2)} %`);
  }
  result.wallSeconds = seconds(started);
  return result;
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}

function cell(v: number | null, digits: number): string {
  return v === null ? 'not finite' : v.toFixed(digits);
}

/** The readable form: per measurement, every hidden layer's mean [p02, p98] and saturated share. */
export function formatSaturation(r: SaturationResult): string {
  const s = r.settings;
  const numHidden = r.layers.length - 2;
  const lines = [
    `activations per hidden layer over the first ${s.probeSize} training images (layers ${r.layers.join(',')}, init ${s.init}, ${s.activation}, softmax output, η ${s.eta}, λ ${s.lambda}, batch ${s.batch}, n ${s.trainingSize})`,
    'each cell: mean [2nd-98th percentile] saturated %',
  ];
  const rows: string[][] = [['epoch', ...Array.from({ length: numHidden }, (_, h) => `layer ${h + 1}`)]];
  r.epochs.forEach((epoch, t) => {
    const cells = Array.from(
      { length: numHidden },
      (_, h) =>
        `${cell(r.mean[t][h], 3)} [${cell(r.p02[t][h], 3)}-${cell(r.p98[t][h], 3)}] ${r.saturated[t][h] === null ? 'not finite' : (100 * (r.saturated[t][h] as number)).toFixed(1)} %`,
    );
    rows.push([epoch.toFixed(2), ...cells]);
  });
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows)
    lines.push(
      row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  r.validationAccuracy.forEach((a, e) => {
    lines.push(`validation accuracy after epoch ${e + 1}: ${(100 * a).toFixed(2)} %`);
  });
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  lines.push(`(${r.wallSeconds} s)`);
  return lines.join('\n');
}
