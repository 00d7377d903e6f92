/**
 * The words of the URL notices that are not about one parameter's value: keys the page does not read,
 * keys given twice, numbers too small to tell from 0, and how a pasted value is quoted. One place, so the
 * translation has one file to follow.
 */

/** A quoted value is cut here: a notice must fit a phone's width however long the pasted value was. */
export const QUOTE_LIMIT = 40;

/** `text` in quotes, cut to QUOTE_LIMIT characters with its full length said when it was longer. */
export function quote(text: string): string {
  const chars = [...text];
  if (chars.length <= QUOTE_LIMIT) return `"${text}"`;
  return `"${chars.slice(0, QUOTE_LIMIT).join('')}…" (${chars.length.toLocaleString('en')} characters)`;
}

export const URL_TEXT = {
  unknownKey: (key: string, hint: string | null) =>
    hint === null
      ? `Ignored URL parameter ${quote(key)}: the page does not read it.`
      : `Ignored URL parameter ${quote(key)}: did you mean ${hint}?`,
  duplicateKey: (key: string, count: number, used: string) =>
    `URL parameter ${quote(key)} is given ${count} times; the first, ${quote(used)}, is used and the others are ignored.`,
  moreUnknownKeys: (count: number) => `Ignored ${count.toLocaleString('en')} more URL parameters the page does not read.`,
  /** Appended to the list of ignored keys, so the reader knows what would have worked. */
  knownKeys: (keys: readonly string[]) => `The page reads: ${keys.join(', ')}.`,
  underflow: (text: string) => `${quote(text)} is too small to be told apart from 0 in the arithmetic the page uses`,
  tooLong: (text: string) => `got ${quote(text)}, far longer than any value it takes`,
} as const;
