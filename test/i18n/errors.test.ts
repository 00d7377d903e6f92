/**
 * The worker's errors and the refusals of dropped files, in both languages: every kind of message is worded
 * from the catalogue, the Chinese leaves no English outside the allow-list, and the English is the data
 * module's own sentence (what Node prints and what the page said before).
 */
import { describe, expect, it } from 'vitest';
import type { DataProblem } from '../../src/data/problem';
import { describeDataProblem } from '../../src/data/problem';
import { describeImportProblem, type ImportProblem } from '../../src/export/problem';
import { t } from '../../src/i18n/catalogue';
import {
  checkBatchSize,
  checkClipNorm,
  checkEta,
  checkHiddenWidth,
  checkLambda,
  checkMomentum,
  checkPauseAtText,
  checkSeed,
  parseQuery,
} from '../../src/store/config';
import type { NetworkReadFailure } from '../../src/store/networkRequests';
import type { ErrorCause } from '../../src/worker/protocol';
import { englishWords } from './englishWords';

const HAN = /\p{Script=Han}/u;
const ok = { code: 200, text: 'OK' };

/** One sample of every data problem: a code missing here is a type error. */
const DATA: { [C in DataProblem['code']]: Extract<DataProblem, { code: C }> } = {
  stalled: { code: 'stalled', seconds: 15, receivedBytes: 2_500_000 },
  'fetch-failed': { code: 'fetch-failed', reason: 'Failed to fetch' },
  'http-error': { code: 'http-error', status: { code: 404, text: 'Not Found' } },
  'no-body': { code: 'no-body', status: { code: 204, text: 'No Content' } },
  'broke-off': { code: 'broke-off', decompressing: true, receivedBytes: 4096, announcedBytes: null, status: ok, reason: 'network error' },
  'download-truncated': { code: 'download-truncated', receivedBytes: 100, announcedBytes: 60_008, status: ok },
  empty: { code: 'empty', kind: 'label' },
  gzip: { code: 'gzip' },
  html: { code: 'html' },
  'bad-magic': { code: 'bad-magic', found: 2049, expected: 2051, kind: 'image', foundKind: 'label' },
  'short-header': { code: 'short-header', kind: 'image', headerBytes: 16, actualBytes: 5 },
  'image-size': { code: 'image-size', rows: 32, cols: 32, expectedRows: 28, expectedCols: 28 },
  'too-short': {
    code: 'too-short',
    announced: { kind: 'images', count: 60000, rows: 28, cols: 28 },
    expectedBytes: 47_040_016,
    actualBytes: 100,
  },
  'too-long': { code: 'too-long', announced: { kind: 'labels', count: 10 }, expectedBytes: 18, actualBytes: 20 },
  'bad-label': { code: 'bad-label', label: 12, index: 3 },
  'count-mismatch': { code: 'count-mismatch', labelCount: 10, imageFile: '/mnist/train-images-idx3-ubyte', imageCount: 9 },
  'pixel-bytes': { code: 'pixel-bytes', pixelBytes: 100, images: 2, imageBytes: 784 },
  'too-few-images': { code: 'too-few-images', count: 5000, heldBack: 10000 },
  'not-found': { code: 'not-found', dir: 'data/mnist' },
  'is-folder': { code: 'is-folder', dir: 'data/mnist' },
  'no-permission': { code: 'no-permission', dir: 'data/mnist' },
  unreadable: { code: 'unreadable', dir: 'data/mnist', reason: 'EIO: i/o error' },
};

const CAUSES: { [K in ErrorCause['kind']]: Extract<ErrorCause, { kind: K }> } = {
  'data-file': { kind: 'data-file', file: '/mnist/t10k-images-idx3-ubyte', problem: { code: 'html' } },
  'load-failed': { kind: 'load-failed', reason: 'Failed to fetch' },
  'not-configured': { kind: 'not-configured', command: 'measure-seeds' },
  'probe-not-ready': { kind: 'probe-not-ready' },
  'network-unreadable': { kind: 'network-unreadable', reason: 'out of memory' },
  'training-stopped': { kind: 'training-stopped', reason: 'out of memory' },
  'config-refused': { kind: 'config-refused', reason: 'mode must be one of learning-speed, sgd, got "x"' },
  'command-refused': { kind: 'command-refused', reason: 'speed must be a number at least 1 and at most 10, got 0' },
  unexpected: { kind: 'unexpected', reason: 'out of memory' },
  'unreadable-message': { kind: 'unreadable-message', from: 'worker' },
};

const place = { key: 'weights', layer: 1, row: 2, col: 3 } as const;
const IMPORTS: { [C in ImportProblem['code']]: Extract<ImportProblem, { code: C }> } = {
  'network-not-object': { code: 'network-not-object', found: { kind: 'list' } },
  'missing-key': { code: 'missing-key', key: 'biases' },
  'sizes-not-list': { code: 'sizes-not-list', found: { kind: 'text', text: 'three layers' } },
  'size-not-whole': { code: 'size-not-whole', index: 1, found: { kind: 'value', text: '2.5' } },
  'input-size': { code: 'input-size', found: 100, expected: 784 },
  'no-hidden': { code: 'no-hidden' },
  'output-size': { code: 'output-size', found: 12, expected: 10 },
  'too-many-hidden': { code: 'too-many-hidden', count: 11, max: 10 },
  'too-wide': { code: 'too-wide', layer: 2, width: 5000, max: 1000 },
  'bad-cost': { code: 'bad-cost', allowed: ['CrossEntropyCost', 'QuadraticCost'], found: { kind: 'text', text: 'LogLikelihood' } },
  'matrix-count': { code: 'matrix-count', key: 'weights', expected: 2, sizes: [784, 30, 10], found: { kind: 'count', count: 3 } },
  'row-count': { code: 'row-count', place: { key: 'biases', layer: 0 }, rows: 30, found: { kind: 'object' } },
  'row-length': { code: 'row-length', place: { key: 'weights', layer: 0, row: 4 }, cols: 784, found: { kind: 'count', count: 783 } },
  'not-number': { code: 'not-number', place, found: { kind: 'null' } },
  'too-large': { code: 'too-large', place, value: 1e39 },
  'not-workspace': { code: 'not-workspace' },
  'workspace-version': { code: 'workspace-version', found: '7', expected: 1 },
  'workspace-configuration': { code: 'workspace-configuration' },
  'workspace-pinned': { code: 'workspace-pinned' },
};

const READS: NetworkReadFailure[] = [
  { kind: 'refused', cause: { kind: 'not-configured', command: 'read-network' } },
  { kind: 'worker-gone' },
  { kind: 'no-answer', seconds: 15 },
];

/** A Chinese sentence: Han characters, and no English word the allow-list does not name. */
function expectChinese(text: string): void {
  expect(text).toMatch(HAN);
  expect(englishWords(text), text).toEqual([]);
}

describe('data-load errors', () => {
  it.each(Object.values(DATA))('$code is said in Chinese, with its numbers', (problem) => {
    const zh = t('zh-CN').loadErrors.cause({ kind: 'data-file', file: '/mnist/train-images-idx3-ubyte', problem });
    expectChinese(zh);
    expect(zh).toContain('“/mnist/train-images-idx3-ubyte”');
  });

  it.each(Object.values(DATA))('$code in English is the data module’s own sentence after the file', (problem) => {
    expect(t('en').loadErrors.cause({ kind: 'data-file', file: 'f', problem })).toBe(`f: ${describeDataProblem(problem)}`);
  });

  it('puts the numbers through Intl in Chinese', () => {
    const zh = t('zh-CN').loadErrors.cause({ kind: 'data-file', file: 'f', problem: DATA['download-truncated'] });
    expect(zh).toContain('60,008 字节');
    expect(t('zh-CN').loadErrors.cause({ kind: 'data-file', file: 'f', problem: DATA.stalled })).toContain('2.5 MB');
  });
});

describe("the worker's other errors", () => {
  it.each(Object.values(CAUSES))('$kind is said in Chinese', (cause) => expectChinese(t('zh-CN').loadErrors.cause(cause)));

  it('keep the English the worker has always sent', () => {
    expect(t('en').loadErrors.cause(CAUSES['not-configured'])).toBe('cannot measure other seeds yet: no network has been configured');
    expect(t('en').loadErrors.cause(CAUSES['load-failed'])).toBe('could not load the MNIST files: Failed to fetch');
  });

  it.each(READS)('a network that could not be read out ($kind) is said in Chinese', (failure) => {
    expectChinese(t('zh-CN').loadErrors.networkRead(failure));
  });
});

describe('refusals of a dropped file', () => {
  it.each(Object.values(IMPORTS))('$code is said in Chinese', (problem) => {
    const zh = t('zh-CN').notices.fileRefused('net.json', problem);
    expectChinese(zh);
    expect(zh.startsWith('未加载“net.json”：')).toBe(true);
  });

  it.each(Object.values(IMPORTS))('$code in English is the parser’s own sentence', (problem) => {
    expect(t('en').notices.fileRefused('net.json', problem)).toBe(`"net.json" was not loaded: ${describeImportProblem(problem)}`);
  });

  it('notes on a loaded workspace are said in Chinese', () => {
    expectChinese(t('zh-CN').importErrors.skippedRuns(2));
  });
});

describe('field validation', () => {
  const refusals = (lang: 'en' | 'zh-CN') =>
    [
      checkEta('abc', lang),
      checkEta('0', lang),
      checkLambda('1e-400', lang),
      checkSeed('1.5', lang),
      checkBatchSize('0', lang),
      checkMomentum('2', lang),
      checkClipNorm('-1', lang),
      checkPauseAtText('50', 30, lang),
      checkHiddenWidth('5000', 2, lang),
    ].map((r) => (r.ok ? '' : r.message));

  it.each(refusals('zh-CN'))('is said in Chinese: %s', expectChinese);

  it('keeps its English sentences', () => {
    expect(refusals('en')).toEqual([
      'η (learning rate) must be a number greater than 0 and at most 1000000, got "abc"',
      'η (learning rate) must be a number greater than 0 and at most 1000000, got 0',
      'λ (L2 regularisation) must be a number at least 0 and at most 1000; "1e-400" is too small to be told apart from 0 in the arithmetic the page uses',
      'Seed must be a whole number at least 0 and at most 4294967295, got 1.5',
      'Mini-batch size must be a whole number at least 1 and at most 10000, got 0',
      'Momentum μ must be a number at least 0 and less than 1, got 2',
      'Gradient-norm clipping threshold must be a number at least 0 and at most 1000000, got -1',
      'Pause at epoch must be a whole number from 1 to the epoch budget, 30, got 50',
      'Width of hidden layer 2 must be a whole number at least 1 and at most 1000, got 5000',
    ]);
  });
});

describe('the refusal to export a network network2.py cannot compute', () => {
  it('names what stands in the way in Chinese, and in English', () => {
    const zh = t('zh-CN').notices.networkNotSigmoid('tanh', 'softmax', true, true);
    expectChinese(zh);
    expect(zh).toContain('（tanh、softmax 输出层、残差连接、层归一化）');
    expect(t('en').notices.networkNotSigmoid(null, 'softmax', false, true)).toContain('(softmax output, layer normalisation)');
  });
});

describe('a bad layers list in the address', () => {
  it('is named in Chinese in the notice, and in the engine’s English words on the English page', () => {
    const zh = parseQuery('?layers=784,abc,10', 'zh-CN').notices;
    expect(zh).toHaveLength(1);
    expectChinese(zh[0]);
    expect(zh[0]).toContain('第 2 层的宽度 "abc" 不是整数');
    expect(parseQuery('?layers=784,abc,10', 'en').notices[0]).toContain('layer 2 width "abc" is not a whole number');
  });

  it.each([
    '?layers=',
    '?layers=784,,10',
    '?layers=784',
    `?layers=784,${Array(11).fill(5).join(',')},10`,
    '?layers=784,5000,10',
    '?layers=100,30,10',
    '?layers=784,30,12',
  ])('%s is named in Chinese', (search) => {
    const [notice] = parseQuery(search, 'zh-CN').notices;
    expectChinese(notice);
  });
});

describe('a figure or a network that could not be exported', () => {
  it.each(['not-on-page', 'no-canvas', 'image-decoding', 'png-encoding'] as const)('%s is said in Chinese', (why) => {
    expectChinese(t('zh-CN').notices.figureFailed(why));
  });

  it('a diverged network is refused with the reason in Chinese', () => expectChinese(t('zh-CN').notices.networkNotFinite));
});
