import { describe, expect, it } from 'vitest';
import {
  BOUNDED_FIELDS,
  BOUNDS,
  checkField,
  checkRunConfig,
  DEFAULT_CONFIG,
  defaultConfig,
  describeRule,
  MAX_TYPED_ETA,
  showValue,
  type BoundedField,
  type RunConfig,
} from '../../src/config';

type Case = [value: unknown, ok: boolean];

/**
 * Every field at and just beyond each bound. "Just beyond" is the nearest value a person could type that
 * is out: one step for whole numbers, a hair for the others.
 */
const CASES: Record<BoundedField, Case[]> = {
  mode: [
    ['learning-speed', true],
    ['sgd', true],
    ['SGD', false],
    ['fast', false],
    ['', false],
  ],
  eta: [
    [1e-9, true],
    [0, false],
    [-1e-9, false],
    [0.1, true],
    [MAX_TYPED_ETA, true],
    [1e7, true],
    [1e300, true],
  ],
  clipNorm: [
    [0, true],
    [-1e-9, false],
    [1, true],
    [1_000_000, true],
    [1_000_000.001, false],
    [Number.NaN, false],
    ['1', false],
  ],
  lambda: [
    [0, true],
    [-1e-9, false],
    [1000, true],
    [1000.001, false],
  ],
  batchSize: [
    [1, true],
    [0, false],
    [10_000, true],
    [10_001, false],
    [2.5, false],
  ],
  seed: [
    [0, true],
    [-1, false],
    [0xffff_ffff, true],
    [0x1_0000_0000, false],
    [1.5, false],
  ],
  init: [
    ['default', true],
    ['large', true],
    ['xavier', true],
    ['he', true],
    ['huge', false],
  ],
  activation: [
    ['sigmoid', true],
    ['tanh', true],
    ['relu', true],
    ['softsign', false],
  ],
  output: [
    ['sigmoid', true],
    ['softmax', true],
    ['linear', false],
  ],
  momentum: [
    [0, true],
    [-1e-9, false],
    [0.999, true],
    [1, false],
  ],
  epochs: [
    [1, true],
    [0, false],
    [100_000, true],
    [100_001, false],
    [2.5, false],
  ],
  exploding: [
    [true, true],
    [false, true],
    [1, false],
    ['true', false],
  ],
  speed: [
    [1, true],
    [0.999, false],
    [10, true],
    [10.001, false],
    [2.5, true],
  ],
  probeEvery: [
    [1, true],
    [0, false],
    [1e9, true],
    [1.5, false],
  ],
  pauseAt: [
    [1, true],
    [0, false],
    [100_000, true],
    [100_001, false],
    [20.5, false],
  ],
  residual: [
    [true, true],
    [false, true],
    [1, false],
    ['yes', false],
  ],
  normalisation: [
    ['none', true],
    ['layer', true],
    ['batch', false],
    ['Layer', false],
  ],
};

/** Values no number field may hold, whatever its bounds. */
const NOT_NUMBERS: unknown[] = [Number.NaN, Infinity, -Infinity, '5', null, undefined, [5], { value: 5 }, true];

describe('the bounds table', () => {
  it('has a case list for every field, and every field is in the table', () => {
    expect(Object.keys(CASES).sort()).toEqual([...BOUNDED_FIELDS].sort());
  });

  for (const field of BOUNDED_FIELDS) {
    for (const [value, ok] of CASES[field]) {
      it(`${field} = ${showValue(value)} is ${ok ? 'accepted' : 'refused'}`, () => {
        const problem = checkField(field, value);
        if (ok) expect(problem).toBeNull();
        else expect(problem).toEqual({ field, message: `${describeRule(BOUNDS[field])}, got ${showValue(value)}` });
      });
    }
  }

  for (const field of BOUNDED_FIELDS.filter((f) => BOUNDS[f].kind === 'number')) {
    it(`${field} refuses anything that is not a finite number`, () => {
      for (const value of NOT_NUMBERS) expect(checkField(field, value)?.field).toBe(field);
    });
  }

  it('choices refuse anything that is not one of the names, and the flag anything not a boolean', () => {
    for (const value of [null, undefined, 0, ['sgd'], {}]) {
      expect(checkField('mode', value)).not.toBeNull();
      expect(checkField('init', value)).not.toBeNull();
      expect(checkField('exploding', value)).not.toBeNull();
    }
  });

  it('holds a typed η to the page ceiling, and code only to the table', () => {
    expect(checkField('eta', MAX_TYPED_ETA, 'typed')).toBeNull();
    expect(checkField('eta', 1.5e6, 'typed')).toEqual({
      field: 'eta',
      message: 'η (learning rate) must be a number greater than 0 and at most 1000000, got 1500000',
    });
    expect(checkField('eta', 1.5e6, 'code')).toBeNull();
    expect(checkField('eta', -1)).toEqual({ field: 'eta', message: 'η (learning rate) must be a number greater than 0, got -1' });
  });

  it('words each kind of rule', () => {
    expect(describeRule(BOUNDS.momentum)).toBe('momentum μ must be a number at least 0 and less than 1');
    expect(describeRule(BOUNDS.seed)).toBe('seed must be a whole number at least 0 and at most 4294967295');
    expect(describeRule(BOUNDS.probeEvery)).toBe('probe interval (mini-batches) must be a whole number at least 1');
    expect(describeRule(BOUNDS.init)).toBe('initialiser must be one of default, large, xavier, he, glorot-standard');
    expect(describeRule(BOUNDS.exploding)).toBe('exploding must be true or false');
  });
});

describe('checkRunConfig', () => {
  it('accepts the defaults, as typed and as code', () => {
    expect(checkRunConfig(DEFAULT_CONFIG)).toEqual([]);
    expect(checkRunConfig(DEFAULT_CONFIG, 'typed')).toEqual([]);
  });

  it('lets the cures be left out (off) but checks them when present', () => {
    expect(checkRunConfig({ ...defaultConfig(), residual: true, normalisation: 'layer' })).toEqual([]);
    expect(checkRunConfig({ ...defaultConfig(), residual: 'on', normalisation: 'batch' }).map((p) => p.field)).toEqual([
      'residual',
      'normalisation',
    ]);
  });

  it('lets probeEvery be left out but checks it when present', () => {
    expect(checkRunConfig({ ...defaultConfig(), probeEvery: 25 })).toEqual([]);
    expect(checkRunConfig({ ...defaultConfig(), probeEvery: 0 }).map((p) => p.field)).toEqual(['probeEvery']);
  });

  it('lets clipNorm be left out (no clipping) but checks it when present', () => {
    expect(checkRunConfig({ ...defaultConfig(), clipNorm: 1 })).toEqual([]);
    expect(checkRunConfig({ ...defaultConfig(), clipNorm: -1 }).map((p) => p.field)).toEqual(['clipNorm']);
  });

  it("lets pauseAt be left out, and holds it to the run's own epoch budget", () => {
    expect(checkRunConfig({ ...defaultConfig(), pauseAt: 20 })).toEqual([]);
    expect(checkRunConfig({ ...defaultConfig(), pauseAt: 500 })).toEqual([]);
    expect(checkRunConfig({ ...defaultConfig(), pauseAt: 501 })).toEqual([
      { field: 'pauseAt', message: 'pause at epoch must be a whole number from 1 to the epoch budget, 500, got 501' },
    ]);
    expect(checkRunConfig({ ...defaultConfig(), mode: 'sgd', epochs: 30, pauseAt: 31 }).map((p) => p.field)).toEqual(['pauseAt']);
    // One problem per field: a value the table refuses is not also reported against the budget.
    expect(checkRunConfig({ ...defaultConfig(), pauseAt: 0 }).map((p) => p.field)).toEqual(['pauseAt']);
  });

  it('names every bad field, in the order of the fields', () => {
    const bad = { ...defaultConfig(), layers: [784, 0, 10], eta: 0, seed: -1, speed: 11, exploding: 'yes' } as unknown as RunConfig;
    const problems = checkRunConfig(bad);
    expect(problems.map((p) => p.field)).toEqual(['layers', 'eta', 'seed', 'exploding', 'speed']);
    expect(problems[0].message).toBe('layer 2 width 0 must be between 1 and 1000');
    expect(problems[3].message).toBe('exploding must be true or false, got "yes"');
  });

  it('names a missing field', () => {
    const { lambda: _lambda, ...rest } = defaultConfig();
    expect(checkRunConfig(rest)).toEqual([
      { field: 'lambda', message: 'λ (L2 regularisation) must be a number at least 0 and at most 1000, got undefined' },
    ]);
  });

  it('takes the layer rules from the engine and asks for a hidden layer to probe', () => {
    expect(checkRunConfig({ ...defaultConfig(), layers: [100, 30, 10] })[0].message).toBe(
      'input layer must be 784 (MNIST has 28×28 pixels), got 100',
    );
    expect(checkRunConfig({ ...defaultConfig(), layers: [784, 10] })[0]).toEqual({
      field: 'layers',
      message: 'the network needs at least one hidden layer to probe, e.g. 784,30,10; got 784,10',
    });
    expect(checkRunConfig({ ...defaultConfig(), layers: '784,30,10' })[0].field).toBe('layers');
  });

  it('refuses what is not a configuration at all', () => {
    for (const value of [null, undefined, 5, 'config', [1, 2]]) {
      expect(checkRunConfig(value)).toEqual([{ field: 'config', message: `the configuration must be an object, got ${showValue(value)}` }]);
    }
  });
});
