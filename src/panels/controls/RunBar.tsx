/**
 * Start, Pause, Step and Reset in one compact row, for the screens where the sidebar's own run buttons are
 * out of reach: one-column layouts (a phone, a laptop zoomed to 150 %), where the row stays pinned to the top
 * of the screen while the bars scroll past, and presentation mode, where the sidebar is hidden. The stylesheet shows it only there, so a page never
 * offers two visible Start buttons. A phone has room for four buttons only, so Step here is a single step;
 * Shift+→ takes ten.
 */
import { useLab } from '../../store/hooks';
import { shownStatus } from '../../store/store';
import { useT } from '../../i18n/useT';

export function RunBar() {
  // A stopped worker's last word may have been "running"; the buttons must not keep claiming it.
  const status = useLab(shownStatus);
  const start = useLab((s) => s.start);
  const pause = useLab((s) => s.pause);
  const step = useLab((s) => s.step);
  const reset = useLab((s) => s.reset);
  const m = useT();
  // As in the sidebar: once a run has ended only Reset helps, and aria-disabled keeps the focus in place.
  const ended = status === 'finished' || status === 'diverged';
  const endedProps = ended ? ({ 'aria-disabled': true, title: m.controls.endedTitle } as const) : {};
  return (
    <div className="run-bar" role="group" aria-label={m.controls.run}>
      <button
        type="button"
        className={status === 'running' ? 'primary active' : 'primary'}
        onClick={ended ? undefined : start}
        {...endedProps}
      >
        {m.controls.start}
      </button>
      <button type="button" className={status === 'paused' ? 'active' : undefined} onClick={pause}>
        {m.controls.pause}
      </button>
      <button type="button" title={m.controls.stepTitle} onClick={ended ? undefined : () => step(1)} {...endedProps}>
        {m.controls.step}
      </button>
      <button type="button" onClick={reset}>
        {m.controls.reset}
      </button>
    </div>
  );
}
