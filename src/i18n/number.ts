/**
 * Numbers in the reader's language, through Intl. The formatters are built once per language and option
 * set: Intl.NumberFormat is slow to construct and the status line formats numbers every frame.
 */
import type { Lang } from './lang';

/** The Intl locale behind each language. en-GB: the lab writes "96.48 %"-style English and 1,000 groups. */
const LOCALE: Record<Lang, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}

export interface NumberFormats {
  /** A count: 1,000 in both languages, rounded to a whole number. */
  int(n: number): string;
  /** At most `digits` decimals, trailing zeros dropped: 0.1, 2.5. */
  decimal(n: number, digits?: number): string;
  /** Exactly `digits` decimals: 96.48. */
  fixed(n: number, digits: number): string;
  /** A fraction 0..1 as a percentage with `digits` decimals: 96.48 %. */
  percent(fraction: number, digits?: number): string;
  /** `digits` significant digits: 0.0734, 134. */
  significant(n: number, digits?: number): string;
}

/** The number formats of one language. */
export function numberFormats(lang: Lang): NumberFormats {
  return {
    int: (n) => formatter(lang, { maximumFractionDigits: 0 }).format(n),
    decimal: (n, digits = 3) => formatter(lang, { maximumFractionDigits: digits }).format(n),
    fixed: (n, digits) => formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
    // Both languages put a space before the sign in this lab's house style (96.48 %); Intl's own percent
    // style would write 96.48% in one and not the other, so the sign is added here.
    percent: (fraction, digits = 2) =>
      `${formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction * 100)} %`,
    significant: (n, digits = 3) => formatter(lang, { maximumSignificantDigits: digits }).format(n),
  };
}

export function localeOf(lang: Lang): string {
  return LOCALE[lang];
}
