/**
 * The identity-neuron exercise: w₂σ(w₁x + b) ≈ x on [0, 1]. With b = −w₁/2 and w₂ = 4/w₁ the Taylor expansion
 * σ(w₁Δ) = ½ + w₁Δ/4 − (w₁Δ)³/48 + … (x = ½ + Δ) gives slope 1 plus a constant 2/w₁ − ½, which the next
 * neuron's bias has to remove (c here); what is left shrinks like w₁²/96.
 */
import { useMemo, useState } from 'react';
import { line, scaleLinear } from 'd3';
import { maxIdentityError, solveIdentity, type IdentityParams } from '../../engine';
import { SOLVE_W1, errorTable, outputCurve } from './identityGeometry';
import { formatNumber } from './format';
import { Slider } from './Slider';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

const box = { width: 400, height: 260, l: 44, r: 12, t: 14, b: 36 };
const INITIAL: IdentityParams = { w1: 1, b: 0, w2: 1, c: 0 };

export function IdentityPanel() {
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
      <InstrumentExport name="identity" title="the identity neuron" />
      <h2 id="identity-title">The identity neuron (exercise)</h2>
      <p className="explain">
        Write x = ½ + Δ and take b = −w₁/2: σ(w₁x + b) = ½ + w₁Δ/4 − (w₁Δ)³/48 + …, so w₂ = 4/w₁ gives x + (2/w₁ − ½) − w₁²Δ³/12. The neuron
        alone is off by the constant 2/w₁ − ½; in a network the next neuron's bias absorbs it (the additive term c = ½ − 2/w₁). The
        remaining error is at most ≈ w₁²/96, so small w₁ makes the neuron an identity.
      </p>
      <div className="chart-row">
        <figure className="chart">
          <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label="w2·σ(w1·x + b) + c against y = x">
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
              y = x (dashed)
            </text>
          </svg>
        </figure>
        <table className="instrument-table">
          <caption>Max error of the construction on [0, 1]</caption>
          <thead>
            <tr>
              <th scope="col">w₁</th>
              <th scope="col">max |error|</th>
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
        max |w₂σ(w₁x + b) + c − x| on [0, 1] ={' '}
        <output aria-label="identity max error" data-value={String(error)}>
          {formatNumber(error)}
        </output>
      </p>
      <div className="instrument-controls">
        <div className="slider-grid">
          <Slider label="w₁" name="neuron w₁" value={p.w1} min={-4} max={4} step={0.01} onChange={set('w1')} description="input weight" />
          <Slider label="b" name="neuron b" value={p.b} min={-10} max={10} step={0.005} onChange={set('b')} description="bias" />
          <Slider
            label="w₂"
            name="neuron w₂"
            value={p.w2}
            min={-400}
            max={400}
            step={0.01}
            onChange={set('w2')}
            description="output weight"
          />
          <Slider
            label="c"
            name="neuron c"
            value={p.c}
            min={-400}
            max={400}
            step={0.01}
            onChange={set('c')}
            description="additive term: the next neuron's bias"
          />
        </div>
        <button type="button" onClick={() => setP(solveIdentity(SOLVE_W1))}>
          Solve
        </button>
        <span className="hint"> sets w₁ = {SOLVE_W1}, b = −w₁/2, w₂ = 4/w₁, c = ½ − 2/w₁.</span>
      </div>
    </section>
  );
}
