/**
 * This run against the pinned ones in two numbers each: how much slower layer 1 learns than the last
 * hidden layer, and the best validation accuracy. Each pinned row carries the dash its curves are drawn
 * with, so the table is also the key to the chart.
 */
import { describeDifference } from '../../store/config';
import { useLab, useLabFrame } from '../../store/hooks';
import { pinnedDash } from '../common/dashes';
import { comparisonRow } from './compare';

export function CompareTable() {
  const pinned = useLab((s) => s.pinned);
  const config = useLab((s) => s.config);
  // Select the series themselves (stable between snapshots), not a row built from them: a fresh object on
  // every read would look like a change on every read.
  const norms = useLabFrame((s) => s.norms);
  const accuracy = useLabFrame((s) => s.accuracy);
  if (pinned.length === 0) return null;
  const current = comparisonRow(norms, accuracy, config.layers.length - 2);
  return (
    <div className="table-wrap compare-table">
      <table aria-label="This run and the pinned runs">
        <caption>This run and the pinned runs</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Layer 1 vs last, latest probe</th>
            <th scope="col">Best accuracy</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" className="current-sample" />
              </svg>
              This run
            </th>
            <td>{current.layer1VsLast}</td>
            <td>{current.best}</td>
          </tr>
          {pinned.map((p, index) => {
            const row = comparisonRow(p.norms, p.accuracy, p.config.layers.length - 2);
            return (
              <tr key={p.id} className={p.hidden ? 'pinned-row hidden-run' : 'pinned-row'}>
                <th scope="row">
                  <svg width="28" height="10" aria-hidden="true">
                    <line x1="0" x2="28" y1="5" y2="5" className="pinned-sample" strokeDasharray={pinnedDash(index)} />
                  </svg>
                  Pinned run {p.id}
                  <span className="th-note">{describeDifference(p.config, config)}</span>
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
