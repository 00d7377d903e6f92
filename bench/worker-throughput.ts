/**
 * How much of the engine's speed survives the training worker's loop, measured in Node.
 *   npx tsx bench/worker-throughput.ts [--layers 784,30,30,10] [--rounds 3] [--probe-every 5000]
 *
 * bare:    Trainer.step over one shuffled SGD epoch of the 50,000 training images (mini-batch 10,
 *          η 0.1, λ 5), nothing else: the ceiling.
 * trainer: the same epoch driven by createTrainer's handleMessage at speed 10 on the real event loop:
 *          chunks and yields, gradient probes every interval (with eq. 124's norms and transferred
 *          copies), validation on 10,000 images. Timed from 'running' to the snapshot that ends the epoch,
 *          and to 'finished' (validation included).
 * probe:   one probe of the 1000 probe images, in training examples' worth of time, and the share of the
 *          trainer's time the probes take at the interval the worker picks.
 *
 * Rounds alternate bare and trainer so that load from other processes hits both alike; medians are printed.
 */
import { loadavg } from 'node:os';
import { firstExamples, PROBE_COUNT, type MnistSplit } from '../src/data/mnist';
import { loadMnist } from '../src/data/node';
import { LayerFactorNorms, validateLayers, Network, GradientProbe, createRng, shuffle, Trainer } from '../src/engine';
import { sgdProbeInterval } from '../src/worker/schedule';
import { median } from './measure';
import { runWorkerLoop, sgdBenchConfig } from './workerLoop';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const layers = validateLayers(arg('--layers', '784,30,30,10').split(','), { input: 784, output: 10 });
const rounds = Number(arg('--rounds', '3'));
/** Mini-batches between probes; 0 (the default) lets the worker choose, as it does in the page. */
const probeEvery = Number(arg('--probe-every', '0'));
const BATCH = 10;

function bareEpoch(split: MnistSplit): number {
  const net = new Network({ layers });
  const rng = createRng(1);
  net.initialize('default', rng);
  const trainer = new Trainer(net, BATCH);
  const n = split.training.count;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffle(order, rng);
  const t0 = performance.now();
  for (let offset = 0; offset < n; offset += BATCH) {
    trainer.step(split.training, order, offset, Math.min(BATCH, n - offset), { eta: 0.1, lambda: 5, trainingSize: n });
  }
  return (n * 1000) / (performance.now() - t0);
}

interface TrainerRun {
  /** Examples per second from 'running' to the snapshot that ends the epoch. */
  epochRate: number;
  /** The same up to 'finished', validation included. */
  withValidation: number;
  /** Mean of the snapshots' own examplesPerSecond. */
  reported: number;
  snapshots: number;
}

function trainerEpoch(split: MnistSplit): Promise<TrainerRun> {
  return new Promise((resolve, reject) => {
    const n = split.training.count;
    let t0 = 0;
    let tEpoch = 0;
    const rates: number[] = [];
    const config = sgdBenchConfig({ layers, batchSize: BATCH, epochs: 1 });
    if (probeEvery > 0) config.probeEvery = probeEvery;
    runWorkerLoop(split, config, (msg, send) => {
      if (msg.type === 'ready' && msg.stage === 'all') send({ type: 'start', runId: 1 });
      else if (msg.type === 'status' && msg.status === 'running') t0 = performance.now();
      else if (msg.type === 'snapshot' && msg.examplesPerSecond > 0) {
        rates.push(msg.examplesPerSecond);
        if (msg.epoch === 1) tEpoch = performance.now();
      } else if (msg.type === 'status' && msg.status === 'finished') {
        const t = performance.now();
        resolve({
          epochRate: (n * 1000) / (tEpoch - t0),
          withValidation: (n * 1000) / (t - t0),
          reported: rates.reduce((a, b) => a + b, 0) / rates.length,
          snapshots: rates.length,
        });
      } else if (msg.type === 'error' || msg.type === 'diverged') reject(new Error(JSON.stringify(msg)));
    });
  });
}

function probeCost(split: MnistSplit, bareRate: number): { msPerProbe: number; inExamples: number } {
  const net = new Network({ layers });
  net.initialize('default', createRng(1));
  const probe = new GradientProbe(net, firstExamples(split.training, PROBE_COUNT));
  const factors = new LayerFactorNorms(net, { tolerance: 1e-6 });
  for (let i = 0; i < 5; i++) factors.compute(probe.run().meanActivationPrime);
  const reps = 20;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) factors.compute(probe.run().meanActivationPrime);
  const msPerProbe = (performance.now() - t0) / reps;
  return { msPerProbe, inExamples: (msPerProbe / 1000) * bareRate };
}

async function main(): Promise<void> {
  const split = loadMnist();
  console.log(
    `layers ${layers.join(',')}, mini-batch ${BATCH}, one epoch of ${split.training.count} examples; load average ${loadavg()[0].toFixed(2)}`,
  );
  bareEpoch(split); // warm-up: lets the JIT optimise the kernels before anything is timed
  const bare: number[] = [];
  const runs: TrainerRun[] = [];
  for (let r = 0; r < rounds; r++) {
    bare.push(bareEpoch(split));
    runs.push(await trainerEpoch(split));
    const last = runs[runs.length - 1];
    console.log(
      `round ${r + 1}: bare ${bare[r].toFixed(0)} ex/s | trainer ${last.epochRate.toFixed(0)} ex/s to the epoch's last snapshot, ` +
        `${last.withValidation.toFixed(0)} with validation, snapshots report ${last.reported.toFixed(0)} (${last.snapshots} snapshots)`,
    );
  }
  const b = median(bare);
  const t = median(runs.map((x) => x.epochRate));
  const v = median(runs.map((x) => x.withValidation));
  console.log(
    `median: bare ${b.toFixed(0)} ex/s, trainer ${t.toFixed(0)} ex/s = ${((100 * t) / b).toFixed(1)}% (${((100 * v) / b).toFixed(1)}% with validation)`,
  );
  const p = probeCost(split, b);
  const every = sgdProbeInterval(BATCH, PROBE_COUNT, 10);
  const share = p.inExamples / (every * BATCH + p.inExamples);
  console.log(
    `probe (1000 images + eq. 124): ${p.msPerProbe.toFixed(1)} ms = ${p.inExamples.toFixed(0)} training examples' worth; ` +
      `every ${every} mini-batches that is ${(100 * share).toFixed(1)}% of the time; load average now ${loadavg()[0].toFixed(2)}`,
  );
}

main().then(
  // The scheduler's MessageChannel stays open and would keep Node running.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
