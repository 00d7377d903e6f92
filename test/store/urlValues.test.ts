import { describe, expect, it } from 'vitest';
import { checkLambda, parseQuery, URL_KEYS } from '../../src/store/config';
import { parseViewQuery } from '../../src/store/view';
import { DEFAULT_CONFIG } from '../../src/config';

describe('numbers too small to tell from 0', () => {
  it('are refused for λ, the seed and μ instead of silently becoming 0', () => {
    const { config, notices } = parseQuery('?lambda=1e-400&seed=1e-400&momentum=1e-400');
    expect(config.lambda).toBe(DEFAULT_CONFIG.lambda);
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(config.momentum).toBe(DEFAULT_CONFIG.momentum);
    expect(notices).toHaveLength(3);
    for (const n of notices) expect(n).toContain('"1e-400" is too small to be told apart from 0');
    // A real zero is still zero.
    expect(parseQuery('?lambda=0e-400&momentum=0.0').config).toMatchObject({ lambda: 0, momentum: 0 });
    expect(checkLambda('1e-400').ok).toBe(false);
  });
});

describe('a huge pasted value', () => {
  const huge = 'x'.repeat(100_000);

  it('is quoted at most 40 characters long, for every key', () => {
    for (const key of URL_KEYS) {
      const { notices } = parseQuery(`?${key}=${huge}`);
      expect(notices, key).toHaveLength(1);
      expect(notices[0].length, key).toBeLessThan(260);
      expect(notices[0], key).toContain(`"${'x'.repeat(40)}…" (100,000 characters)`);
    }
    const [scale] = parseViewQuery(`?scale=${huge}`).notices;
    expect(scale).toContain(`"${'x'.repeat(40)}…" (100,000 characters)`);
  });

  it('is cut also when it is a long number or a long list of widths', () => {
    const [eta] = parseQuery(`?eta=${'9'.repeat(5000)}`).notices;
    expect(eta).toContain(`"${'9'.repeat(40)}…" (5,000 characters)`);
    const [layers] = parseQuery(`?layers=784,${'3'.repeat(300)},10`).notices;
    expect(layers.length).toBeLessThan(260);
  });
});
