/**
 * The one list of every key the page reads from its address, and the notices about keys it cannot use:
 * unknown or misspelt ones (with a "did you mean" when one is close) and keys given more than once. What
 * each known key's value may be is checked by the module that reads it (config.ts, view.ts, …).
 */
import { LANG_KEY } from '../i18n/lang';
import { URL_KEYS } from './config';
import { PRESENT_KEY } from './presentation';
import { urlText } from './urlText';
import type { Lang } from '../i18n/lang';
import { VIEW_KEYS } from './view';

/** The guided lesson's key: read by the lesson, and known here so a lesson link raises no notice. */
export const LESSON_KEY = 'lesson';

/** The run configuration's keys, then the ways of showing it: the bar scale, presentation, language, lesson. */
export const KNOWN_URL_KEYS: readonly string[] = [...URL_KEYS, ...VIEW_KEYS, PRESENT_KEY, LANG_KEY, LESSON_KEY];

/**
 * Spellings the page does not read but a reader plausibly writes, from the experiments' command line
 * (`--preset exploding`, `--layernorm`, `--batch`) or from the settings' names; each maps a value (or any
 * value, '*') to what the page reads instead.
 */
const OTHER_SPELLINGS: Record<string, Record<string, string>> = {
  preset: { exploding: 'exploding=1', '*': 'exploding=1 or exploding=0' },
  layernorm: { '*': 'norm=layer' },
  normalisation: { '*': 'norm=layer or norm=none' },
  normalization: { '*': 'norm=layer or norm=none' },
  batchsize: { '*': 'batch' },
  'batch-size': { '*': 'batch' },
  learningrate: { '*': 'eta' },
  'learning-rate': { '*': 'eta' },
  clipnorm: { '*': 'clip' },
  pause: { '*': 'pauseAt' },
  pauseat: { '*': 'pauseAt' },
  skip: { '*': 'residual=1' },
  skips: { '*': 'residual=1' },
};

/** Edit distance with adjacent swaps (optimal string alignment): "sede" is one step from "seed". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known key an unknown one most likely meant, in the form to write it, or null when none is close. */
export function suggestKey(key: string, value: string): string | null {
  const lower = key.trim().toLowerCase();
  const other = OTHER_SPELLINGS[lower.replace(/^-+/, '')];
  if (other !== undefined) return other[value.trim().toLowerCase()] ?? other['*'];
  // A key no longer than a known one plus two letters; beyond that any "did you mean" is a guess.
  if (lower.length > 14) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of KNOWN_URL_KEYS) {
    const distance = editDistance(lower, known.toLowerCase());
    // One slip in a short key, two in a longer one.
    const allowed = known.length <= 4 ? 1 : 2;
    if (distance <= allowed && distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

/** Past this many unknown keys, the rest are counted rather than listed. */
const MAX_UNKNOWN_NOTICES = 5;

/** One notice per unknown key and per key given more than once, in the order they first appear. */
export function checkQueryKeys(search: string, lang: Lang = 'en'): string[] {
  const words = urlText(lang);
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const notices: string[] = [];
  const seen = new Set<string>();
  let unknown = false;
  let unknownCount = 0;
  for (const [key, value] of params) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!KNOWN_URL_KEYS.includes(key)) {
      unknownCount++;
      if (unknownCount > MAX_UNKNOWN_NOTICES) continue;
      const hint = suggestKey(key, value);
      notices.push(words.unknownKey(key, hint));
      if (hint === null) unknown = true;
      continue;
    }
    const all = params.getAll(key);
    if (all.length > 1) notices.push(words.duplicateKey(key, all.length, all[0]));
  }
  if (unknownCount > MAX_UNKNOWN_NOTICES) notices.push(words.moreUnknownKeys(unknownCount - MAX_UNKNOWN_NOTICES));
  if (unknown || unknownCount > MAX_UNKNOWN_NOTICES) notices.push(words.knownKeys(KNOWN_URL_KEYS));
  return notices;
}
