/**
 * Words the store keeps (notices, the reason a run stopped) must switch language with the page, so the
 * store keeps *which* message and its parameters, not a sentence, and the page says it in the language on
 * screen. `LocalText` names one entry of the catalogue's `notices` group with that entry's parameters, so
 * a wrong key or a wrong parameter is a type error.
 */
import { t } from './catalogue';
import type { Messages } from './en';
import type { Lang } from './lang';

type Group = Messages['notices'];

export type LocalText = {
  [K in keyof Group]: Group[K] extends (...args: infer A) => string ? { key: K; args: A } : { key: K };
}[keyof Group];

/**
 * What a store field may hold: a catalogue key with its parameters; a function of the language, for a
 * sentence with a part worked out from the configuration (what a re-initialisation changed); or a plain
 * sentence from code not yet moved to the catalogue, shown as it is.
 */
export type Phrase = string | LocalText | ((lang: Lang) => string);

/** A phrase said in `lang`. */
export function say(lang: Lang, phrase: Phrase): string {
  if (typeof phrase === 'string') return phrase;
  if (typeof phrase === 'function') return phrase(lang);
  const entry = t(lang).notices[phrase.key] as string | ((...args: unknown[]) => string);
  return typeof entry === 'function' ? entry(...('args' in phrase ? phrase.args : [])) : entry;
}

/** Builds a LocalText with its arguments checked against the catalogue entry. */
export function localText<K extends keyof Group>(key: K, ...args: Group[K] extends (...a: infer A) => string ? A : []): LocalText {
  return (args.length > 0 ? { key, args } : { key }) as LocalText;
}
