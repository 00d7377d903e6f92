/**
 * σ and σ′ side by side: σ′ peaks at σ′(0) = 1/4, which is why every factor wⱼσ′(zⱼ) of eq. 122 is at most
 * |wⱼ|/4. Another activation's derivative can be overlaid for the chapter's exercise (would a larger derivative
 * help? tanh′(0) = 1 and ReLU′ = 1 for z > 0 remove the 1/4, but then |w| alone decides between vanishing and exploding).
 */
import { useState, type PointerEvent } from 'react';
import { line, scaleLinear } from 'd3';
import { COMPARISONS, COMPARISON_LABEL, Z_RANGE, pointerToUnits, readoutAt, sigmaCurves, type Comparison } from './sigmaGeometry';
import { useInstrumentText } from './text';
import { Slider } from './Slider';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

const box = { width: 640, height: 260, left: 44, right: 16, top: 14, bottom: 36 };

export function SigmaPanel() {
  const { m: all, num: formatNumber } = useInstrumentText();
  const m = all.sigma;
  const [comparison, setComparison] = useState<Comparison>('tanh');
  const [z, setZ] = useState(0);
  const x = scaleLinear()
    .domain(Z_RANGE)
    .range([box.left, box.width - box.right]);
  const y = scaleLinear()
    .domain([0, 1.05])
    .range([box.height - box.bottom, box.top]);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const curves = sigmaCurves(comparison);
  const r = readoutAt(z, comparison);

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = pointerToUnits(e.clientX - rect.left, rect.width, box.width);
    const zz = Math.max(Z_RANGE[0], Math.min(Z_RANGE[1], x.invert(px)));
    setZ(Math.round(zz * 100) / 100);
  };

  return (
    <section className="panel instrument sigma-instrument" aria-labelledby="sigma-title">
      <InstrumentExport name="sigma" title={m.exportTitle} />
      <h2 id="sigma-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      <figure className="chart">
        <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={m.figure} onPointerMove={onPointerMove}>
          <g className="axis">
            {y.ticks(5).map((t) => (
              <g key={t} transform={`translate(0,${y(t)})`}>
                <line x1={box.left} x2={box.width - box.right} className="grid" stroke={palette.grid} />
                <text x={box.left - 6} dy="0.32em" textAnchor="end" className="small">
                  {t}
                </text>
              </g>
            ))}
            {x.ticks(8).map((t) => (
              <text key={t} x={x(t)} y={box.height - box.bottom + 16} textAnchor="middle" className="small">
                {t}
              </text>
            ))}
            <text x={box.width - box.right} y={box.height - 4} textAnchor="end" className="axis-label">
              z
            </text>
          </g>
          <path d={path(curves.sigma) ?? ''} fill="none" stroke={palette.curvePrimary} strokeWidth={2} data-curve="sigma" />
          <path d={path(curves.sigmaPrime) ?? ''} fill="none" stroke={palette.curveSecondary} strokeWidth={2} data-curve="sigma-prime" />
          {curves.other && (
            <path
              d={path(curves.other) ?? ''}
              fill="none"
              stroke={palette.curveTertiary}
              strokeWidth={2}
              strokeDasharray="6 4"
              data-curve="other-prime"
            />
          )}
          <circle cx={x(0)} cy={y(0.25)} r={4} fill={palette.curveSecondary} />
          <text x={x(0) + 8} y={y(0.25) - 8} className="small">
            σ′(0) = 1/4
          </text>
          <line x1={x(z)} x2={x(z)} y1={box.top} y2={box.height - box.bottom} stroke={palette.reference} strokeDasharray="3 3" />
          <circle cx={x(z)} cy={y(r.sigma)} r={3} fill={palette.curvePrimary} />
          <circle cx={x(z)} cy={y(r.sigmaPrime)} r={3} fill={palette.curveSecondary} />
          <text x={box.left + 6} y={box.top + 10} className="small" style={{ fill: palette.curvePrimary }}>
            σ(z)
          </text>
          <text x={box.left + 6} y={box.top + 24} className="small" style={{ fill: palette.curveSecondary }}>
            σ′(z)
          </text>
          {r.other && (
            <text x={box.left + 6} y={box.top + 38} className="small" style={{ fill: palette.curveTertiary }}>
              {m.dashed(r.other.label)}
            </text>
          )}
        </svg>
      </figure>
      <p className="readout" role="status" aria-label={m.readout}>
        z = {formatNumber(z)}: σ(z) = {formatNumber(r.sigma)}, σ′(z) = {formatNumber(r.sigmaPrime)}
        {r.other && `, ${r.other.label}′(z) = ${formatNumber(r.other.fPrime)}`}
      </p>
      <div className="instrument-controls">
        <Slider label="z" value={z} min={Z_RANGE[0]} max={Z_RANGE[1]} step={0.01} onChange={setZ} description={m.zSlider} />
        <label>
          {m.compare}{' '}
          <select value={comparison} onChange={(e) => setComparison(e.currentTarget.value as Comparison)}>
            {COMPARISONS.map((c) => (
              <option key={c} value={c}>
                {c === 'none' ? m.nothing : COMPARISON_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
