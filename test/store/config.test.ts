import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config';
import { checkEta, checkHiddenWidth, checkLayers, describeDifference, parseQuery, serialiseQuery } from '../../src/store/config';

describe('URL query string', () => {
  it('gives the defaults for an empty query', () => {
    const { config, notices } = parseQuery('');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toEqual([]);
  });

  it('round-trips every mirrored field', () => {
    const config = {
      ...DEFAULT_CONFIG,
      layers: [784, 100, 30, 30, 10],
      mode: 'sgd' as const,
      eta: 0.25,
      lambda: 0,
      batchSize: 32,
      seed: 42,
      init: 'he' as const,
      activation: 'relu' as const,
      momentum: 0.9,
      exploding: true,
      speed: 7,
      pauseAt: 12,
    };
    const search = serialiseQuery(config);
    expect(search).toBe(
      '?layers=784,100,30,30,10&mode=sgd&eta=0.25&lambda=0&batch=32&seed=42&init=he&activation=relu&momentum=0.9&exploding=1&speed=fast&pauseAt=12',
    );
    const parsed = parseQuery(search);
    expect(parsed.notices).toEqual([]);
    expect(parsed.config).toEqual({ ...config, epochs: 30 });
  });

  it('mirrors gradient-norm clipping as clip=c only when it is on, and refuses a negative threshold', () => {
    const on = { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers], exploding: true, clipNorm: 1 };
    const search = serialiseQuery(on);
    expect(search.endsWith('&exploding=1&speed=lesson&clip=1')).toBe(true);
    expect(parseQuery(search).config.clipNorm).toBe(1);
    expect(serialiseQuery({ ...on, clipNorm: 0 })).not.toContain('clip');
    const bad = parseQuery('?clip=-2');
    expect(bad.config.clipNorm ?? 0).toBe(0);
    expect(bad.notices).toEqual([
      'Ignored URL parameter "clip": Gradient-norm clipping threshold must be a number at least 0 and at most 1000000, got -2. Using the default, 0.',
    ]);
    expect(describeDifference(on, { ...on, clipNorm: 0 })).toBe('clip 1');
  });

  it('round-trips the Glorot "standard" initialiser as init=glorot-standard and names it in comparisons', () => {
    const config = { ...DEFAULT_CONFIG, layers: [784, 1000, 1000, 1000, 1000, 10], init: 'glorot-standard' as const };
    const search = serialiseQuery(config);
    expect(search).toContain('&init=glorot-standard&');
    const parsed = parseQuery(search);
    expect(parsed.notices).toEqual([]);
    expect(parsed.config.init).toBe('glorot-standard');
    expect(parsed.config.layers).toEqual([784, 1000, 1000, 1000, 1000, 10]);
    expect(describeDifference(config, DEFAULT_CONFIG)).toContain('Glorot "standard"');
    expect(parseQuery('?init=glorot').notices.find((n) => n.includes('"init"'))).toMatch(/glorot-standard/);
  });

  it('writes no pause when none is planned', () => {
    expect(serialiseQuery(DEFAULT_CONFIG)).toMatch(/&speed=lesson$/);
  });

  it('reads a pace by name, in any case', () => {
    expect(parseQuery('?speed=Brisk').config.speed).toBe(4);
    expect(parseQuery('?speed=full').config.speed).toBe(10);
    expect(parseQuery('?speed=lesson').notices).toEqual([]);
  });

  it('takes an old numeric speed to the nearest named pace and says so', () => {
    const old = parseQuery('?speed=5');
    expect(old.config.speed).toBe(4);
    expect(old.notices).toEqual(['URL parameter "speed=5" is read as the nearest named pace, Brisk.']);
    // A number that is a named point needs no notice.
    expect(parseQuery('?speed=7')).toEqual({ config: { ...DEFAULT_CONFIG, speed: 7 }, notices: [] });
    expect(parseQuery('?speed=9').config.speed).toBe(10);
    expect(parseQuery('?speed=1').config.speed).toBe(2);
  });

  it('refuses a speed off the scale or no pace at all, keeping the default pace', () => {
    const { config, notices } = parseQuery('?speed=11');
    expect(config.speed).toBe(DEFAULT_CONFIG.speed);
    expect(notices).toEqual([
      'Ignored URL parameter "speed": Speed must be a number at least 1 and at most 10, got 11. Using the default, lesson.',
    ]);
    expect(parseQuery('?speed=crawl').notices[0]).toBe(
      'Ignored URL parameter "speed": speed must be one of lesson, brisk, fast, full or a number from 1 to 10, got "crawl". Using the default, lesson.',
    );
  });

  it("reads pauseAt as a whole number within the mode's epoch budget", () => {
    expect(parseQuery('?pauseAt=20').config.pauseAt).toBe(20);
    expect(parseQuery('?pauseAt=500').config.pauseAt).toBe(500);
    for (const [query, notice] of [
      [
        '?pauseAt=0',
        'Ignored URL parameter "pauseAt": Pause at epoch must be a whole number at least 1 and at most 100000, got 0. Using the default, no planned pause.',
      ],
      [
        '?pauseAt=2.5',
        'Ignored URL parameter "pauseAt": Pause at epoch must be a whole number at least 1 and at most 100000, got 2.5. Using the default, no planned pause.',
      ],
      [
        '?pauseAt=501',
        'Ignored URL parameter "pauseAt": Pause at epoch must be a whole number from 1 to the epoch budget, 500, got 501. Using the default, no planned pause.',
      ],
      [
        '?mode=sgd&pauseAt=31',
        'Ignored URL parameter "pauseAt": Pause at epoch must be a whole number from 1 to the epoch budget, 30, got 31. Using the default, no planned pause.',
      ],
    ]) {
      const parsed = parseQuery(query);
      expect(parsed.config.pauseAt, query).toBeUndefined();
      expect('pauseAt' in parsed.config, query).toBe(false);
      expect(parsed.notices, query).toEqual([notice]);
    }
  });

  it('mirrors the cures as residual=1 and norm=layer, written only when on', () => {
    const config = { ...DEFAULT_CONFIG, layers: [784, 30, 30, 10], residual: true, normalisation: 'layer' as const };
    const search = serialiseQuery(config);
    expect(search).toMatch(/&residual=1&norm=layer$/);
    expect(parseQuery(search).config).toMatchObject({ residual: true, normalisation: 'layer' });
    expect(serialiseQuery({ ...config, residual: false, normalisation: 'none' })).not.toMatch(/residual|norm/);
    const bad = parseQuery('?residual=perhaps&norm=batch');
    expect(bad.config.residual).toBeUndefined();
    expect(bad.config.normalisation).toBeUndefined();
    expect(bad.notices).toHaveLength(2);
    expect(bad.notices[1]).toContain('"norm"');
  });

  it('reads percent-encoded commas', () => {
    expect(parseQuery('?layers=784%2C50%2C10').config.layers).toEqual([784, 50, 10]);
  });

  it('ignores each bad hand-edited value, names it, and falls back to its default', () => {
    const { config, notices } = parseQuery(
      '?layers=784,abc,10&mode=fast&eta=-1&lambda=x&batch=2.5&seed=1e99&init=zero&activation=softsign&momentum=1&exploding=maybe',
    );
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(10);
    for (const key of ['layers', 'mode', 'eta', 'lambda', 'batch', 'seed', 'init', 'activation', 'momentum', 'exploding']) {
      expect(notices.some((n) => n.startsWith(`Ignored URL parameter "${key}"`))).toBe(true);
    }
    expect(notices[0]).toBe('Ignored URL parameter "layers": layer 2 width "abc" is not a whole number. Using the default, 784,30,30,10.');
    expect(notices.find((n) => n.includes('"init"'))).toMatch(/Using the default, "default" \(N\(0,1\)\/√n\)\.$/);
    expect(notices.find((n) => n.includes('"eta"'))).toContain('got -1');
  });

  it('keeps the good parameters when others are bad', () => {
    const { config, notices } = parseQuery('?seed=5&eta=NaN&activation=tanh');
    expect(config.seed).toBe(5);
    expect(config.activation).toBe('tanh');
    expect(config.eta).toBe(DEFAULT_CONFIG.eta);
    expect(notices).toHaveLength(1);
  });

  it('checks the fixed ends and hidden widths of the layer list', () => {
    expect(checkLayers('100,30,10')).toEqual({ ok: false, message: 'input layer must be 784 (MNIST has 28×28 pixels), got 100' });
    expect(checkLayers('784,30,7')).toEqual({ ok: false, message: 'output layer must be 10 (digits 0-9), got 7' });
    expect(checkLayers('784,0,10').ok).toBe(false);
    expect(checkLayers('784,10')).toMatchObject({ ok: false });
    expect(checkLayers('784, 30 ,10')).toEqual({ ok: true, value: [784, 30, 10] });
  });
});

describe('field checks', () => {
  it('accepts plain and e-notation numbers and refuses hex, blanks and zero η', () => {
    expect(checkEta('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(checkEta('1e-2')).toEqual({ ok: true, value: 0.01 });
    expect(checkEta('0x1').ok).toBe(false);
    expect(checkEta('').ok).toBe(false);
    expect(checkEta('0')).toEqual({ ok: false, message: 'η (learning rate) must be a number greater than 0 and at most 1000000, got 0' });
    // The documented way to make a run diverge on purpose must be accepted, from the field and the URL.
    expect(checkEta('1000000')).toEqual({ ok: true, value: 1e6 });
    expect(checkEta('1e6')).toEqual({ ok: true, value: 1e6 });
    expect(parseQuery('?eta=1000000').config.eta).toBe(1e6);
    expect(checkEta('1e7').ok).toBe(false);
  });

  it('names the hidden layer in a width error', () => {
    expect(checkHiddenWidth('2000', 3)).toEqual({
      ok: false,
      message: 'Width of hidden layer 3 must be a whole number at least 1 and at most 1000, got 2000',
    });
    expect(checkHiddenWidth('12', 1)).toEqual({ ok: true, value: 12 });
  });
});

describe('describeDifference', () => {
  it('lists what the other run had that the current one does not', () => {
    const other = { ...DEFAULT_CONFIG, activation: 'relu' as const, init: 'he' as const };
    const current = { ...DEFAULT_CONFIG, seed: 2 };
    expect(describeDifference(other, current)).toBe('seed 1 · ReLU · He');
    expect(describeDifference(current, current)).toBe('same settings');
  });
});
