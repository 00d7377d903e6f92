/**
 * Glorot & Bengio's (2010) fig. 2 live: per hidden layer, the mean activation over the probe images with its
 * 2-98 % band against epoch, and a histogram of the activations at the latest probe with the share that is
 * saturated (dead, for ReLU). A small, slow chart, so React renders the shapes from D3 scales, at most once
 * per animation frame.
 */
import { HISTOGRAM_BINS, type ActivationName } from '../../engine';
import { layerColour } from '../../app/palette';
import { useLab, useLabFrame } from '../../store/hooks';
import type { ActivationPoint } from '../../store/series';
import type { Snapshot } from '../../worker/protocol';
import { ChartFrame } from '../common/ChartFrame';
import {
  BAND_BOX as box,
  HISTOGRAM_BOX as hbox,
  bandPath,
  bandScales,
  formatActivation,
  formatPercent,
  histogramBars,
  layerHistogram,
  meanPath,
} from './geometry';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/catalogue';
import './activations.css';

/** What "saturated" means for the activation, in the page's language. */
function ruleOf(T: Messages['activations'], activation: ActivationName): string {
  return activation === 'relu' ? T.ruleRelu : activation === 'tanh' ? T.ruleTanh : T.ruleSigmoid;
}

export function ActivationsPanel() {
  const T = useT().activations;
  const series = useLabFrame((s) => s.activations);
  const snapshot = useLabFrame((s) => s.snapshot);
  const runId = useLab((s) => s.runId);
  const activation = useLab((s) => s.config.activation);
  const mode = useLab((s) => s.config.mode);
  const numHidden = useLab((s) => s.config.layers.length - 2);
  const current = snapshot !== null && snapshot.runId === runId && snapshot.activationMean.length === numHidden ? snapshot : null;
  const layers = Array.from({ length: numHidden }, (_, i) => i + 1);
  const { x, y } = bandScales(activation, series);
  const last = series.length > 0 ? series[series.length - 1] : null;

  return (
    <section className="panel activations-panel" id="activations-panel" aria-labelledby="activations-title">
      <h2 id="activations-title">{T.title}</h2>
      <p className="explain">{T.explain}</p>
      {current === null || last === null ? (
        <p className="hint">{T.waiting}</p>
      ) : (
        <div className="activations-body">
          <figure className="chart">
            <svg viewBox={`0 0 ${box.width} ${box.height}`} role="group" aria-label={T.chartLabel}>
              <g className="axis">
                {y.ticks(5).map((t) => (
                  <g key={t} transform={`translate(0,${y(t)})`}>
                    <line x1={box.left} x2={box.width - box.right} className="grid" />
                    <text x={box.left - 8} dy="0.32em" textAnchor="end">
                      {formatActivation(t)}
                    </text>
                  </g>
                ))}
                <ChartFrame box={box} x={x} xTicks={x.ticks(6)} xLabel={mode === 'sgd' ? T.xLabelSgd : T.xLabelLearningSpeed} />
                <text
                  transform={`translate(16,${(box.top + box.height - box.bottom) / 2}) rotate(-90)`}
                  textAnchor="middle"
                  className="axis-label y-label"
                >
                  {T.yLabel}
                </text>
              </g>
              {layers.map((h) => (
                <LayerSeries key={h} h={h} series={series} last={last} x={x} y={y} />
              ))}
            </svg>
            <figcaption>
              <ul className="legend">
                {layers.map((h) => (
                  <li key={h}>
                    <svg width="28" height="12" aria-hidden="true">
                      <rect x="0" y="0" width="28" height="12" fill={layerColour(h)} className="band-sample" />
                      <line x1="0" x2="28" y1="6" y2="6" stroke={layerColour(h)} strokeWidth="3" />
                    </svg>
                    {T.layer(h)}
                  </li>
                ))}
                <li className="legend-note">{T.legendBand}</li>
              </ul>
            </figcaption>
          </figure>
          <ul className="histograms" aria-label={T.histogramsLabel}>
            {layers.map((h) => (
              <li key={h}>
                <LayerHistogram h={h} snapshot={current} rule={ruleOf(T, activation)} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

type Scale = ((v: number) => number) & { domain(): number[] };

function LayerSeries({
  h,
  series,
  last,
  x,
  y,
}: {
  h: number;
  series: readonly ActivationPoint[];
  last: ActivationPoint;
  x: Scale;
  y: Scale;
}) {
  const T = useT().activations;
  const i = h - 1;
  const colour = layerColour(h);
  const mean = last.mean[i];
  const label = T.layerSeries(h, formatActivation(mean), formatActivation(last.p02[i]), formatActivation(last.p98[i]));
  return (
    <g className="layer-series">
      <title>{label}</title>
      <path d={bandPath(series, h, x, y)} fill={colour} className="band" />
      <path d={meanPath(series, h, x, y)} stroke={colour} className="series" />
      {Number.isFinite(mean) && <circle cx={x(last.x)} cy={y(mean)} r={4} fill={colour} className="last-point" />}
    </g>
  );
}

function LayerHistogram({ h, snapshot, rule }: { h: number; snapshot: Snapshot; rule: string }) {
  const T = useT().activations;
  const bars = histogramBars(layerHistogram(snapshot.activationHistogram, HISTOGRAM_BINS, h), hbox);
  const lo = snapshot.histogramRange[2 * (h - 1)];
  const hi = snapshot.histogramRange[2 * (h - 1) + 1];
  const share = formatPercent(snapshot.saturatedShare[h - 1]);
  const baseline = hbox.height - hbox.bottom;
  return (
    <figure className="histogram">
      <figcaption>{T.layer(h)}</figcaption>
      <svg viewBox={`0 0 ${hbox.width} ${hbox.height}`} role="img" aria-label={T.histogram(h, rule, share)}>
        {bars.map((b) => (
          <rect key={b.x} x={b.x} y={b.y} width={b.width} height={b.height} fill={layerColour(h)} className="bin" />
        ))}
        <line x1={hbox.left} x2={hbox.width - hbox.right} y1={baseline} y2={baseline} className="domain" />
        <text x={hbox.left} y={hbox.height - 6} className="range-label">
          {formatActivation(lo)}
        </text>
        <text x={hbox.width - hbox.right} y={hbox.height - 6} textAnchor="end" className="range-label">
          {formatActivation(hi)}
        </text>
      </svg>
      <p className="share">{T.shareLine(rule, share)}</p>
    </figure>
  );
}
