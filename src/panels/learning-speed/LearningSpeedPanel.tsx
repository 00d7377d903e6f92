/**
 * Figs. 5-7 live: the speed of learning ‖δˡ‖ of every hidden layer against epochs, plus pinned runs dashed and
 * faded (each its own dash), so the live run's solid lines stay the ones the eye follows.
 * A small, slow chart, so React renders the paths from D3 scales, at most once per animation frame.
 */
import { useLab, useLabFrame } from '../../store/hooks';
import { layerColour } from '../../app/palette';
import { pinnedDash } from '../common/dashes';
import { ChartFrame } from '../common/ChartFrame';
import { ReadoutAnnouncer, ReadoutMarks, useChartReadout } from '../common/ChartReadout';
import { PinnedLegendItems } from '../common/PinnedLegendItems';
import { bookNormsFor } from '../../store/figures';
import { BookMarks, bookSeries } from './BookMarks';
import { decadeTicks, formatDecade, layerPath, speedReadout, speedScales, SPEED_BOX as box } from './geometry';
import { LayerTable } from './LayerTable';
import { CompareTable } from './CompareTable';
import { SpeedExport } from '../export/PanelExports';
import { useLang, useT } from '../../i18n/useT';

export function LearningSpeedPanel() {
  const norms = useLabFrame((s) => s.norms);
  const pinned = useLab((s) => s.pinned);
  const config = useLab((s) => s.config);
  const numHidden = config.layers.length - 2;
  const m = useT().speed;
  const lang = useLang();
  const visiblePinned = pinned.map((p, index) => ({ p, index })).filter(({ p }) => !p.hidden);
  const book = bookNormsFor(config);
  const { x, y } = speedScales([norms, ...visiblePinned.map(({ p }) => p.norms), bookSeries(book)]);
  const yTicks = decadeTicks(y.domain() as [number, number]);
  const xTicks = x.ticks(6);
  const lastPoint = norms.length > 0 ? norms[norms.length - 1] : null;
  // The readout walks the current run's probes; with none yet, those of the first pinned run shown.
  const walked = norms.length > 0 ? norms : (visiblePinned[0]?.p.norms ?? []);
  const xs = walked.map((p) => p.x);
  const { index, svgProps, describedBy } = useChartReadout(xs, x, box);
  const readout = index < 0 ? null : speedReadout(xs[index], norms, visiblePinned, x, y, lang);
  // Short enough to stay inside the chart at the larger type of a phone or a projector.
  const xLabel = config.mode === 'learning-speed' ? m.xSpeed : m.xSgd;

  return (
    <section className="panel speed-panel" aria-labelledby="speed-title">
      <h2 id="speed-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      <div className="speed-body">
        <figure className="chart">
          <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={m.chartLabel} {...svgProps}>
            <g className="axis">
              {yTicks.map((t) => (
                <g key={t} transform={`translate(0,${y(t)})`}>
                  <line x1={box.left} x2={box.width - box.right} className="grid" />
                  <text x={box.left - 8} dy="0.32em" textAnchor="end">
                    {formatDecade(t)}
                  </text>
                </g>
              ))}
              <ChartFrame box={box} x={x} xTicks={xTicks} xLabel={xLabel} />
              <text
                transform={`translate(18,${(box.top + box.height - box.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
                className="axis-label y-label"
              >
                {m.yLabel}
              </text>
            </g>
            {visiblePinned.map(({ p, index }) =>
              Array.from({ length: p.config.layers.length - 2 }, (_, i) => (
                <path
                  key={`pin-${p.id}-${i}`}
                  d={layerPath(p.norms, i + 1, x, y)}
                  className="series pinned"
                  stroke={layerColour(i + 1)}
                  strokeDasharray={pinnedDash(index)}
                />
              )),
            )}
            {Array.from({ length: numHidden }, (_, i) => (
              <path key={`cur-${i}`} d={layerPath(norms, i + 1, x, y)} className="series" stroke={layerColour(i + 1)} />
            ))}
            <BookMarks book={book} x={x} y={y} />
            {/* The newest point of each layer, so a series of one probe is visible too. */}
            {lastPoint?.norms.map((v, i) =>
              Number.isFinite(v) && v > 0 ? (
                <circle key={`last-${i}`} cx={x(lastPoint.x)} cy={y(v)} r={5} fill={layerColour(i + 1)} className="last-point" />
              ) : null,
            )}
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
              {Array.from({ length: numHidden }, (_, i) => (
                <li key={i}>
                  <svg width="28" height="10" aria-hidden="true">
                    <line x1="0" x2="28" y1="5" y2="5" stroke={layerColour(i + 1)} strokeWidth="4" />
                  </svg>
                  {m.hiddenLayer(i + 1)}
                </li>
              ))}
              <PinnedLegendItems pinned={visiblePinned} current={config} />
              {book && <li className="book-legend">{m.bookLegend}</li>}
            </ul>
            <p className="hint">
              {m.exactHint} <span className="nowrap">← →</span>
            </p>
            {/* After the chart, so the keyboard reaches the chart first. */}
            <SpeedExport />
          </figcaption>
        </figure>
        <div className="speed-tables">
          <LayerTable />
          <CompareTable />
        </div>
      </div>
    </section>
  );
}
