import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstExamples, MNIST_FILES, type MnistSplit } from '../../src/data/mnist';
import { defaultMnistDir, loadMnist } from '../../src/data/node';
import { parseArgs, UsageError, type ExperimentConfig } from '../../scripts/experiment-args';
import {
  epochsToShow,
  formatNorm,
  formatResult,
  median,
  runAccuracy,
  runInitialNorms,
  runTrainingSpeed,
} from '../../scripts/experiment-runs';
import { main } from '../../scripts/experiment';

const root = resolve(__dirname, '../..');

/** Settings whose training goes to infinity within a few steps: ReLU, which does not saturate, and a huge η. */
const DIVERGING = ['--layers', '784,10,10', '--activation', 'relu', '--eta', '1000000'];
/** training-speed with them: ‖δˡ‖ is finite before epochs 0-2 and not finite from epoch 3. */
const DIVERGING_SPEED = ['training-speed', '--layers', '784,10,10,10', '--activation', 'relu', '--eta', '1000000', '--epochs', '5'];

function config(argv: string[]): ExperimentConfig {
  const c = parseArgs(argv);
  if (c === 'help') throw new Error('unexpected help');
  return c;
}

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('parseArgs', () => {
  it("fills in the chapter's settings for each experiment", () => {
    expect(config(['accuracy'])).toEqual({
      experiment: 'accuracy',
      layers: [784, 30, 30, 10],
      seed: 1,
      seeds: 1,
      epochs: 30,
      dataDir: null,
      json: false,
      preset: null,
      init: 'default',
      activation: 'sigmoid',
      eta: 0.1,
      lambda: 5,
      batch: 10,
      momentum: 0,
      clip: 0,
      residual: false,
      layerNorm: false,
    });
    expect(config(['training-speed'])).toMatchObject({ epochs: 500, batch: 1000, eta: 0.1, lambda: 5 });
    expect(config(['initial-norms', '--seeds', '20', '--seed=7'])).toMatchObject({ seeds: 20, seed: 7, epochs: 0 });
  });

  it('reads every option', () => {
    const c = config([
      'accuracy',
      '--layers',
      '784, 30,30,30 ,10',
      '--epochs',
      '2',
      '--data',
      'some/dir',
      '--json',
      '--preset',
      'exploding',
      '--init=xavier',
      '--activation',
      'tanh',
      '--eta',
      '0.5',
      '--lambda',
      '0',
      '--batch',
      '32',
      '--momentum',
      '0.9',
      '--clip',
      '2.5',
      '--residual',
      '--layernorm',
    ]);
    expect(c).toMatchObject({
      layers: [784, 30, 30, 30, 10],
      epochs: 2,
      dataDir: 'some/dir',
      json: true,
      preset: 'exploding',
      init: 'xavier',
      activation: 'tanh',
      eta: 0.5,
      lambda: 0,
      batch: 32,
      momentum: 0.9,
      clip: 2.5,
      residual: true,
      layerNorm: true,
    });
    expect(parseArgs(['--help'])).toBe('help');
    expect(usageError(['accuracy', '--residual=1'])).toBe('--residual takes no value, got "1"');
  });

  it('names the bad value in one line', () => {
    expect(usageError(['accuracy', '--layers', '784,0,10'])).toBe('--layers: layer 2 width 0 must be between 1 and 1000');
    expect(usageError(['accuracy', '--layers', '784,-3,10'])).toBe('--layers: layer 2 width -3 must be between 1 and 1000');
    expect(usageError(['accuracy', '--layers', '784,abc,10'])).toBe('--layers: layer 2 width "abc" is not a whole number');
    expect(usageError(['accuracy', '--layers', '100,30,10'])).toBe('--layers: input layer must be 784 (MNIST has 28×28 pixels), got 100');
    expect(usageError(['accuracy', '--layers', '784,30,7'])).toBe('--layers: output layer must be 10 (digits 0-9), got 7');
    expect(usageError(['accuracy', '--layers', '784,10'])).toContain('has none');
    expect(usageError(['speed'])).toBe('unknown experiment "speed" (expected initial-norms, training-speed, accuracy, saturation)');
    expect(usageError(['accuracy', '--init', 'glorot'])).toBe(
      'unknown init "glorot" (expected default, large, xavier, he, glorot-standard)',
    );
    expect(usageError(['accuracy', '--activation', 'softsign'])).toBe('unknown activation "softsign" (expected sigmoid, tanh, relu)');
    expect(usageError(['accuracy', '--preset', 'vanishing'])).toBe('unknown preset "vanishing" (expected exploding)');
    expect(usageError(['accuracy', '--lr', '0.1'])).toBe('unknown option --lr (see --help)');
    expect(usageError(['accuracy', '--eta', 'abc'])).toBe('--eta "abc" is not a number');
    expect(usageError(['accuracy', '--eta', '-1'])).toBe('--eta -1 must be a positive number');
    expect(usageError(['accuracy', '--momentum', '1'])).toBe('--momentum 1 must be at least 0 and below 1');
    expect(usageError(['accuracy', '--clip', '-1'])).toBe('--clip -1 must be a number ≥ 0 (0 is no clipping)');
    expect(usageError(['initial-norms', '--clip', '1'])).toContain('--clip does not apply to initial-norms');
    expect(usageError(['accuracy', '--epochs', '2.5'])).toBe('--epochs 2.5 must be a whole number from 1 to 100000');
    expect(usageError(['accuracy', '--batch', '0'])).toBe('--batch 0 must be a whole number from 1 to 50000');
    expect(usageError(['accuracy', '--seeds', '3'])).toBe(
      '--seeds applies to initial-norms and training-speed, not to accuracy (run it once per --seed)',
    );
    expect(usageError(['initial-norms', '--epochs', '3'])).toContain('--epochs does not apply to initial-norms');
    expect(usageError(['accuracy', '--eta'])).toBe('--eta needs a value');
    expect(usageError(['accuracy', '--eta', '1', '--eta', '2'])).toBe('--eta is given twice');
    expect(usageError([])).toBe('no experiment named (expected initial-norms, training-speed, accuracy, saturation)');
    expect(usageError(['accuracy', 'extra'])).toBe('unexpected argument "extra"');
  });

  it('refuses a mini-batch larger than the images the experiment trains on, instead of shrinking it', () => {
    expect(usageError(['accuracy', '--batch', '50001'])).toBe(
      '--batch 50001 is more than the 50000 images accuracy trains on; the largest mini-batch is 50000',
    );
    expect(usageError(['accuracy', '--batch', '60000'])).toContain('--batch 60000 is more than the 50000 images');
    expect(usageError(['training-speed', '--batch', '5000'])).toBe(
      '--batch 5000 is more than the 1000 images training-speed trains on; the largest mini-batch is 1000',
    );
    expect(config(['accuracy', '--batch', '50000']).batch).toBe(50_000);
    expect(config(['training-speed', '--batch', '1000']).batch).toBe(1000);
  });
});

describe('experiments on real MNIST', () => {
  let data: MnistSplit;
  beforeAll(() => {
    data = loadMnist();
  });

  it('initial-norms: one row of hidden-layer norms per seed, medians per layer, reproducible', () => {
    const c = config(['initial-norms', '--layers', '784,20,20,10', '--seeds', '3', '--seed', '5']);
    const r = runInitialNorms(c, data.training);
    expect(r.experiment).toBe('initial-norms');
    expect(r.seeds).toEqual([5, 6, 7]);
    expect(r.norms).toHaveLength(3);
    for (const row of r.norms) {
      expect(row).toHaveLength(2);
      for (const v of row) expect(v).toBeGreaterThan(0);
      // The vanishing gradient at initialisation: the earlier layer learns more slowly.
      expect(row[0]!).toBeLessThan(row[1]!);
    }
    expect(r.median[0]).toBe(median(r.norms.map((row) => row[0])));
    expect(runInitialNorms(c, data.training).norms).toEqual(r.norms);
    const json = JSON.parse(JSON.stringify(r));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['experiment', 'layers', 'seeds', 'norms', 'median']));
  });

  it('initial-norms with --residual and --layernorm measures the cured network, and says so', () => {
    const layers = ['--layers', '784,20,20,20,20,10', '--seed', '3'];
    const plain = runInitialNorms(config(['initial-norms', ...layers]), data.training);
    const cured = runInitialNorms(config(['initial-norms', ...layers, '--residual', '--layernorm']), data.training);
    expect(cured.settings).toMatchObject({ residual: true, normalisation: 'layer' });
    expect(plain.settings).toMatchObject({ residual: false, normalisation: 'none' });
    expect(cured.norms[0]).not.toEqual(plain.norms[0]);
    expect(formatResult(cured)).toContain('residual, layer norm');
  });

  it('training-speed: norms before each epoch, starting from the untrained network', () => {
    const c = config(['training-speed', '--layers', '784,10,10,10', '--epochs', '2', '--seed', '5']);
    const r = runTrainingSpeed(c, data.training);
    expect(r).toMatchObject({ experiment: 'training-speed', layers: [784, 10, 10, 10], seed: 5 });
    expect(r.norms).toHaveLength(2);
    expect(r.norms[0]).toHaveLength(2);
    expect(r.settings).toMatchObject({ eta: 0.1, lambda: 5, batch: 1000, trainingSize: 1000 });
    // Epoch 0 is measured before any training, so it equals initial-norms for the same seed.
    const initial = runInitialNorms(config(['initial-norms', '--layers', '784,10,10,10', '--seed', '5']), data.training);
    expect(r.norms[0]).toEqual(initial.norms[0]);
    // One full-batch step changes the network.
    expect(r.norms[1]).not.toEqual(r.norms[0]);
    const text = formatResult(r).split('\n');
    expect(text[1]).toMatch(/^epoch\s+‖δ¹‖\s+‖δ²‖\s+last\/first$/);
    expect(text[2].startsWith(`0      ${formatNorm(r.norms[0][0])}`)).toBe(true);
    expect(text).toHaveLength(5);
  });

  it('training-speed --seeds: each seed its own series, the same as run alone, and the median epoch by epoch', () => {
    const args = ['training-speed', '--layers', '784,10,10,10', '--epochs', '3'];
    const r = runTrainingSpeed(config([...args, '--seed', '4', '--seeds', '3']), data.training);
    expect(r.seeds).toEqual([4, 5, 6]);
    expect(r.perSeed.map((p) => p.seed)).toEqual([4, 5, 6]);
    for (const p of r.perSeed) {
      const alone = runTrainingSpeed(config([...args, '--seed', String(p.seed)]), data.training);
      expect(p.norms).toEqual(alone.norms);
      expect(p.divergedAtEpoch).toBeNull();
    }
    expect(r.norms).toEqual(r.perSeed[0].norms);
    expect(r.median).toHaveLength(3);
    for (let e = 0; e < 3; e++)
      for (let h = 0; h < 2; h++) {
        const sorted = r.perSeed.map((p) => p.norms[e][h] as number).sort((a, b) => a - b);
        expect(r.median[e][h]).toBe(sorted[1]);
      }
    // The readable table is the median's, and the last line gives each seed's last/first ratio.
    const text = formatResult(r).split('\n');
    expect(text[0]).toContain('median of seeds 4-6');
    expect(text[2].startsWith(`0      ${formatNorm(r.median[0][0])}`)).toBe(true);
    expect(text[5]).toMatch(/^last\/first before epoch 2, seed by seed: 4: [\d.]+×, 5: [\d.]+×, 6: [\d.]+×$/);
  });

  it('training-speed with the exploding preset: clipping at 0.1 keeps every layer learning where plain steps saturate it', () => {
    const args = ['training-speed', '--layers', '784,30,30,30,30,10', '--epochs', '3', '--preset', 'exploding'];
    const plain = runTrainingSpeed(config(args), data.training);
    const clipped = runTrainingSpeed(config([...args, '--clip', '0.1']), data.training);
    expect(clipped.settings.clipNorm).toBe(0.1);
    // Same start: clipping only changes the steps.
    expect(clipped.norms[0]).toEqual(plain.norms[0]);
    const last = (r: typeof plain) => r.norms[r.norms.length - 1];
    // After the huge first step, the first hidden layer's gradient has all but vanished without clipping.
    expect(last(plain)[0]!).toBeLessThan(1e-6);
    for (const v of last(clipped)) expect(v!).toBeGreaterThan(1e-4);
    expect(formatResult(clipped).split('\n')[0]).toContain('gradient clipped at ‖∇‖ ≤ 0.1');
  });

  it('accuracy: a fraction per epoch, and the best of them', () => {
    const c = config(['accuracy', '--layers', '784,10,10', '--epochs', '2', '--eta', '0.5']);
    const small = { training: firstExamples(data.training, 2000), validation: firstExamples(data.validation, 500) };
    const lines: string[] = [];
    const r = runAccuracy(c, small, (line) => lines.push(line));
    expect(r).toMatchObject({ experiment: 'accuracy', layers: [784, 10, 10], seed: 1, validationCount: 500 });
    expect(r.accuracy).toHaveLength(2);
    expect(r.best).toBe(Math.max(...r.accuracy));
    expect(r.accuracy[r.bestEpoch - 1]).toBe(r.best);
    // Far above the 10% of guessing after 400 mini-batches.
    expect(r.best).toBeGreaterThan(0.5);
    expect(r.settings.trainingSize).toBe(2000);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^epoch 1\/2: validation \d+\.\d\d%/);
    expect(formatResult(r)).toContain(`best ${(100 * r.best).toFixed(2)}% at epoch ${r.bestEpoch} of 2`);
    expect(r.divergedAtEpoch).toBeNull();
  });

  it('accuracy refuses a mini-batch larger than a smaller data set, rather than shrinking it', () => {
    const small = { training: firstExamples(data.training, 2000), validation: firstExamples(data.validation, 500) };
    const c = config(['accuracy', '--layers', '784,10,10', '--epochs', '1', '--batch', '3000']);
    expect(() => runAccuracy(c, small)).toThrow(
      new UsageError('--batch 3000 is more than the 2000 images accuracy trains on; the largest mini-batch is 2000'),
    );
  });

  it('training-speed and accuracy record the epoch from which training diverged', () => {
    const speed = runTrainingSpeed(config([...DIVERGING_SPEED]), data.training);
    expect(speed.divergedAtEpoch).toBe(3);
    expect(speed.norms[2].every((v) => v !== null)).toBe(true);
    expect(speed.norms[3]).toEqual([null, null]);
    const small = { training: firstExamples(data.training, 2000), validation: firstExamples(data.validation, 500) };
    const accuracy = runAccuracy(config(['accuracy', ...DIVERGING, '--epochs', '2']), small);
    expect(accuracy.divergedAtEpoch).toBe(1);
    expect(accuracy.trainingCost).toEqual([null, null]);
  });
});

describe('formatting', () => {
  it('prints norms to three figures and says when one is not finite', () => {
    expect(formatNorm(0.058512)).toBe('0.0585');
    expect(formatNorm(0.00002)).toBe('2.00e-5');
    expect(formatNorm(null)).toBe('not finite');
    expect(median([3, null, 1, 2, 10])).toBe(2.5);
    expect(median([null])).toBeNull();
  });

  it('shows every epoch of a short run and a selection of a long one', () => {
    expect(epochsToShow(3)).toEqual([0, 1, 2]);
    expect(epochsToShow(500)).toEqual([0, 1, 2, 3, 4, 50, 100, 150, 200, 250, 300, 350, 400, 450, 499]);
  });
});

describe('main', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  function capture(argv: string[]): { code: number; out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(argv, { out: (t) => out.push(t), err: (l) => err.push(l) });
    return { code, out, err };
  }

  it('prints the usage on --help', () => {
    const { code, out } = capture(['--help']);
    expect(code).toBe(0);
    expect(out.join('')).toContain('usage: npm run experiment -- <experiment> [options]');
  });

  it('prints a readable table without --json', () => {
    const { code, out } = capture(['initial-norms', '--layers', '784,30,30,10', '--seeds', '3']);
    expect(code).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines[1]).toMatch(/^seed\s+‖δ¹‖\s+‖δ²‖$/);
    expect(lines[5]).toMatch(/^median\s+\d/);
    expect(lines[6]).toMatch(/^ratio\s+\d+\.\d+×$/);
  });

  it('prints JSON on --json', () => {
    const { code, out } = capture(['initial-norms', '--layers', '784,30,30,10', '--seeds', '2', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.experiment).toBe('initial-norms');
    expect(json.layers).toEqual([784, 30, 30, 10]);
    expect(json.seeds).toEqual([1, 2]);
    expect(json.norms).toHaveLength(2);
    expect(json.median).toHaveLength(2);
  });

  it('reports a corrupt file in --data in one line, exit code 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-cli-'));
    folders.push(dir);
    for (const name of Object.values(MNIST_FILES)) {
      if (name !== MNIST_FILES.trainLabels) symlinkSync(join(defaultMnistDir(), name), join(dir, name));
    }
    const labels = new Uint8Array(readFileSync(join(defaultMnistDir(), MNIST_FILES.trainLabels)));
    labels[8 + 37] = 12;
    writeFileSync(join(dir, MNIST_FILES.trainLabels), labels);
    const { code, out, err } = capture(['initial-norms', '--data', dir]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(['experiment: train-labels-idx1-ubyte: label 12 at index 37 is not a digit 0-9']);
  });

  it('a diverged training-speed run prints what it measured, then fails with exit code 3', () => {
    const { code, out, err } = capture([...DIVERGING_SPEED]);
    expect(code).toBe(3);
    expect(out.join('\n')).toContain('warning: from epoch 3 a gradient norm is not finite: training diverged');
    expect(err.at(-1)).toBe('experiment: training-speed diverged: from epoch 3 a gradient norm is not finite (try a smaller --eta)');
  });

  it('a diverged accuracy run prints what it measured, then fails with exit code 3', () => {
    const { code, out, err } = capture(['accuracy', ...DIVERGING, '--epochs', '1', '--batch', '100']);
    expect(code).toBe(3);
    expect(out.join('\n')).toMatch(/^best \d+\.\d\d% at epoch 1 of 1/m);
    expect(err.at(-1)).toBe('experiment: accuracy diverged: from epoch 1 the training cost is not finite (try a smaller --eta)');
  });

  describe('with --json, a failure is one JSON line on stdout as well', () => {
    it('a bad option: exit code 2', () => {
      const { code, out, err } = capture(['accuracy', '--json', '--batch', '60000']);
      expect(code).toBe(2);
      const message = '--batch 60000 is more than the 50000 images accuracy trains on; the largest mini-batch is 50000';
      expect(out).toEqual([JSON.stringify({ error: message, exitCode: 2 })]);
      expect(err).toEqual([`experiment: ${message}`]);
      // Found even when the mistake comes before --json, or is the experiment's name itself.
      expect(JSON.parse(capture(['speed', '--json']).out[0])).toEqual({
        error: 'unknown experiment "speed" (expected initial-norms, training-speed, accuracy, saturation)',
        exitCode: 2,
      });
    });

    it('unusable data: exit code 1', () => {
      const dir = mkdtempSync(join(tmpdir(), 'mnist-cli-'));
      folders.push(dir);
      const { code, out } = capture(['initial-norms', '--json', '--data', dir]);
      expect(code).toBe(1);
      expect(out).toHaveLength(1);
      expect(JSON.parse(out[0])).toEqual({ error: `train-labels-idx1-ubyte: not found in ${dir}`, exitCode: 1 });
    });

    it('a diverged run: the measurements, with the error and exit code 3 beside them', () => {
      const { code, out } = capture([...DIVERGING_SPEED, '--json']);
      expect(code).toBe(3);
      expect(out).toHaveLength(1);
      const json = JSON.parse(out[0]);
      expect(json).toMatchObject({
        experiment: 'training-speed',
        divergedAtEpoch: 3,
        error: 'training-speed diverged: from epoch 3 a gradient norm is not finite (try a smaller --eta)',
        exitCode: 3,
      });
      expect(json.norms).toHaveLength(5);
    });

    it('a run that did not diverge carries no error', () => {
      const { code, out } = capture(['training-speed', '--json', '--layers', '784,10,10,10', '--epochs', '2']);
      expect(code).toBe(0);
      const json = JSON.parse(out[0]);
      expect(json.divergedAtEpoch).toBeNull();
      expect(json).not.toHaveProperty('error');
    });
  });
});

describe('the command line', () => {
  // The local tsx binary (what `npx tsx` runs), so npm's own notices do not mix into stderr.
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  function cli(args: string[]): { status: number | null; stdout: string; stderrLines: string[] } {
    const r = spawnSync(tsx, ['scripts/experiment.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderrLines: r.stderr.split('\n').filter((l) => l !== '') };
  }

  it('a width of 0: exit 2, one line naming it', () => {
    const r = cli(['accuracy', '--layers', '784,0,10']);
    expect(r.status).toBe(2);
    expect(r.stderrLines).toEqual(['experiment: --layers: layer 2 width 0 must be between 1 and 1000']);
    expect(r.stdout).toBe('');
  });

  it('a non-numeric eta: exit 2, one line naming it', () => {
    const r = cli(['training-speed', '--eta', 'abc']);
    expect(r.status).toBe(2);
    expect(r.stderrLines).toEqual(['experiment: --eta "abc" is not a number']);
  });

  it('a mini-batch larger than the training set: exit 2, one line naming the value and the limit', () => {
    const r = cli(['accuracy', '--batch', '60000']);
    expect(r.status).toBe(2);
    expect(r.stderrLines).toEqual([
      'experiment: --batch 60000 is more than the 50000 images accuracy trains on; the largest mini-batch is 50000',
    ]);
    expect(r.stdout).toBe('');
  });

  it('a diverged run: exit 3, and with --json the error on stdout too', () => {
    const r = cli([...DIVERGING_SPEED, '--json']);
    expect(r.status).toBe(3);
    expect(r.stderrLines.at(-1)).toBe(
      'experiment: training-speed diverged: from epoch 3 a gradient norm is not finite (try a smaller --eta)',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ divergedAtEpoch: 3, exitCode: 3 });
  });

  it('a missing data folder: exit 1, one line naming the file and the folder', () => {
    const missing = join(tmpdir(), 'no-such-mnist-folder');
    const r = cli(['initial-norms', '--data', missing]);
    expect(r.status).toBe(1);
    expect(r.stderrLines).toEqual([`experiment: train-labels-idx1-ubyte: not found in ${missing}`]);
  });
});
