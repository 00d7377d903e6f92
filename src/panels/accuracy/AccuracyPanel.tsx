/**
 * Validation accuracy per epoch in SGD mode, with the book's result for the same depth marked so the class
 * can see whether deeper helped.
 */
import { useLang, useT } from '../../i18n/useT';
import { numberFormats } from '../../i18n/number';
import { scaleLinear, line } from 'd3';
import { epochsFor } from '../../config';
import { useLab, useLabFrame } from '../../store/hooks';
import type { AccuracyPoint } from '../../store/series';
import { palette } from '../../app/palette';
import { pinnedDash } from '../common/dashes';
import { ChartFrame } from '../common/ChartFrame';
import { ReadoutAnnouncer, ReadoutMarks, useChartReadout } from '../common/ChartReadout';
import { PinnedLegendItems } from '../common/PinnedLegendItems';
import { AccuracyExport } from '../export/PanelExports';
import { accuracyDomain, accuracyReadout, bookAccuracyFor } from './geometry';

const box = { width: 540, height: 300, left: 66, right: 14, top: 14, bottom: 50 };

export function AccuracyPanel() {
  const accuracy = useLabFrame((s) => s.accuracy);
  const pinned = useLab((s) => s.pinned);
  const config = useLab((s) => s.config);
  const mark = bookAccuracyFor(config.layers);
  const words = useT();
  const m = words.accuracy;
  const lang = useLang();
  const nf = numberFormats(lang);
  const visiblePinned = pinned.map((p, index) => ({ p, index })).filter(({ p }) => !p.hidden && p.accuracy.length > 0);
  const allValues = [accuracy, ...visiblePinned.map(({ p }) => p.accuracy)].flatMap((s) => s.map((a) => a.accuracy * 100));
  const [yLo, yHi] = accuracyDomain(allValues, mark);
  // Outside SGD mode the chart waits for an SGD run: its axis already spans that run's epochs, whole numbers
  // rather than 0.2, 0.4, … of an epoch that is never measured.
  const xMax = Math.max(
    config.mode === 'sgd' ? config.epochs : epochsFor('sgd'),
    ...[accuracy, ...visiblePinned.map(({ p }) => p.accuracy)].flatMap((s) => s.map((a) => a.epoch)),
  );
  const x = scaleLinear()
    .domain([0, xMax])
    .range([box.left, box.width - box.right]);
  const y = scaleLinear()
    .domain([yLo, yHi])
    .range([box.height - box.bottom, box.top]);
  const path = line<AccuracyPoint>()
    .defined((a) => Number.isFinite(a.accuracy))
    .x((a) => x(a.epoch))
    .y((a) => y(a.accuracy * 100));
  const latest = accuracy[accuracy.length - 1];
  // The readout steps through this run's epochs; before its first, through the first pinned run's.
  const walked = accuracy.length > 0 ? accuracy : (visiblePinned[0]?.p.accuracy ?? []);
  const xs = walked.map((a) => a.epoch);
  const { index, svgProps, describedBy } = useChartReadout(xs, x, box);
  const readout = index < 0 ? null : accuracyReadout(xs[index], accuracy, visiblePinned, x, y, lang);

  return (
    <section className="panel accuracy-panel" aria-labelledby="accuracy-title">
      <div className="panel-head">
        <h2 id="accuracy-title">{m.title}</h2>
        <AccuracyExport />
      </div>
      <p className="explain">{m.explain}</p>
      {config.mode !== 'sgd' && <p className="hint">{m.sgdOnly}</p>}
      <figure className="chart">
        <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={m.chartLabel} {...svgProps}>
          <g className="axis">
            {y.ticks(5).map((t) => (
              <g key={t} transform={`translate(0,${y(t)})`}>
                <line x1={box.left} x2={box.width - box.right} className="grid" />
                <text x={box.left - 8} dy="0.32em" textAnchor="end">
                  {t} %
                </text>
              </g>
            ))}
            <ChartFrame box={box} x={x} xTicks={x.ticks(6)} xLabel={m.xLabel} />
          </g>
          {mark !== null && (
            <g className="book-mark">
              <line x1={box.left} x2={box.width - box.right} y1={y(mark)} y2={y(mark)} />
              <text x={box.width - box.right - 4} y={y(mark) - 6} textAnchor="end">
                {m.book(config.layers.length - 2, `${nf.fixed(mark, 2)} %`)}
              </text>
            </g>
          )}
          {visiblePinned.map(({ p, index }) => (
            <g key={p.id} className="pinned-run">
              <path d={path(p.accuracy) ?? ''} className="series pinned" stroke={palette.pinnedRun} strokeDasharray={pinnedDash(index)} />
              {p.accuracy.map((a) => (
                <circle key={a.epoch} cx={x(a.epoch)} cy={y(a.accuracy * 100)} r={3.5} className="dot pinned" />
              ))}
            </g>
          ))}
          <path d={path(accuracy) ?? ''} className="series" stroke={palette.currentRun} />
          {accuracy.map((a) => (
            <circle key={a.epoch} cx={x(a.epoch)} cy={y(a.accuracy * 100)} r={3.5} className="dot" />
          ))}
          {readout && (
            <ReadoutMarks
              box={box}
              anchorX={x(readout.x)}
              dots={readout.dots}
              title={readout.title}
              columns={readout.columns}
              rows={readout.rows}
            />
          )}
        </svg>
        <ReadoutAnnouncer id={describedBy} title={readout?.title ?? null} columns={readout?.columns ?? []} rows={readout?.rows ?? []} />
        <figcaption>
          <ul className="legend">
            <li>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" stroke={palette.currentRun} strokeWidth="4" />
              </svg>
              {latest ? m.thisRunAt(nf.percent(latest.accuracy, 2), latest.epoch) : m.thisRun}
            </li>
            {mark !== null && (
              <li>
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="0" x2="28" y1="5" y2="5" className="book-swatch" />
                </svg>
                {m.bookSameDepth(`${nf.fixed(mark, 2)} %`)}
              </li>
            )}
            <PinnedLegendItems pinned={visiblePinned} current={config} stroke={palette.pinnedRun} />
          </ul>
          <p className="hint">
            {words.speed.exactHint} <span className="nowrap">← →</span>
          </p>
        </figcaption>
      </figure>
    </section>
  );
}
