/**
 * The language outside React: which one the page opens in, and keeping `<html lang>`, the tab title and
 * the remembered choice in step with the store. The URL's `lang=` is written by the URL mirror with the
 * rest of the query (src/store/url.ts).
 */
import { t } from './catalogue';
import { detectLang, type Lang, parseLang } from './lang';

/** Where the choice is remembered in localStorage. */
export const LANG_STORAGE_KEY = 'gradient-lab.lang';

/** A remembered choice, or null when there is none or storage cannot be read. */
export function rememberedLang(storage: Pick<Storage, 'getItem'> | null): Lang | null {
  try {
    return parseLang(`lang=${storage?.getItem(LANG_STORAGE_KEY) ?? ''}`);
  } catch {
    return null;
  }
}

/**
 * The language the page opens in when the URL names none: a choice remembered from an earlier visit beats
 * the browser's preference, which decides only the first visit.
 */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Lang {
  return rememberedLang(storage) ?? detectLang(languages);
}

interface LangSource {
  getState(): { lang: Lang };
  subscribe(listener: (state: { lang: Lang }, prev: { lang: Lang }) => void): () => void;
}

/**
 * Writes the language into `<html lang>` (screen readers pick their voice from it, browsers their CJK font)
 * and the tab title, and remembers an explicit switch. The language the page merely opened in is not
 * written to storage: a shared link with `lang=en` must not change what the reader gets next time.
 */
export function followLang(
  store: LangSource,
  doc: { documentElement: { lang: string }; title: string; querySelector?: (s: string) => Element | null },
  storage: Pick<Storage, 'setItem'> | null,
): () => void {
  const apply = (lang: Lang) => {
    doc.documentElement.lang = lang;
    doc.title = t(lang).meta.title;
    doc.querySelector?.('meta[name="description"]')?.setAttribute('content', t(lang).meta.description);
  };
  apply(store.getState().lang);
  return store.subscribe((state, prev) => {
    if (state.lang === prev.lang) return;
    apply(state.lang);
    try {
      storage?.setItem(LANG_STORAGE_KEY, state.lang);
    } catch {
      // Storage full or forbidden: the switch still works for this visit.
    }
  });
}
