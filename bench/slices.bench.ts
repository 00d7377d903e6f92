/**
 * How long the worker holds its thread on the largest network the lab allows, [784, 1000 × 10, 10]:
 *   npm run bench:slices
 * Times, on real MNIST, one slice of a learning-speed epoch (one block of probe images summed into the
 * epoch's gradient), the epoch's one step when every block is in, the gradient probe and the activation
 * statistics of 1000 images (not sliced), and one SGD mini-batch of 10. Each is run a few times and the
 * median is printed; on a shared machine, figures taken under load are high.
 */
import { loadavg } from 'node:os';
import { firstExamples, PROBE_COUNT } from '../src/data/mnist';
import { loadMnist } from '../src/data/node';
import { ActivationStats, GradientProbe, GradientSum, LayerFactorNorms, Network, Trainer, createRng, simdAvailable } from '../src/engine';
import { blockImagesFor } from '../src/worker/model';

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
const factorsMs = time(() => factors.compute(gradientProbe.run().meanActivationPrime), 1) - probeMs;
const trainer = new Trainer(net, 10);
let batch = 0;
const batchMs = time(() => {
  trainer.step(probe, order, (batch++ % 100) * 10, 10, opts);
});

const rows: [string, number][] = [
  [`one slice of an epoch (a block of ${block} image${block === 1 ? '' : 's'})`, sliceMs],
  ["the epoch's step, once all 1000 images are summed", stepMs],
  ['an epoch summed slice by slice (1000 images)', (sliceMs * PROBE_COUNT) / block + stepMs],
  ['gradient probe of 1000 images (one piece)', probeMs],
  ['activation statistics of 1000 images (one piece)', statsMs],
  ["eq. 124's layer factor norms (one piece)", factorsMs],
  ['one SGD mini-batch of 10 (one piece)', batchMs],
];
console.log(`[${layers.join(', ')}], SIMD ${simdAvailable() ? 'on' : 'off'}, load average ${loadavg()[0].toFixed(2)}`);
for (const [what, ms] of rows) console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms`);

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
