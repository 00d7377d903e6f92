import { describe, expect, it } from 'vitest';
import { checkConfig, checkSpeed, ConfigError } from '../../src/worker/acceptConfig';
import { baseConfig } from './harness';

describe('the worker accepting a configuration', () => {
  it('returns a clean copy: known fields only, layers copied', () => {
    const sent = { ...baseConfig(), extra: 'ignored' };
    const c = checkConfig(sent);
    expect(c).toEqual(baseConfig());
    expect(c.layers).not.toBe(sent.layers);
    expect('probeEvery' in c).toBe(false);
  });

  it("keeps the later cures, so the page's residual and normalisation settings reach the network", () => {
    const c = checkConfig(baseConfig({ residual: true, normalisation: 'layer' }));
    expect(c.residual).toBe(true);
    expect(c.normalisation).toBe('layer');
    expect(() => checkConfig({ ...baseConfig(), normalisation: 'batch' })).toThrow(ConfigError);
  });

  it('refuses with the first problem, as a ConfigError', () => {
    expect(() => checkConfig({ ...baseConfig(), eta: 0, seed: -1 })).toThrow(ConfigError);
    expect(() => checkConfig({ ...baseConfig(), eta: 0, seed: -1 })).toThrow(
      /^η \(learning rate\) must be a number greater than 0, got 0$/,
    );
  });

  it('lets code go beyond the η a person may type', () => {
    expect(checkConfig(baseConfig({ eta: 1e7 })).eta).toBe(1e7);
  });

  it('does not refuse an unused batch size in learning-speed mode, but does in SGD mode', () => {
    expect(checkConfig({ ...baseConfig(), batchSize: 0 }).batchSize).toBe(1000);
    expect(checkConfig({ ...baseConfig(), batchSize: 20_000 }).batchSize).toBe(1000);
    expect(checkConfig(baseConfig({ batchSize: 32 })).batchSize).toBe(32);
    expect(() => checkConfig(baseConfig({ mode: 'sgd', batchSize: 0 }))).toThrow(/mini-batch size .* got 0/);
  });

  it('checks a pace sent on its own against the same bound', () => {
    expect(checkSpeed(2.5)).toBe(2.5);
    expect(() => checkSpeed(Number.NaN)).toThrow('speed must be a number at least 1 and at most 10, got NaN');
    expect(() => checkSpeed('5')).toThrow('speed must be a number at least 1 and at most 10, got "5"');
  });
});
