import { describe, expect, it } from 'vitest';
import { CATALOGUES, type Messages } from '../../src/i18n/catalogue';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { LANGS } from '../../src/i18n/lang';

/** Every leaf of a catalogue as [path, value]. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, node]];
}

/** Arguments for the messages that take more than numbers and words. */
const SAMPLES: Record<string, unknown[]> = {
  'headline.someStopped': [[1, 3]],
  'saturation.layers': [[1, 2, 4]],
  'saturation.notice': [
    {
      cause: 'exploding',
      clip: 0,
      everyOne: true,
      layers: 'x',
      rule: 'σ′ < 0.01',
      shares: ['100 %', '97 %'],
      several: true,
      all: true,
      offer: 'clip',
      clipAt: 0.1,
    },
  ],
  'url.knownKeys': [['layers', 'eta']],
  'url.opening': ['速度必须是数'],
  'url.rule.choice': ['模式', ['sgd', 'learning-speed']],
  'url.rule.speed': [['lesson', 'full'], '"x"'],
  'url.rule.number': ['η', false, { value: 0, exclusive: true }, { value: 1, exclusive: false }],
  'loadErrors.cause': [{ kind: 'data-file', file: '/mnist/train-labels-idx1-ubyte', problem: { code: 'html' } }],
  'loadErrors.networkRead': [{ kind: 'worker-gone' }],
  'notices.networkNotSigmoid': ['tanh', 'softmax', true, true],
  'importErrors.problem': [{ code: 'no-hidden' }],
  'notices.figureFailed': ['no-canvas'],
  'url.layerProblem': [{ code: 'not-whole', position: 2, shown: '"abc"' }],
  'notices.fileRefused': ['net.json', { code: 'output-size', found: 12, expected: 10 }],
  'divergence.reason': [
    { value: { kind: 'layer-gradient', layer: 2, became: 'nan' }, mode: 'sgd', eta: 100, exploding: true, epoch: 3, batch: 17 },
  ],
};

/** Calls a message function with sample arguments of the kinds the catalogue uses (numbers and words). */
function sample(value: unknown, key = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') throw new Error(`not a message: ${String(value)}`);
  const args = SAMPLES[key] ?? Array.from({ length: value.length }, (_, i) => (i % 2 === 0 ? 3 : 'x'));
  return value(...args);
}

const HAN = /\p{Script=Han}/u;

/** Names and symbols both languages write the same way. */
const SHARED_WORDS = /\b(sigmoid|tanh|ReLU|MNIST|SGD|Xavier|He|Nielsen|Pascanu|mini-batch)\b/g;

describe('the catalogues', () => {
  it('have the same keys in both languages, each a string or a function of the same arity', () => {
    const english = new Map(leaves(en));
    const chinese = new Map(leaves(zhCN));
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of english) {
      const other = chinese.get(key);
      expect(typeof other, key).toBe(typeof value);
      if (typeof value === 'function') expect((other as (...a: unknown[]) => string).length, key).toBe(value.length);
    }
  });

  it('are registered for every language', () => {
    for (const lang of LANGS) expect(CATALOGUES[lang]).toBeDefined();
    expect(CATALOGUES['zh-CN']).toBe(zhCN as Messages);
  });

  it('say every Chinese message in Chinese, apart from the names of the languages', () => {
    // A Chinese message without a Han character must be a symbol the languages share ("Esc", "—").
    const noHan = leaves(zhCN)
      .filter(([key]) => key !== 'lang.english')
      .map(([key, value]) => [key, sample(value, key)])
      .filter(([, text]) => !HAN.test(text));
    for (const [key, text] of noHan) expect(text.replace(SHARED_WORDS, ''), key).not.toMatch(/[A-Za-z]{4,}/);
    // And every English one can be called with the same samples.
    for (const [key, value] of leaves(en)) expect(typeof sample(value, key), key).toBe('string');
  });

  it('build sentences with the parameters in them', () => {
    expect(en.notices.pausedAt(30)).toBe('Paused at epoch 30 as asked.');
    expect(zhCN.notices.pausedAt(30)).toBe('已按要求在第 30 次迭代后暂停。');
    expect(en.notices.pinnedSomeUnreadable(1)).toContain('1 pinned run saved');
    expect(en.notices.pinnedSomeUnreadable(2)).toContain('2 pinned runs saved');
  });
});
