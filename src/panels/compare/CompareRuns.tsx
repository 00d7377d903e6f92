/**
 * Pinned runs: keep the curves of this run to compare with the next (another seed, activation or
 * initialiser). They are drawn dashed in the learning-speed and accuracy charts.
 */
import { describeDifference } from '../../store/config';
import { isPinned, MAX_PINNED } from '../../store/store';
import { useLab, useLabFrame } from '../../store/hooks';
import { palette } from '../../app/palette';
import { pinnedDash } from '../common/dashes';
import { useLang, useT } from '../../i18n/useT';

export function CompareRuns() {
  const pinned = useLab((s) => s.pinned);
  const config = useLab((s) => s.config);
  const hasData = useLabFrame((s) => s.norms.length > 0);
  const alreadyPinned = useLabFrame(isPinned);
  const pinRun = useLab((s) => s.pinRun);
  const togglePinned = useLab((s) => s.togglePinned);
  const removePinned = useLab((s) => s.removePinned);
  const removeAllPinned = useLab((s) => s.removeAllPinned);
  const full = pinned.length >= MAX_PINNED;
  const m = useT().compare;
  const lang = useLang();

  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      {/* aria-disabled keeps the keyboard focus on the button after a press makes it unavailable. */}
      <button type="button" onClick={pinRun} aria-disabled={!hasData || full || alreadyPinned}>
        {m.pin}
      </button>
      {!hasData && <p className="hint">{m.noData}</p>}
      {full && <p className="hint">{m.full(MAX_PINNED)}</p>}
      {hasData && !full && alreadyPinned && <p className="hint">{m.alreadyPinned}</p>}
      {pinned.length > 0 && (
        <ul className="pinned-list">
          {pinned.map((p, index) => (
            <li key={p.id}>
              <svg className="pinned-dash" width="36" height="12" aria-hidden="true">
                <line x1="0" x2="36" y1="6" y2="6" stroke={palette.text} strokeWidth="3" strokeDasharray={pinnedDash(index)} />
              </svg>
              <span className="pinned-label">{m.pinned(p.id, describeDifference(p.config, config, lang))}</span>
              <span className="pinned-actions">
                <label className="toggle">
                  <input type="checkbox" checked={!p.hidden} onChange={() => togglePinned(p.id)} />
                  {m.show(p.id)}
                </label>
                <button type="button" onClick={() => removePinned(p.id)}>
                  {m.remove(p.id)}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {pinned.length > 0 && (
        <button type="button" className="remove-all-pinned" onClick={removeAllPinned}>
          {m.removeAll}
        </button>
      )}
    </section>
  );
}
