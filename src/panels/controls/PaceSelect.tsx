/**
 * The pace of a run as a menu of named paces, each saying what it means in the mode on screen. Used in the
 * sidebar and, in small, in the presentation toolbar where the sidebar is hidden.
 */
import { useId } from 'react';
import { nearestPace, PACE_SPEEDS, PACES, type PaceName } from '../../config';
import { useLab } from '../../store/hooks';
import { paceHint, paceOption } from './paceText';

export function PaceSelect({ className, withHint = true }: { className: string; withHint?: boolean }) {
  const mode = useLab((s) => s.config.mode);
  const speed = useLab((s) => s.config.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  const id = useId();
  // A speed between the named points (from code, never from this menu) shows as the nearest one.
  const pace = nearestPace(speed);
  return (
    <div className={className}>
      <label htmlFor={id}>Pace</label>
      <select
        id={id}
        value={pace}
        aria-describedby={withHint ? `${id}-hint` : undefined}
        onChange={(e) => setSpeed(PACE_SPEEDS[e.target.value as PaceName])}
      >
        {PACES.map((p) => (
          <option key={p} value={p}>
            {paceOption(mode, p)}
          </option>
        ))}
      </select>
      {withHint && (
        <span id={`${id}-hint`} className="hint">
          {paceHint(mode, speed)}
        </span>
      )}
    </div>
  );
}
