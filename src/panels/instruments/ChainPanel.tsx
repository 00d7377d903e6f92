/**
 * The chain a₀ → 4 sigmoid neurons → C (eqs. 114-122). Every factor of eq. 122 is printed under the neuron it
 * belongs to, with the product so far, and |∂C/∂bⱼ| for every neuron as a bar on a log scale: one glance shows
 * whether the gradient shrinks (standard initialisation) or grows (the exploding recipe) on its way back.
 */
import { useState } from 'react';
import { CHAIN_LENGTH, chainGradients, explodingRecipe, standardInit, type ChainParams, createRng } from '../../engine';
import { CHAIN_BOX, ROW, columnX, factorNames, gradBars, gradScale, gradTicks } from './chainGeometry';
import { useInstrumentText } from './text';
import { Slider } from './Slider';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

const INITIAL_SEED = 1;
const INITIAL_A0 = 1;
const INITIAL_Y = 0;

export function initialChain(): ChainParams {
  return standardInit(createRng(INITIAL_SEED), INITIAL_A0, INITIAL_Y);
}

function sub(j: number | string): string {
  return String(j).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

export function ChainPanel() {
  const { m: all, num: formatNumber } = useInstrumentText();
  const m = all.chain;
  const [params, setParams] = useState<ChainParams>(initialChain);
  const [seedText, setSeedText] = useState(String(INITIAL_SEED));
  const [seedError, setSeedError] = useState<string | null>(null);
  const g = chainGradients(params);
  const names = factorNames();
  const bars = gradBars(g);
  const scale = gradScale();
  const ratio = g.gradB[0] / g.gradB[CHAIN_LENGTH - 1];

  const setW = (j: number, v: number) => setParams((p) => ({ ...p, w: p.w.map((x, i) => (i === j ? v : x)) }));
  const setB = (j: number, v: number) => setParams((p) => ({ ...p, b: p.b.map((x, i) => (i === j ? v : x)) }));

  const onStandard = () => {
    const text = seedText.trim();
    if (!/^\d{1,9}$/.test(text)) {
      setSeedError(m.seedError(seedText));
      return;
    }
    setSeedError(null);
    setParams((p) => standardInit(createRng(Number(text)), p.a0, p.y));
  };
  const onExploding = () => setParams((p) => explodingRecipe(p.a0, p.y));

  return (
    <section className="panel instrument chain-instrument" aria-labelledby="chain-title">
      <InstrumentExport name="chain" title={m.exportTitle} />
      <h2 id="chain-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      <figure className="chart">
        <svg viewBox={`0 0 ${CHAIN_BOX.width} ${CHAIN_BOX.height}`} role="group" aria-label={m.figure}>
          <g className="chain-network">
            {Array.from({ length: CHAIN_LENGTH + 1 }, (_, k) => (
              // a₀ and C are text labels about 100 units wide; neurons are circles of radius 20
              <line
                key={k}
                className="edge"
                x1={columnX(k) + (k === 0 ? 54 : 22)}
                x2={columnX(k + 1) - (k === CHAIN_LENGTH ? 54 : 22)}
                y1={ROW.node}
                y2={ROW.node}
                stroke={palette.muted}
              />
            ))}
            <text x={columnX(0)} y={ROW.node} dy="0.32em" textAnchor="middle" className="node-label">
              a₀ = {formatNumber(params.a0)}
            </text>
            {g.z.map((z, i) => (
              <g key={i} transform={`translate(${columnX(i + 1)},${ROW.node})`}>
                <circle r={20} fill={palette.chainNeuron} stroke={palette.chainNeuronOutline} />
                <text dy="0.32em" textAnchor="middle">
                  {sub(i + 1)}
                </text>
                <text y={-28} textAnchor="middle" className="small">
                  w{sub(i + 1)} = {formatNumber(params.w[i])}
                </text>
                <text y={36} textAnchor="middle" className="small">
                  z{sub(i + 1)} = {formatNumber(z)}
                </text>
                <text y={50} textAnchor="middle" className="small">
                  a{sub(i + 1)} = {formatNumber(g.a[i])}
                </text>
              </g>
            ))}
            <text x={columnX(CHAIN_LENGTH + 1)} y={ROW.node} dy="0.32em" textAnchor="middle" className="node-label">
              C = {formatNumber(g.cost)}
            </text>
          </g>

          <g className="chain-factors">
            <text x={8} y={ROW.factor - 14} className="row-label">
              {m.factorRow}
            </text>
            <text x={8} y={ROW.product - 6} className="row-label">
              {m.productRow}
            </text>
            {g.factors.map((f, k) => {
              const x = columnX(k + 1);
              return (
                <g key={k}>
                  <text x={x} y={ROW.factor - 14} textAnchor="middle" className="small symbol">
                    {names[k].replace(/\d/g, (d) => sub(d))}
                  </text>
                  <text
                    x={x}
                    y={ROW.factor + 4}
                    textAnchor="middle"
                    className={Math.abs(f) < 1 && k < CHAIN_LENGTH ? 'factor shrinks' : 'factor'}
                    aria-label={m.factor(names[k])}
                    data-factor={k + 1}
                    data-value={String(f)}
                  >
                    {formatNumber(f)}
                  </text>
                  <text
                    x={x}
                    y={ROW.product}
                    textAnchor="middle"
                    className="product"
                    aria-label={m.product(names[k])}
                    data-value={String(g.runningProducts[k])}
                  >
                    {formatNumber(g.runningProducts[k])}
                  </text>
                </g>
              );
            })}
            <text x={columnX(CHAIN_LENGTH + 1)} y={ROW.product + 16} textAnchor="middle" className="small">
              = ∂C/∂b₁
            </text>
          </g>

          <g className="chain-bars">
            <text x={8} y={ROW.barTop - 16} className="row-label">
              {m.barsRow}
            </text>
            {gradTicks().map((t) => (
              <g key={t} transform={`translate(0,${scale(t)})`}>
                <line x1={columnX(0) + 30} x2={columnX(CHAIN_LENGTH) + 40} className="grid" stroke={palette.grid} />
                <text x={columnX(0) + 24} dy="0.32em" textAnchor="end" className="small">
                  {formatNumber(t, 1)}
                </text>
              </g>
            ))}
            {bars.map((bar) => (
              <g key={bar.j}>
                <rect
                  className="grad-bar"
                  data-j={bar.j}
                  data-grad={String(bar.grad)}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={bar.grad < 0 ? palette.negativeGradient : palette.positiveGradient}
                >
                  <title>{`∂C/∂b${bar.j} = ${formatNumber(bar.grad)}`}</title>
                </rect>
                <text
                  x={bar.x + bar.width / 2}
                  y={bar.y - 6}
                  textAnchor="middle"
                  className="small"
                  aria-label={`∂C/∂b${bar.j}`}
                  data-value={String(bar.grad)}
                >
                  {bar.belowFloor ? (bar.grad === 0 ? '0' : `< ${formatNumber(1e-10, 1)}`) : formatNumber(bar.grad)}
                </text>
              </g>
            ))}
            <text x={columnX(CHAIN_LENGTH + 1)} y={ROW.barTop + 20} textAnchor="middle" className="small">
              ∂C/∂b₁ / ∂C/∂b₄
            </text>
            <text
              x={columnX(CHAIN_LENGTH + 1)}
              y={ROW.barTop + 38}
              textAnchor="middle"
              className="product"
              aria-label={m.ratio}
              data-value={String(ratio)}
            >
              {g.gradB[CHAIN_LENGTH - 1] === 0 ? m.ratioUndefined : formatNumber(ratio, 5)}
            </text>
          </g>
        </svg>
      </figure>
      <fieldset className="instrument-controls">
        <legend>{m.controls}</legend>
        <div className="slider-grid">
          {params.w.map((w, i) => (
            <Slider
              key={`w${i}`}
              label={`w${i + 1}`}
              value={w}
              min={-100}
              max={100}
              step={0.01}
              onChange={(v) => setW(i, v)}
              description={m.weight(i + 1)}
            />
          ))}
          {params.b.map((b, i) => (
            <Slider
              key={`b${i}`}
              label={`b${i + 1}`}
              value={b}
              min={-100}
              max={100}
              step={0.01}
              onChange={(v) => setB(i, v)}
              description={m.bias(i + 1)}
            />
          ))}
          <Slider
            label="a0"
            value={params.a0}
            min={0}
            max={1}
            step={0.01}
            onChange={(v) => setParams((p) => ({ ...p, a0: v }))}
            description={m.input}
          />
          <Slider
            label="y"
            value={params.y}
            min={0}
            max={1}
            step={0.01}
            onChange={(v) => setParams((p) => ({ ...p, y: v }))}
            description={m.target}
          />
        </div>
        <div className="instrument-buttons">
          <label>
            {m.seed}{' '}
            <input
              type="text"
              inputMode="numeric"
              size={8}
              value={seedText}
              aria-invalid={seedError !== null}
              onChange={(e) => setSeedText(e.currentTarget.value)}
            />
          </label>
          <button type="button" onClick={onStandard}>
            {m.standard}
          </button>
          <button type="button" onClick={onExploding}>
            {m.exploding}
          </button>
          {seedError && (
            <span role="alert" className="error">
              {seedError}
            </span>
          )}
        </div>
        <p className="hint">{m.hint}</p>
      </fieldset>
    </section>
  );
}
