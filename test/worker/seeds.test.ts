import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, type ExperimentConfig } from '../../scripts/experiment-args';
import { runInitialNorms } from '../../scripts/experiment-runs';
import { firstExamples, PROBE_COUNT, type MnistSplit } from '../../src/data/mnist';
import { loadMnist } from '../../src/data/node';
import type { RunConfig } from '../../src/config';
import { SEED_COUNT } from '../../src/worker/seeds';
import { baseConfig, createHarness, ManualSource, ofType, syntheticSplit } from './harness';

function cli(argv: string[]): ExperimentConfig {
  const c = parseArgs(argv);
  if (c === 'help') throw new Error('unexpected help');
  return c;
}

/** The worker's answer to 'measure-seeds' for `config`, on the given MNIST images. */
function workerSeedNorms(config: RunConfig, split: MnistSplit, count: number) {
  const source = new ManualSource(split);
  const h = createHarness(source.load);
  h.send({ type: 'configure', runId: 1, config });
  source.deliverProbe();
  h.take();
  h.send({ type: 'measure-seeds', runId: 1, count });
  h.scheduler.flush();
  const answers = ofType(h.take(), 'seed-norms');
  expect(answers).toHaveLength(1);
  return answers[0];
}

describe('"Over 20 seeds" in the worker equals `initial-norms --seeds 20` of the command line', () => {
  let split: MnistSplit;
  beforeAll(() => {
    const data = loadMnist();
    // The probe images are all either side needs: the first 1000 training images.
    split = { training: firstExamples(data.training, PROBE_COUNT), validation: data.validation, test: data.test };
  });

  it.each([
    [
      'the book’s four hidden layers',
      baseConfig({ layers: [784, 30, 30, 30, 30, 10], seed: 1 }),
      ['--layers', '784,30,30,30,30,10', '--seed', '1'],
      SEED_COUNT,
    ],
    [
      'ten hidden layers with both cures, from seed 7',
      baseConfig({ layers: [784, ...Array(10).fill(30), 10], seed: 7, residual: true, normalisation: 'layer' }),
      ['--layers', `784,${Array(10).fill(30).join(',')},10`, '--seed', '7', '--residual', '--layernorm'],
      // Cured networks take the JavaScript passes, ten times slower: five seeds make the same point.
      5,
    ],
    [
      'ReLU with He initialisation, exploding preset',
      baseConfig({ layers: [784, 30, 30, 10], activation: 'relu', init: 'he', exploding: true }),
      ['--layers', '784,30,30,10', '--activation', 'relu', '--init', 'he', '--preset', 'exploding'],
      SEED_COUNT,
    ],
  ] as const)('%s', (_, config, argv, count) => {
    const answer = workerSeedNorms(config, split, count);
    const expected = runInitialNorms(cli(['initial-norms', ...argv, '--seeds', String(count)]), split.training);
    expect(answer.firstSeed).toBe(config.seed);
    expect(expected.seeds[0]).toBe(config.seed);
    // The same float32 arithmetic on the same weights: equal to the last bit, not merely close.
    expect(answer.norms).toEqual(expected.norms);
    expect(answer.norms).toHaveLength(count);
  });
});

describe('the seed sweep in the worker', () => {
  it('measures between chunks of a running run, one seed per unit, and the run goes on', () => {
    const source = new ManualSource(syntheticSplit());
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig({ speed: 10 }) });
    source.deliverProbe();
    h.send({ type: 'start', runId: 1 });
    h.send({ type: 'measure-seeds', runId: 1, count: 5 });
    h.take();
    // Every unit the scheduler runs is either a chunk of training or one seed: after a few units the run has
    // posted snapshots although the sweep has not finished.
    for (let i = 0; i < 3; i++) h.scheduler.runNext();
    const early = h.take();
    expect(ofType(early, 'seed-norms')).toHaveLength(0);
    h.scheduler.runUntil(300);
    const later = h.take();
    const answerAt = later.findIndex((m) => m.type === 'seed-norms');
    // Training went on while the seeds were measured: snapshots before the answer.
    expect(later.slice(0, answerAt).filter((m) => m.type === 'snapshot').length).toBeGreaterThan(0);
    const answers = ofType(later, 'seed-norms');
    expect(answers).toHaveLength(1);
    expect(answers[0].norms).toHaveLength(5);
    for (const row of answers[0].norms) expect(row).toHaveLength(2);
    h.send({ type: 'pause', runId: 1 });
  });

  it('abandons a sweep when the run is replaced, and refuses a bad count or a sweep before the images', () => {
    const source = new ManualSource(syntheticSplit());
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig() });
    h.send({ type: 'measure-seeds', runId: 1, count: 3 });
    expect(ofType(h.take(), 'error').map((e) => e.message)).toEqual([
      'cannot measure other seeds yet: the first 1000 training images have not arrived',
    ]);
    source.deliverProbe();
    h.send({ type: 'measure-seeds', runId: 1, count: 0 });
    h.send({ type: 'measure-seeds', runId: 1, count: 2.5 });
    expect(ofType(h.take(), 'error')).toHaveLength(2);
    h.send({ type: 'measure-seeds', runId: 1, count: 3 });
    h.scheduler.runNext();
    h.send({ type: 'configure', runId: 2, config: baseConfig({ seed: 4 }) });
    h.scheduler.flush();
    expect(ofType(h.take(), 'seed-norms')).toHaveLength(0);
    h.send({ type: 'measure-seeds', runId: 2, count: 3 });
    h.scheduler.flush();
    const answers = ofType(h.take(), 'seed-norms');
    expect(answers.map((a) => [a.runId, a.firstSeed, a.norms.length])).toEqual([[2, 4, 3]]);
  });
});
