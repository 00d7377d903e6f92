/**
 * The words of the URL notices, in either language: keys the page does not read, keys given twice, numbers
 * too small to tell from 0, how a pasted value is quoted, and the rule a refused value broke. The sentences
 * are the catalogue's `url` group; this module puts the parts together.
 */
import type { BoundedField, FieldBound } from '../config/bounds';
import { t } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import { numberFormats } from '../i18n/number';

/** A quoted value is cut here: a notice must fit a phone's width however long the pasted value was. */
export const QUOTE_LIMIT = 40;

/** `text` in quotes, cut to QUOTE_LIMIT characters with its full length said when it was longer. */
export function quote(text: string, lang: Lang = 'en'): string {
  const words = t(lang).url;
  const chars = [...text];
  if (chars.length <= QUOTE_LIMIT) return words.quote(text);
  return words.quoteCut(chars.slice(0, QUOTE_LIMIT).join(''), numberFormats(lang).int(chars.length));
}

/** The notices about the keys themselves, in `lang`; values and keys are quoted as they were typed. */
export function urlText(lang: Lang) {
  const words = t(lang).url;
  const q = (text: string) => quote(text, lang);
  return {
    unknownKey: (key: string, hint: string | null) => words.unknownKey(q(key), hint),
    duplicateKey: (key: string, count: number, used: string) => words.duplicateKey(q(key), count, q(used)),
    moreUnknownKeys: (count: number) => words.moreUnknownKeys(numberFormats(lang).int(count)),
    /** Appended to the list of ignored keys, so the reader knows what would have worked. */
    knownKeys: words.knownKeys,
    underflow: (text: string) => words.underflow(q(text)),
    tooLong: (text: string) => words.tooLong(q(text)),
  };
}

export const URL_TEXT = urlText('en');

/**
 * "η (learning rate) must be a number greater than 0 and at most 1000000": the rule of a field for a typed
 * value, naming the field in `lang`, as the opening of a sentence.
 */
export function ruleSentence(field: BoundedField, bound: FieldBound, lang: Lang, typedMax?: number): string {
  const words = t(lang).url;
  const label = words.labels[field];
  switch (bound.kind) {
    case 'number': {
      const max = typedMax ?? bound.max;
      const hi = max === Infinity ? null : { value: max, exclusive: bound.maxExclusive === true };
      return words.opening(
        words.rule.number(label, bound.integer === true, { value: bound.min, exclusive: bound.minExclusive === true }, hi),
      );
    }
    case 'choice':
      return words.opening(words.rule.choice(label, bound.names));
    case 'flag':
      return words.opening(words.rule.flag(label));
    default: {
      const unreachable: never = bound;
      return unreachable;
    }
  }
}
