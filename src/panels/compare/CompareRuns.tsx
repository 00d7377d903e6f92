/**
 * Pinned runs: keep the curves of this run to compare with the next (another seed, activation or
 * initialiser). They are drawn dashed in the learning-speed and accuracy charts.
 */
import { describeDifference } from '../../store/config';
import { isPinned, MAX_PINNED } from '../../store/store';
import { useLab, useLabFrame } from '../../store/hooks';
import { palette } from '../../app/palette';
import { pinnedDash } from '../common/dashes';

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

  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare runs</h2>
      <p className="explain">
        Pin this run, change one setting (seed, activation, initialiser), and watch the new curves against the dashed pinned ones. Pinned
        runs are kept in this browser across reloads.
      </p>
      {/* aria-disabled keeps the keyboard focus on the button after a press makes it unavailable. */}
      <button type="button" onClick={pinRun} aria-disabled={!hasData || full || alreadyPinned}>
        Pin this run
      </button>
      {!hasData && <p className="hint">Available after the first probe of the network.</p>}
      {full && <p className="hint">At most {MAX_PINNED} pinned runs: remove one to pin another.</p>}
      {hasData && !full && alreadyPinned && (
        <p className="hint">This run is pinned as it stands; train on or change a setting to pin another.</p>
      )}
      {pinned.length > 0 && (
        <ul className="pinned-list">
          {pinned.map((p, index) => (
            <li key={p.id}>
              <svg className="pinned-dash" width="36" height="12" aria-hidden="true">
                <line x1="0" x2="36" y1="6" y2="6" stroke={palette.text} strokeWidth="3" strokeDasharray={pinnedDash(index)} />
              </svg>
              <span className="pinned-label">
                Pinned run {p.id}: {describeDifference(p.config, config)}
              </span>
              <span className="pinned-actions">
                <label className="toggle">
                  <input type="checkbox" checked={!p.hidden} onChange={() => togglePinned(p.id)} />
                  Show pinned run {p.id}
                </label>
                <button type="button" onClick={() => removePinned(p.id)}>
                  Remove pinned run {p.id}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {pinned.length > 0 && (
        <button type="button" className="remove-all-pinned" onClick={removeAllPinned}>
          Remove all pinned runs
        </button>
      )}
    </section>
  );
}
