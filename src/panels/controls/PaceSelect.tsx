/**
 * The pace of a run as a menu of named paces, each saying what it means in the mode on screen. Used in the
 * sidebar and, in small, in the presentation toolbar where the sidebar is hidden.
 */
import { useId } from 'react';
import { nearestPace, PACE_SPEEDS, PACES, type PaceName } from '../../config';
import { paceLabels } from '../../store/config';
import { useLang, useT } from '../../i18n/useT';
import { useLab } from '../../store/hooks';
import { paceHint, paceOption } from './paceText';

/**
 * `compact`: the presentation toolbar shares one line with the figures, so there the menu names the paces
 * only and says what each means in its tooltip; the sidebar lists the rates and a hint under the menu.
 */
export function PaceSelect({ className, compact = false }: { className: string; compact?: boolean }) {
  const mode = useLab((s) => s.config.mode);
  const speed = useLab((s) => s.config.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  const id = useId();
  const lang = useLang();
  const m = useT();
  // A speed between the named points (from code, never from this menu) shows as the nearest one.
  const pace = nearestPace(speed);
  return (
    <div className={className}>
      <label htmlFor={id}>{m.pace.label}</label>
      <select
        id={id}
        value={pace}
        aria-describedby={compact ? undefined : `${id}-hint`}
        title={compact ? paceOption(mode, pace, lang) : undefined}
        onChange={(e) => setSpeed(PACE_SPEEDS[e.target.value as PaceName])}
      >
        {PACES.map((p) => (
          <option key={p} value={p}>
            {compact ? paceLabels(lang)[p] : paceOption(mode, p, lang)}
          </option>
        ))}
      </select>
      {!compact && (
        <span id={`${id}-hint`} className="hint">
          {paceHint(mode, speed, lang)}
        </span>
      )}
    </div>
  );
}
