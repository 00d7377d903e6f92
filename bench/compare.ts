/**
 * This checkout's engine against another checkout's, in ONE process, taking turns block by block:
 *
 *   npx tsx bench/compare.ts --against DIR [mb100 mb10 mb10x4 probe]
 *
 * DIR is another copy of the repository (for instance `git archive <commit> | tar -x -C DIR`, with
 * node_modules linked in). On a shared machine two separate benchmark runs see different load and disagree
 * by more than a change is worth; here both engines run on the same core, interleaved, on the same images,
 * and each one's fast blocks (the 10th percentile of 300) are compared, which cancels most of the load.
 * Both sets of kernels and buffers are alive at once, so the absolute rates are a little below a run of
 * either alone: read the ratio.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as here from '../src/engine';
import { loadMnist } from '../src/data/node';

type Engine = typeof here;
type Work = { run: () => void; examples: number };

const WORKLOADS: Record<string, { layers: number[]; batch: number } | 'probe'> = {
  mb100: { layers: [784, 30, 10], batch: 100 },
  mb10: { layers: [784, 30, 10], batch: 10 },
  mb10x4: { layers: [784, 30, 30, 30, 30, 10], batch: 10 },
  probe: 'probe',
};

const args = process.argv.slice(2);
const at = args.indexOf('--against');
if (at < 0 || args[at + 1] === undefined) {
  console.error('usage: npx tsx bench/compare.ts --against DIR [mb100 mb10 mb10x4 probe]');
  process.exit(2);
}
const otherDir = resolve(args[at + 1]);
const names = args.filter((_, i) => i !== at && i !== at + 1);
for (const n of names) if (!(n in WORKLOADS)) throw new Error(`unknown workload "${n}" (expected ${Object.keys(WORKLOADS).join(', ')})`);
const other = (await import(pathToFileURL(`${otherDir}/src/engine/index.ts`).href)) as Engine;
const train = loadMnist().training;

/** SGD as bench/measure.ts runs it (default initialisation, seed 1, η 0.5, λ 5), or the 1000-image probe. */
function workOf(engine: Engine, name: string): Work {
  const spec = WORKLOADS[name];
  const net = new engine.Network({ layers: spec === 'probe' ? [784, 30, 30, 30, 30, 10] : spec.layers });
  const rng = engine.createRng(1);
  net.initialize('default', rng);
  if (spec === 'probe') {
    const probe = new engine.GradientProbe(net, train, 1000);
    return { run: () => probe.run(), examples: 1000 };
  }
  const trainer = new engine.Trainer(net, spec.batch);
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  engine.shuffle(order, rng);
  const opts = { eta: 0.5, lambda: 5, trainingSize: train.count };
  let offset = 0;
  return {
    run: () => {
      if (offset + spec.batch > train.count) offset = 0;
      trainer.step(train, order, offset, spec.batch, opts);
      offset += spec.batch;
    },
    examples: spec.batch,
  };
}

const BLOCKS = 300;
const tenth = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)];
console.log(`this checkout against ${otherDir}; 10th percentile of ${BLOCKS} interleaved blocks each`);
for (const name of names.length > 0 ? names : Object.keys(WORKLOADS)) {
  const pair = { this: workOf(here, name), other: workOf(other, name) };
  const reps = Math.max(2, Math.round(3000 / pair.this.examples));
  // past the baseline compiler before anything is timed
  for (let w = 0; w < 40 * reps; w++) {
    pair.other.run();
    pair.this.run();
  }
  const ms: Record<'this' | 'other', number[]> = { this: [], other: [] };
  for (let b = 0; b < BLOCKS; b++)
    for (const side of ['other', 'this'] as const) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) pair[side].run();
      ms[side].push((performance.now() - t0) / reps);
    }
  const [tThis, tOther] = [tenth(ms.this), tenth(ms.other)];
  const show = (t: number): string =>
    name === 'probe' ? `${t.toFixed(2)} ms/probe` : `${Math.round((1000 * pair.this.examples) / t).toLocaleString('en-US')} ex/s`;
  console.log(
    `${name.padEnd(7)} other ${show(tOther).padStart(15)}   this ${show(tThis).padStart(15)}   this is ${(tOther / tThis).toFixed(2)}× as fast`,
  );
}
