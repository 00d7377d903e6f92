import { describe, expect, it } from 'vitest';
import { actionForKey, actionLabels, SHORTCUTS, type KeyLike } from '../../src/app/shortcuts';
import { en } from '../../src/i18n/en';

const on = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, closest: () => null, ...extra });
const press = (key: string, extra: Partial<KeyLike> = {}) => actionForKey({ key, target: on('BODY'), ...extra });

describe('actionForKey', () => {
  it('maps every key of the table to its action, letters in either case', () => {
    expect(press(' ')).toBe('toggle-run');
    expect(press('ArrowRight')).toBe('step');
    expect(press('ArrowRight', { shiftKey: true })).toBe('step-10');
    expect(press('r')).toBe('reset');
    expect(press('R')).toBe('reset');
    expect(press('a')).toBe('add-layer');
    expect(press('e')).toBe('toggle-exploding');
    expect(press('P')).toBe('toggle-presentation');
    expect(press('?')).toBe('help');
    expect(press('Escape')).toBe('exit-presentation');
    expect(press('x')).toBeNull();
    expect(press('ArrowLeft')).toBeNull();
  });

  it('the help lists each action once, and every listed key maps back to its action', () => {
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(press(s.key, { shiftKey: s.shift })).toBe(s.action);
  });

  it('never fires while typing in an input, select, textarea or editable element', () => {
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA', 'input']) {
      expect(actionForKey({ key: 'p', target: on(tag) }), tag).toBeNull();
      expect(actionForKey({ key: ' ', target: on(tag) }), tag).toBeNull();
      expect(actionForKey({ key: 'Escape', target: on(tag) }), tag).toBeNull();
    }
    expect(actionForKey({ key: 'r', target: on('DIV', { isContentEditable: true }) })).toBeNull();
    // A key pressed inside the help dialog belongs to the dialog.
    expect(actionForKey({ key: 'p', target: on('BUTTON', { closest: (sel: string) => (sel.includes('dialog') ? {} : null) }) })).toBeNull();
  });

  it('steps ten epochs on Shift+→, one on →, and lists both in the help', () => {
    expect(press('ArrowRight', { shiftKey: false })).toBe('step');
    expect(press('ArrowRight', { shiftKey: true })).toBe('step-10');
    // Held down, both keep stepping, as → always did.
    expect(press('ArrowRight', { shiftKey: true, repeat: true })).toBe('step-10');
    expect(press('ArrowRight', { shiftKey: true, ctrlKey: true })).toBeNull();
    const help = SHORTCUTS.filter((s) => s.key === 'ArrowRight').map((s) => [s.keyLabel, actionLabels(en)[s.action]]);
    expect(help).toEqual([
      ['→', 'Step: one epoch (SGD: one probe interval)'],
      ['Shift+→', 'Step: ten epochs (SGD: ten probe intervals)'],
    ]);
  });

  it('leaves Ctrl, Meta and Alt combinations to the browser (Ctrl+R reloads, Alt+→ goes forward)', () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('p', { metaKey: true })).toBeNull();
    expect(press('ArrowRight', { altKey: true })).toBeNull();
    expect(press('r', { shiftKey: true } as Partial<KeyLike>)).toBe('reset');
  });

  it('lets Space press a focused button instead of also starting the run; other keys still work there', () => {
    expect(actionForKey({ key: ' ', target: on('BUTTON') })).toBeNull();
    expect(actionForKey({ key: ' ', target: on('A') })).toBeNull();
    expect(actionForKey({ key: 'ArrowRight', target: on('BUTTON') })).toBe('step');
  });

  it('ignores a held key except →, so holding Space does not start and pause in a loop', () => {
    expect(press(' ', { repeat: true })).toBeNull();
    expect(press('ArrowRight', { repeat: true })).toBe('step');
  });

  it('works without a target', () => {
    expect(actionForKey({ key: 'a' })).toBe('add-layer');
  });
});
