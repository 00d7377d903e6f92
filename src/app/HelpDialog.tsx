/**
 * The keyboard shortcuts, listed from the same table the key handler reads. A modal <dialog>: the
 * browser keeps the focus inside and closes it on Escape; the focus then goes back to whatever opened it.
 */
import { useEffect, useRef } from 'react';
import type { Messages } from '../i18n/catalogue';
import { useT } from '../i18n/useT';
import { actionLabels, SHORTCUTS, type Shortcut } from './shortcuts';

function keyName(m: Messages, label: Shortcut['keyLabel']): string {
  if (label === 'space') return m.help.keySpace;
  if (label === 'esc') return m.help.keyEsc;
  return label;
}

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const m = useT();
  const labels = actionLabels(m);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // showModal is missing in some test DOMs; the open attribute alone still shows the content.
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      // Not autoFocus: React would focus the button at mount, while the dialog is still closed.
      el.querySelector('button')?.focus();
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
    }
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="help-title">{m.help.title}</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                <kbd>{keyName(m, s.keyLabel)}</kbd>
              </th>
              <td>{labels[s.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{m.help.typingHint}</p>
      <button type="button" onClick={onClose}>
        {m.help.close}
      </button>
    </dialog>
  );
}
