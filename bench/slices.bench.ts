/**
 * How long the worker holds its thread on the largest network the lab allows, [784, 1000 × 10, 10]:
 *   npm run bench:slices
 * Times, on real MNIST, each long computation the worker does on it, once in one piece and once in the
 * pieces the worker cuts it into (core/pieces.ts), where the longest piece is given in wall-clock time and in
 * the CPU time this process spent on it: a block of probe images summed into an epoch's
 * gradient, the epoch's one step, the gradient probe, the activation statistics and eq. 124's norms of 1000
 * images, an SGD mini-batch of 10, a validation slice (after the evaluator has taken in the weights, also
 * in pieces), drawing the weights and the exploding-gradient preset. For the pieces it prints the
 * longest, which is what a Pause, Reset or new configuration waits for at most. One-piece times are medians
 * of a few runs; on a shared machine, figures taken under load are high.
 */
import { loadavg } from 'node:os';
import { firstExamples, PROBE_COUNT } from '../src/data/mnist';
import { loadMnist } from '../src/data/node';
import {
  ActivationStats,
  applyExplodingPreset,
  applyExplodingPresetPieces,
  Evaluator,
  GradientProbe,
  GradientSum,
  LayerFactorNorms,
  Network,
  PieceMeter,
  Trainer,
  createRng,
  simdAvailable,
  type Pieces,
} from '../src/engine';
import { blockImagesFor, validationSliceFor } from '../src/worker/model';

const layers = [784, ...Array.from({ length: 10 }, () => 1000), 10];
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void, repeats = REPEATS): number {
  const ms: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const probe = firstExamples(loadMnist().training, PROBE_COUNT);
const order = Uint32Array.from({ length: probe.count }, (_, i) => i);
const net = new Network({ layers });
net.initialize('default', createRng(1));
const block = blockImagesFor(layers);
const sum = new GradientSum(net, block);
const opts = { eta: 0.1, lambda: 5, trainingSize: probe.count };
let offset = 0;
const sliceMs = time(() => {
  sum.add(probe, order, offset, block);
  offset += block;
}, 20);
const stepRuns: number[] = [];
for (let r = 0; r < 3; r++) {
  sum.add(probe, order, 0, block);
  const t0 = performance.now();
  sum.apply(opts);
  stepRuns.push(performance.now() - t0);
}
const stepMs = median(stepRuns);
const gradientProbe = new GradientProbe(net, probe);
const probeMs = time(() => gradientProbe.run(), 3);
const stats = new ActivationStats(net, probe, gradientProbe.count);
// As the worker's snapshot does: the activations the probe holds where it has them, else a forward pass.
const statsMs = time(() => stats.measure((h) => gradientProbe.hiddenActivations(h)), 3);
const factors = new LayerFactorNorms(net, { tolerance: 1e-6 });
const sigmaPrime = gradientProbe.run().meanActivationPrime.map((a) => a.slice());
const factorsMs = time(() => factors.compute(sigmaPrime), 1);
const trainer = new Trainer(net, 10);
let batch = 0;
const batchMs = time(() => {
  trainer.step(probe, order, (batch++ % 100) * 10, 10, opts);
});

/**
 * Drives `pieces` with the worker's meter; returns the longest piece in wall-clock ms and in CPU ms (this
 * process's, which a busy machine's other processes do not inflate), the number of pieces and the total.
 */
function timePieces<T>(make: () => Pieces<T>): { longest: number; longestCpu: number; count: number; total: number } {
  const pieces = make();
  let longest = 0;
  let longestCpu = 0;
  let count = 0;
  const t0 = performance.now();
  for (;;) {
    const before = performance.now();
    const cpu = process.cpuUsage();
    const step = pieces.next();
    const used = process.cpuUsage(cpu);
    longest = Math.max(longest, performance.now() - before);
    longestCpu = Math.max(longestCpu, (used.user + used.system) / 1000);
    count++;
    if (step.done) break;
  }
  return { longest, longestCpu, count, total: performance.now() - t0 };
}

const order1 = Uint32Array.from({ length: probe.count }, (_, i) => i);
const blockPieces = timePieces(() => sum.addPieces(probe, order1, 0, block, new PieceMeter()));
sum.clear();
const probePieces = timePieces(() => gradientProbe.runPieces(new PieceMeter()));
const statsPieces = timePieces(() => stats.measurePieces((h) => gradientProbe.hiddenActivations(h), new PieceMeter()));
const factorPieces = timePieces(() => factors.computePieces(sigmaPrime, new PieceMeter()));
const batchSum = new GradientSum(net, Math.min(block, 10));
const sgdPieces = timePieces(function* () {
  const meter = new PieceMeter();
  for (let done = 0; done < 10; done += batchSum.maxChunk) yield* batchSum.addPieces(probe, order1, done, batchSum.maxChunk, meter);
  yield;
  return batchSum.apply(opts);
});
const validationImages = validationSliceFor(layers, simdAvailable());
// As the worker validates: the weights taken in once, in pieces, then slice after slice on that copy.
const evaluator = new Evaluator(net);
const preparePieces = timePieces(() => evaluator.preparePieces(new PieceMeter()));
const validationMs = time(() => evaluator.runPrepared({ ...probe, count: validationImages }), 3);
const presetNet = new Network({ layers });
const presetMs = time(() => {
  presetNet.initialize('default', createRng(3));
  applyExplodingPreset(presetNet, probe);
}, 1);
presetNet.initialize('default', createRng(3));
const presetPieces = timePieces(() => applyExplodingPresetPieces(presetNet, probe, new PieceMeter()));
const drawMs = time(() => net.initialize('default', createRng(2)), 3);
const drawPieces = timePieces(() => net.initializePieces('default', createRng(2), new PieceMeter()));
const pieceRows: [string, { longest: number; longestCpu: number; count: number; total: number }][] = [
  [`a block of ${block} images summed into an epoch`, blockPieces],
  ['gradient probe of 1000 images', probePieces],
  ['activation statistics of 1000 images', statsPieces],
  ["eq. 124's layer factor norms", factorPieces],
  ['one SGD mini-batch of 10, in blocks, and its step', sgdPieces],
  ['drawing the weights from the seed', drawPieces],
  ['the evaluator taking in the weights for a validation', preparePieces],
  ['the exploding-gradient preset', presetPieces],
];

const rows: [string, number][] = [
  [`one slice of an epoch (a block of ${block} image${block === 1 ? '' : 's'})`, sliceMs],
  ["the epoch's step, once all 1000 images are summed", stepMs],
  ['an epoch summed slice by slice (1000 images)', (sliceMs * PROBE_COUNT) / block + stepMs],
  ['gradient probe of 1000 images (one piece)', probeMs],
  ['activation statistics of 1000 images (one piece)', statsMs],
  ["eq. 124's layer factor norms (one piece)", factorsMs],
  ['one SGD mini-batch of 10 (one piece)', batchMs],
  ['the exploding-gradient preset, with drawing (one piece)', presetMs],
];
console.log(`[${layers.join(', ')}], SIMD ${simdAvailable() ? 'on' : 'off'}, load average ${loadavg()[0].toFixed(2)}`);
for (const [what, ms] of rows) console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`);
console.log('in the pieces the worker cuts them into:');
for (const [what, p] of pieceRows)
  console.log(
    `${what.padEnd(58)} longest ${p.longest.toFixed(1).padStart(6)} ms (CPU ${p.longestCpu.toFixed(1).padStart(6)} ms) of ${String(p.count).padStart(4)} pieces, ${p.total.toFixed(0)} ms in all`,
  );
console.log(`${`a validation slice of ${validationImages} images (one piece)`.padEnd(58)} ${validationMs.toFixed(1).padStart(9)} ms`);
console.log(`${"the epoch's step (one piece)".padEnd(58)} ${stepMs.toFixed(1).padStart(9)} ms`);
console.log(`${'drawing the weights from the seed (one piece)'.padEnd(58)} ${drawMs.toFixed(1).padStart(9)} ms`);

// The chapter's network: the epoch summed block by block (JavaScript loops) against one unsplit step
// (the fused WebAssembly step where SIMD runs), to show what the slicing costs where nothing needed it.
const chapter = [784, 30, 30, 30, 30, 10];
const small = new Network({ layers: chapter });
small.initialize('default', createRng(1));
const smallBlock = blockImagesFor(chapter);
const smallSum = new GradientSum(small, smallBlock);
const slicedEpochMs = time(() => {
  for (let done = 0; done < probe.count; done += smallBlock) smallSum.add(probe, order, done, Math.min(smallBlock, probe.count - done));
  smallSum.apply(opts);
});
const whole = new Trainer(small, probe.count);
const wholeEpochMs = time(() => whole.step(probe, order, 0, probe.count, opts));
console.log(`[${chapter.join(', ')}]: an epoch in blocks of ${smallBlock}`.padEnd(58), `${slicedEpochMs.toFixed(1).padStart(9)} ms`);
console.log(`[${chapter.join(', ')}]: an epoch as one step`.padEnd(58), `${wholeEpochMs.toFixed(1).padStart(9)} ms`);
