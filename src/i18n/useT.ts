/**
 * The React side of the catalogue. Components read the language from the store, so switching it
 * re-renders every text in place while the run, the worker and the charts' drawing carry on untouched.
 */
import { useLab } from '../store/hooks';
import { t, type Messages } from './catalogue';
import type { Lang } from './lang';
import { numberFormats, type NumberFormats } from './number';

export function useLang(): Lang {
  return useLab((s) => s.lang);
}

/** The messages in the page's language: `const m = useT(); m.toolbar.shortcuts`. */
export function useT(): Messages {
  return t(useLang());
}

/** Intl number formats in the page's language, for numbers shown outside a sentence. */
export function useNumbers(): NumberFormats {
  return numberFormats(useLang());
}
