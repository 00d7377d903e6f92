/**
 * Says why a run stopped learning when the probe finds its hidden layers saturated, and offers the cure
 * (gradient-norm clipping) as a button. Once said, the notice stays for the rest of the run: after the
 * exploding preset's huge first step the gradient can flicker between vanishing and recovering from one
 * epoch to the next, and a notice that came and went with it could not be read.
 */
import { useRef } from 'react';
import { useLab, useLabFrame } from '../../store/hooks';
import { useLang } from '../../i18n/useT';
import { detectSaturation, saturationNotice, type Saturation } from './saturation';

export function SaturationNotice() {
  const runId = useLab((s) => s.runId);
  const exploding = useLab((s) => s.config.exploding);
  const clipNorm = useLab((s) => s.config.clipNorm);
  const activation = useLab((s) => s.config.activation);
  const update = useLab((s) => s.updateConfig);
  const snapshot = useLabFrame((s) => s.snapshot);
  const lang = useLang();
  const seen = useRef<{ runId: number; saturation: Saturation } | null>(null);
  if (seen.current !== null && seen.current.runId !== runId) seen.current = null;
  const now = snapshot !== null && snapshot.runId === runId ? detectSaturation(snapshot) : null;
  if (now !== null) seen.current = { runId, saturation: now };
  const notice = seen.current === null ? null : saturationNotice(seen.current.saturation, { exploding, clipNorm, activation }, lang);
  const cure = notice?.cure ?? null;
  // The live region is always in the page, so a screen reader is already listening when the notice appears.
  return (
    <div className={notice === null ? 'saturation-notice empty' : 'saturation-notice'} role="status" data-testid="saturation-notice">
      {notice !== null && <p>{notice.text}</p>}
      {cure !== null && (
        <button type="button" className="primary" onClick={() => update({ clipNorm: cure.clipNorm })}>
          {cure.label}
        </button>
      )}
    </div>
  );
}
