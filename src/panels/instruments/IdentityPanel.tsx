/**
 * The identity-neuron exercise: w₂σ(w₁x + b) ≈ x on [0, 1]. With b = −w₁/2 and w₂ = 4/w₁ the Taylor expansion
 * σ(w₁Δ) = ½ + w₁Δ/4 − (w₁Δ)³/48 + … (x = ½ + Δ) gives slope 1 plus a constant 2/w₁ − ½, which the next
 * neuron's bias has to remove (c here); what is left shrinks like w₁²/96.
 */
import { useMemo, useState } from 'react';
import { line, scaleLinear } from 'd3';
import { maxIdentityError, solveIdentity, type IdentityParams } from '../../engine';
import { SOLVE_W1, errorTable, outputCurve } from './identityGeometry';
import { useInstrumentText } from './text';
import { Slider } from './Slider';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

const box = { width: 400, height: 260, l: 44, r: 12, t: 14, b: 36 };
const INITIAL: IdentityParams = { w1: 1, b: 0, w2: 1, c: 0 };

export function IdentityPanel() {
  const { m: all, num: formatNumber } = useInstrumentText();
  const m = all.identity;
  const [p, setP] = useState<IdentityParams>(INITIAL);
  const table = useMemo(() => errorTable(), []);
  const error = maxIdentityError(p);
  const x = scaleLinear()
    .domain([0, 1])
    .range([box.l, box.width - box.r]);
  const y = scaleLinear()
    .domain([-0.25, 1.25])
    .range([box.height - box.b, box.t])
    .clamp(true);
  const path = line<[number, number]>()
    .x((q) => x(q[0]))
    .y((q) => y(q[1]));
  const set = (key: keyof IdentityParams) => (v: number) => setP((q) => ({ ...q, [key]: v }));

  return (
    <section className="panel instrument identity-instrument" aria-labelledby="identity-title">
      <InstrumentExport name="identity" title={m.exportTitle} />
      <h2 id="identity-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      <div className="chart-row">
        <figure className="chart">
          <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={m.figure}>
            {y.ticks(6).map((t) => (
              <g key={t} transform={`translate(0,${y(t)})`}>
                <line x1={box.l} x2={box.width - box.r} stroke={palette.grid} />
                <text x={box.l - 6} dy="0.32em" textAnchor="end" className="small">
                  {t}
                </text>
              </g>
            ))}
            {x.ticks(5).map((t) => (
              <text key={t} x={x(t)} y={box.height - box.b + 18} textAnchor="middle" className="small">
                {t}
              </text>
            ))}
            <text x={box.width - box.r} y={box.height - 4} textAnchor="end" className="axis-label">
              x
            </text>
            <path
              d={
                path([
                  [0, 0],
                  [1, 1],
                ]) ?? ''
              }
              stroke={palette.reference}
              strokeDasharray="5 4"
              fill="none"
            />
            <path d={path(outputCurve(p)) ?? ''} stroke={palette.curvePrimary} strokeWidth={2} fill="none" />
            <text x={box.l + 6} y={box.t + 10} className="small" fill={palette.curvePrimary}>
              w₂σ(w₁x + b) + c
            </text>
            <text x={box.l + 6} y={box.t + 24} className="small" fill={palette.muted}>
              {m.diagonal}
            </text>
          </svg>
        </figure>
        <table className="instrument-table">
          <caption>{m.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">w₁</th>
              <th scope="col">{m.maxError}</th>
              <th scope="col">w₁²/96</th>
            </tr>
          </thead>
          <tbody>
            {table.map((row) => (
              <tr key={row.w1}>
                <td>{row.w1}</td>
                <td>{formatNumber(row.error)}</td>
                <td>{formatNumber(row.predicted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="readout" aria-live="polite">
        {m.readout}{' '}
        <output aria-label={m.errorLabel} data-value={String(error)}>
          {formatNumber(error)}
        </output>
      </p>
      <div className="instrument-controls">
        <div className="slider-grid">
          <Slider label="w₁" name={m.neuron('w₁')} value={p.w1} min={-4} max={4} step={0.01} onChange={set('w1')} description={m.w1} />
          <Slider label="b" name={m.neuron('b')} value={p.b} min={-10} max={10} step={0.005} onChange={set('b')} description={m.b} />
          <Slider label="w₂" name={m.neuron('w₂')} value={p.w2} min={-400} max={400} step={0.01} onChange={set('w2')} description={m.w2} />
          <Slider label="c" name={m.neuron('c')} value={p.c} min={-400} max={400} step={0.01} onChange={set('c')} description={m.c} />
        </div>
        <button type="button" onClick={() => setP(solveIdentity(SOLVE_W1))}>
          {m.solve}
        </button>
        <span className="hint">{m.solveHint(SOLVE_W1)}</span>
      </div>
    </section>
  );
}
