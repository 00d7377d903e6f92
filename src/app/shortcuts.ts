/**
 * The lab's keyboard shortcuts as data: one table read by the key handler and by the help dialog, so the
 * help can never list a key that does nothing. `actionForKey` is pure and takes anything shaped like a
 * KeyboardEvent, so it is tested without a browser.
 */

export type ShortcutAction =
  | 'toggle-run'
  | 'step'
  | 'step-10'
  | 'reset'
  | 'add-layer'
  | 'toggle-exploding'
  | 'toggle-presentation'
  | 'help'
  | 'exit-presentation';

import type { Messages } from '../i18n/catalogue';

export interface Shortcut {
  /** KeyboardEvent.key, lower case for letters (Shift and Caps Lock give the same action). */
  key: string;
  /**
   * For keys whose Shift variant does something else (→ steps 1, Shift+→ steps 10): whether Shift must be
   * held. Left out, Shift does not matter (a letter, or "?" which needs Shift on many keyboards).
   */
  shift?: boolean;
  /** How the key is written in the help: a symbol shared by both languages, or the catalogue's name for it. */
  keyLabel: string | 'space' | 'esc';
  action: ShortcutAction;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: ' ', keyLabel: 'space', action: 'toggle-run' },
  { key: 'ArrowRight', shift: false, keyLabel: '→', action: 'step' },
  { key: 'ArrowRight', shift: true, keyLabel: 'Shift+→', action: 'step-10' },
  { key: 'r', keyLabel: 'R', action: 'reset' },
  { key: 'a', keyLabel: 'A', action: 'add-layer' },
  { key: 'e', keyLabel: 'E', action: 'toggle-exploding' },
  { key: 'p', keyLabel: 'P', action: 'toggle-presentation' },
  { key: '?', keyLabel: '?', action: 'help' },
  { key: 'Escape', keyLabel: 'esc', action: 'exit-presentation' },
];

/** What each action does, in the catalogue's words; a Record, so a new action without words does not compile. */
export function actionLabels(m: Messages): Record<ShortcutAction, string> {
  return {
    'toggle-run': m.help.toggleRun,
    step: m.help.step,
    'step-10': m.help.step10,
    reset: m.help.reset,
    'add-layer': m.help.addLayer,
    'toggle-exploding': m.help.toggleExploding,
    'toggle-presentation': m.help.togglePresentation,
    help: m.help.help,
    'exit-presentation': m.help.exitPresentation,
  };
}

/** The parts of an event target the guard looks at; an Element has them all. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
  /** Auto-repeat of a held key: holding Space must not start and pause many times a second. */
  repeat?: boolean;
  target?: TargetLike | EventTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Space already presses these; a shortcut on top would press Start twice. */
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

function isTyping(target: TargetLike): boolean {
  if (target.isContentEditable) return true;
  if (target.tagName !== undefined && TYPING_TAGS.has(target.tagName.toUpperCase())) return true;
  // A key pressed inside a dialog belongs to the dialog (Escape closes it rather than leaving presentation).
  return typeof target.closest === 'function' && target.closest('dialog, [contenteditable="true"]') !== null;
}

/**
 * The action a key press asks for, or null when it is not a shortcut here: a modifier is held (Ctrl+R
 * reloads the page, Alt+→ goes forward), the user is typing in a field, or Space lands on a button
 * that Space already presses.
 */
export function actionForKey(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = (event.target ?? null) as TargetLike | null;
  if (target && isTyping(target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key === ' ' && target?.tagName !== undefined && PRESSABLE_TAGS.has(target.tagName.toUpperCase())) return null;
  const found = SHORTCUTS.find((s) => s.key === key && (s.shift === undefined || s.shift === (event.shiftKey === true)));
  if (!found) return null;
  // Holding → keeps stepping, as a held key does in any viewer; every other action fires once.
  if (event.repeat && found.action !== 'step' && found.action !== 'step-10') return null;
  return found.action;
}
