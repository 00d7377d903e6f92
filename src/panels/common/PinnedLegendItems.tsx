/**
 * Legend entries for pinned runs, shared by every chart that overlays them: a dash sample in the run's own
 * pattern and a label saying how that run differs from the current configuration.
 */
import { describeDifference } from '../../store/config';
import type { RunConfig } from '../../config';
import { palette } from '../../app/palette';
import { pinnedDash } from './dashes';
import { useLang, useT } from '../../i18n/useT';

export function PinnedLegendItems({
  pinned,
  current,
  stroke = palette.text,
}: {
  pinned: { p: { id: number; config: RunConfig }; index: number }[];
  current: RunConfig;
  /** The colour the chart draws pinned lines in, where it has one colour for them. */
  stroke?: string;
}) {
  const m = useT();
  const lang = useLang();
  return (
    <>
      {pinned.map(({ p, index }) => (
        <li key={`pin-${p.id}`}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="28"
              y1="5"
              y2="5"
              className="pinned-sample"
              stroke={stroke}
              strokeWidth="3"
              strokeDasharray={pinnedDash(index)}
            />
          </svg>
          {m.compare.pinned(p.id, describeDifference(p.config, current, lang))}
        </li>
      ))}
    </>
  );
}
