/**
 * The chapter's problem (eq. 123): |wσ′(wa+b)| ≥ 1 needs |w| ≥ 4, and even then holds only for input
 * activations a in an interval at most ≈ 0.45 wide. Left: the factor along a, the interval shaded. Right: the
 * interval's width against |w| from eq. 123, with its maximum.
 */
import { useMemo, useState } from 'react';
import { line, scaleLinear } from 'd3';
import { intervalWidth, widthMaximum } from '../../engine';
import { A_RANGE, ABS_W_RANGE, factorCurve, shading, widthPlot } from './boundGeometry';
import { useInstrumentText } from './text';
import { Slider } from './Slider';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

const left = { width: 400, height: 240, l: 44, r: 12, t: 14, b: 36 };
const right = { width: 320, height: 240, l: 44, r: 12, t: 14, b: 36 };

export function BoundPanel() {
  const { m: all, num: formatNumber } = useInstrumentText();
  const m = all.bound;
  const [w, setW] = useState(8);
  const [b, setB] = useState(-4);
  const max = useMemo(widthMaximum, []);
  const curve = useMemo(widthPlot, []);
  const shade = shading(w, b);
  const width = intervalWidth(w);
  const absW = Math.abs(w);

  const ax = scaleLinear()
    .domain(A_RANGE)
    .range([left.l, left.width - left.r]);
  // the factor peaks at |w|/4 (z = 0); keep the line at 1 in view and the peak on the plot up to |w| = 30
  const factorTop = Math.max(2, Math.ceil(absW / 4 + 0.5));
  const fy = scaleLinear()
    .domain([0, factorTop])
    .range([left.height - left.b, left.t])
    .clamp(true);
  const factorPath = line<[number, number]>()
    .x((p) => ax(p[0]))
    .y((p) => fy(p[1]));
  const wx = scaleLinear()
    .domain(ABS_W_RANGE)
    .range([right.l, right.width - right.r]);
  const wy = scaleLinear()
    .domain([0, 0.5])
    .range([right.height - right.b, right.t]);
  const widthPath = line<[number, number]>()
    .x((p) => wx(p[0]))
    .y((p) => wy(p[1]));

  return (
    <section className="panel instrument bound-instrument" aria-labelledby="bound-title">
      <InstrumentExport name="bound" title={m.exportTitle} />
      <h2 id="bound-title">{m.title}</h2>
      <p className="explain">{m.explain(formatNumber(max.width), formatNumber(max.absW))}</p>
      <div className="chart-row">
        <figure className="chart">
          <svg viewBox={`0 0 ${left.width} ${left.height}`} role="img" aria-label={m.factorFigure}>
            {shade?.shown && (
              <rect
                className="unstable-interval"
                x={ax(shade.shown[0])}
                width={ax(shade.shown[1]) - ax(shade.shown[0])}
                y={left.t}
                height={left.height - left.b - left.t}
                fill={palette.escapeBand}
                data-lo={String(shade.lo)}
                data-hi={String(shade.hi)}
              />
            )}
            <rect x={ax(0)} width={ax(1) - ax(0)} y={left.height - left.b} height={4} fill={palette.reference}>
              <title>{m.activationRange}</title>
            </rect>
            {fy.ticks(4).map((t) => (
              <g key={t} transform={`translate(0,${fy(t)})`}>
                <line
                  x1={left.l}
                  x2={left.width - left.r}
                  stroke={t === 1 ? palette.growingFactor : palette.grid}
                  strokeDasharray={t === 1 ? '5 3' : undefined}
                />
                <text x={left.l - 6} dy="0.32em" textAnchor="end" className="small">
                  {t}
                </text>
              </g>
            ))}
            {ax.ticks(4).map((t) => (
              <text key={t} x={ax(t)} y={left.height - left.b + 18} textAnchor="middle" className="small">
                {t}
              </text>
            ))}
            <text x={left.width - left.r} y={left.height - 4} textAnchor="end" className="axis-label">
              a
            </text>
            <path d={factorPath(factorCurve(w, b)) ?? ''} fill="none" stroke={palette.curvePrimary} strokeWidth={2} />
            <text x={left.l + 6} y={left.t + 10} className="small">
              |wσ′(wa+b)|
            </text>
          </svg>
        </figure>
        <figure className="chart">
          <svg viewBox={`0 0 ${right.width} ${right.height}`} role="img" aria-label={m.widthFigure}>
            {wy.ticks(5).map((t) => (
              <g key={t} transform={`translate(0,${wy(t)})`}>
                <line x1={right.l} x2={right.width - right.r} stroke={palette.grid} />
                <text x={right.l - 6} dy="0.32em" textAnchor="end" className="small">
                  {t}
                </text>
              </g>
            ))}
            {wx.ticks(6).map((t) => (
              <text key={t} x={wx(t)} y={right.height - right.b + 18} textAnchor="middle" className="small">
                {t}
              </text>
            ))}
            <text x={right.width - right.r} y={right.height - 4} textAnchor="end" className="axis-label">
              |w|
            </text>
            <path d={widthPath(curve) ?? ''} fill="none" stroke={palette.curveTertiary} strokeWidth={2} />
            <circle cx={wx(max.absW)} cy={wy(max.width)} r={4} fill={palette.curveTertiary} />
            <text x={wx(max.absW) + 8} y={wy(max.width) - 6} className="small">
              {m.maximum(formatNumber(max.width), formatNumber(max.absW))}
            </text>
            {absW <= ABS_W_RANGE[1] && <circle cx={wx(absW)} cy={wy(width)} r={4} fill={palette.curvePrimary} stroke={palette.paper} />}
          </svg>
        </figure>
      </div>
      <p className="readout" aria-live="polite">
        <output aria-label={m.widthLabel} data-value={String(width)}>
          {absW < 4 ? m.noInterval(formatNumber(absW)) : m.width(formatNumber(width, 4))}
        </output>
        {shade && m.interval(formatNumber(shade.lo, 4), formatNumber(shade.hi, 4), shade.shown !== null)}
      </p>
      <div className="instrument-controls slider-grid">
        <Slider label="w" name={m.wName} value={w} min={-30} max={30} step={0.01} onChange={setW} description={m.wSlider} />
        <Slider label="b" name={m.bName} value={b} min={-30} max={30} step={0.01} onChange={setB} description={m.bSlider} />
      </div>
    </section>
  );
}
