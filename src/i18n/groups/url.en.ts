/**
 * The URL notices' words in English: a parameter the page ignored, why, and what it uses instead. The rules
 * name the field as the bounds table does (src/config/bounds.ts), so the English reads as it always has.
 */
import type { BoundedField } from '../../config/bounds';
import { describeLayerProblem } from '../../engine';

export const urlEn = {
  quoteCut: (text: string, chars: string) => `"${text}…" (${chars} characters)`,
  quote: (text: string) => `"${text}"`,
  unknownKey: (key: string, hint: string | null) =>
    hint === null ? `Ignored URL parameter ${key}: the page does not read it.` : `Ignored URL parameter ${key}: did you mean ${hint}?`,
  duplicateKey: (key: string, count: number, used: string) =>
    `URL parameter ${key} is given ${count} times; the first, ${used}, is used and the others are ignored.`,
  moreUnknownKeys: (count: string) => `Ignored ${count} more URL parameters the page does not read.`,
  knownKeys: (keys: readonly string[]) => `The page reads: ${keys.join(', ')}.`,
  underflow: (text: string) => `${text} is too small to be told apart from 0 in the arithmetic the page uses`,
  tooLong: (text: string) => `got ${text}, far longer than any value it takes`,
  /** A whole notice: the key, the reason (a sentence without its full stop) and the value used instead. */
  ignored: (key: string, reason: string, fallback: string) => `Ignored URL parameter "${key}": ${reason}. Using the default, ${fallback}.`,
  nearestPace: (param: string, pace: string) => `URL parameter ${param} is read as the nearest named pace, ${pace}.`,
  got: (rule: string, value: string) => `${rule}, got ${value}`,
  /** A rule, then why the value given does not meet it. */
  ruleAndWhy: (rule: string, why: string) => `${rule}; ${why}`,
  /** What is wrong with a layers list, in the engine's words. */
  layerProblem: describeLayerProblem,
  /** A field outside the bounds table: the width typed under a hidden layer. */
  hiddenWidth: (layer: number) => `width of hidden layer ${layer}`,
  rule: {
    number: (
      label: string,
      integer: boolean,
      lo: { value: number; exclusive: boolean },
      hi: { value: number; exclusive: boolean } | null,
    ) =>
      `${label} must be ${integer ? 'a whole number' : 'a number'} ${lo.exclusive ? `greater than ${lo.value}` : `at least ${lo.value}`}${
        hi === null ? '' : hi.exclusive ? ` and less than ${hi.value}` : ` and at most ${hi.value}`
      }`,
    choice: (label: string, names: readonly string[]) => `${label} must be one of ${names.join(', ')}`,
    flag: (label: string) => `${label} must be true or false`,
    /** A switch as the URL writes it. */
    switch: (key: string, got: string) => `${key} must be 1 or 0, got ${got}`,
    layers: (text: string) => `layers must be widths separated by commas such as "784,30,10", ${text}`,
    /** A planned pause past the run's epoch budget would never come. */
    pauseBudget: (label: string, epochs: number, got: number) =>
      `${label} must be a whole number from 1 to the epoch budget, ${epochs}, got ${got}`,
    speed: (paces: readonly string[], got: string) => `speed must be one of ${paces.join(', ')} or a number from 1 to 10, got ${got}`,
  },
  /** How a rule opens its sentence: with the field's name, capitalised. */
  opening: (text: string) => text.replace(/^[a-z]/, (c) => c.toUpperCase()),
  noPause: 'no planned pause',
  none: 'none',
  labels: {
    mode: 'mode',
    eta: 'η (learning rate)',
    lambda: 'λ (L2 regularisation)',
    batchSize: 'mini-batch size',
    seed: 'seed',
    init: 'initialiser',
    activation: 'activation',
    output: 'output layer',
    momentum: 'momentum μ',
    epochs: 'epoch budget',
    exploding: 'exploding',
    clipNorm: 'gradient-norm clipping threshold',
    speed: 'speed',
    probeEvery: 'probe interval (mini-batches)',
    pauseAt: 'pause at epoch',
    residual: 'residual connections',
    normalisation: 'normalisation',
  } as Record<BoundedField, string>,
  scaleLabel: 'scale',
};
