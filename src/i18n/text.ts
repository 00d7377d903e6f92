/**
 * Words the store keeps (notices, the reason a run stopped) must switch language with the page, so the
 * store keeps *which* message and its parameters, not a sentence, and the page says it in the language on
 * screen. `LocalText` names one entry of the catalogue's `notices` group with that entry's parameters, so
 * a wrong key or a wrong parameter is a type error.
 */
import type { Messages } from './en';

type Group = Messages['notices'];

export type LocalText = {
  [K in keyof Group]: Group[K] extends (...args: infer A) => string ? { key: K; args: A } : { key: K };
}[keyof Group];

/** A store field that may still hold a plain sentence from code not yet moved to the catalogue. */
export type Phrase = string | LocalText;

export function say(messages: Messages, phrase: Phrase): string {
  if (typeof phrase === 'string') return phrase;
  const entry = messages.notices[phrase.key] as string | ((...args: unknown[]) => string);
  return typeof entry === 'function' ? entry(...('args' in phrase ? phrase.args : [])) : entry;
}

/** Builds a LocalText with its arguments checked against the catalogue entry. */
export function localText<K extends keyof Group>(key: K, ...args: Group[K] extends (...a: infer A) => string ? A : []): LocalText {
  return (args.length > 0 ? { key, args } : { key }) as LocalText;
}
