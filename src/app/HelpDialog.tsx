/**
 * The keyboard shortcuts, listed from the same table the key handler reads. A modal <dialog>: the
 * browser keeps the focus inside and closes it on Escape; the focus then goes back to whatever opened it.
 */
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

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
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                <kbd>{s.keyLabel}</kbd>
              </th>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Shortcuts wait while you type in a field.</p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
