import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type ExperimentConfig } from '../../scripts/experiment-args';
import { probeOffsets } from '../../scripts/experiment-saturation';

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function config(argv: string[]): ExperimentConfig {
  const c = parseArgs(argv);
  if (c === 'help') throw new Error('unexpected help');
  return c;
}

describe('saturation options', () => {
  it("defaults to Glorot & Bengio's network: four hidden layers of 1000, their standard initialisation, no weight decay", () => {
    const c = config(['saturation']);
    expect(c.layers).toEqual([784, 1000, 1000, 1000, 1000, 10]);
    expect(c.init).toBe('glorot-standard');
    expect(c).toMatchObject({ activation: 'sigmoid', eta: 0.1, lambda: 0, batch: 10, epochs: 5, trainingSize: 50_000, probesPerEpoch: 10 });
  });

  it('refuses --train and --probes outside saturation, and values out of range', () => {
    const refusal = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (err) {
        if (err instanceof UsageError) return err.message;
      }
      return null;
    };
    expect(refusal(['accuracy', '--train', '100'])).toBe('--train applies to saturation only, not to accuracy');
    expect(refusal(['saturation', '--train', '0'])).toBe('--train 0 must be a whole number from 1 to 50000');
    expect(refusal(['saturation', '--probes', '2.5'])).toBe('--probes 2.5 must be a whole number from 1 to 1000');
    expect(refusal(['saturation', '--train', '5', '--batch', '10'])).toMatch(/more than the 5 images --train keeps/);
  });

  it('spreads the measurements evenly over an epoch, the last at its end', () => {
    expect(probeOffsets(20, 4)).toEqual([5, 10, 15, 20]);
    expect(probeOffsets(3, 10)).toEqual([1, 2, 3]);
  });
});

describe('npm run experiment -- saturation --json', () => {
  it('prints one JSON object: per probe, per hidden layer mean, percentiles and saturated share', () => {
    const r = spawnSync(
      tsx,
      ['scripts/experiment.ts', 'saturation', '--layers', '784,20,15,10', '--train', '200', '--epochs', '2', '--probes', '2', '--json'],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.experiment).toBe('saturation');
    expect(out.layers).toEqual([784, 20, 15, 10]);
    expect(out.epochs).toEqual([0, 0.5, 1, 1.5, 2]);
    for (const key of ['mean', 'p02', 'p50', 'p98', 'saturated']) {
      expect(out[key]).toHaveLength(5);
      for (const row of out[key]) {
        expect(row).toHaveLength(2);
        for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
    for (let t = 0; t < 5; t++) {
      for (let h = 0; h < 2; h++) {
        expect(out.p02[t][h]).toBeLessThanOrEqual(out.p50[t][h]);
        expect(out.p50[t][h]).toBeLessThanOrEqual(out.p98[t][h]);
        expect(out.p98[t][h]).toBeLessThanOrEqual(1);
      }
    }
    // Glorot & Bengio's standard initialisation: U[−1/√n, 1/√n], zero biases, so layer 1 starts centred on σ(0) = ½.
    expect(out.mean[0][0]).toBeGreaterThan(0.45);
    expect(out.mean[0][0]).toBeLessThan(0.55);
    expect(out.settings).toMatchObject({ init: 'glorot-standard', output: 'softmax', trainingSize: 200, probeSize: 1000 });
    expect(out.validationAccuracy).toHaveLength(2);
  });
});
