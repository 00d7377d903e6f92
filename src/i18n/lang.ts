/**
 * The page's two languages. Simplified Chinese first among equals: most readers hold the chapter in the
 * Chinese translation. The language is a way of showing a run, never part of the run configuration.
 */

export type Lang = 'en' | 'zh-CN';

export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

export const LANG_KEY = 'lang';

/** Reads `lang=` from a query string; null when it is absent or names no language we have. */
export function parseLang(search: string): Lang | null {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const raw = params.get(LANG_KEY)?.trim().toLowerCase();
  if (raw === undefined || raw === '') return null;
  if (raw === 'en' || raw.startsWith('en-')) return 'en';
  if (raw === 'zh' || raw.startsWith('zh-') || raw.startsWith('zh_')) return 'zh-CN';
  return null;
}

/**
 * The browser's preference: the first of `languages` that we have, any `zh*` counting as Simplified
 * Chinese (a reader of the traditional script still reads it better than English); English otherwise.
 */
export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
