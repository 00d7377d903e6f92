/**
 * This run against the pinned ones in two numbers each: how much slower layer 1 learns than the last
 * hidden layer, and the best validation accuracy. Each pinned row carries the dash its curves are drawn
 * with, so the table is also the key to the chart.
 */
import { describeDifference } from '../../store/config';
import { useLab, useLabFrame } from '../../store/hooks';
import { pinnedDash } from '../common/dashes';
import { comparisonRow } from './compare';
import { useLang, useT } from '../../i18n/useT';

export function CompareTable() {
  const pinned = useLab((s) => s.pinned);
  const config = useLab((s) => s.config);
  // Select the series themselves (stable between snapshots), not a row built from them: a fresh object on
  // every read would look like a change on every read.
  const norms = useLabFrame((s) => s.norms);
  const accuracy = useLabFrame((s) => s.accuracy);
  const m = useT().speed;
  const lang = useLang();
  if (pinned.length === 0) return null;
  const current = comparisonRow(norms, accuracy, config.layers.length - 2, lang);
  return (
    <div className="table-wrap compare-table">
      <table aria-label={m.compareTable}>
        <caption>{m.compareTable}</caption>
        <thead>
          <tr>
            <th scope="col">{m.run}</th>
            <th scope="col">{m.layer1VsLast}</th>
            <th scope="col">{m.bestAccuracy}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" className="current-sample" />
              </svg>
              {m.thisRun}
            </th>
            <td>{current.layer1VsLast}</td>
            <td>{current.best}</td>
          </tr>
          {pinned.map((p, index) => {
            const row = comparisonRow(p.norms, p.accuracy, p.config.layers.length - 2, lang);
            return (
              <tr key={p.id} className={p.hidden ? 'pinned-row hidden-run' : 'pinned-row'}>
                <th scope="row">
                  <svg width="28" height="10" aria-hidden="true">
                    <line x1="0" x2="28" y1="5" y2="5" className="pinned-sample" strokeDasharray={pinnedDash(index)} />
                  </svg>
                  {m.pinnedRun(p.id)}
                  <span className="th-note">{describeDifference(p.config, config, lang)}</span>
                </th>
                <td>{row.layer1VsLast}</td>
                <td>{row.best}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
