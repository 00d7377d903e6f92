/**
 * Eq. 124 in the network being trained: per hidden layer h, the spectral norm of Σ′(zʰ)(wʰ⁺¹)ᵀ, the matrix
 * that carries δʰ⁺¹ back to δʰ, next to the layer's mean σ′ and the measured ‖δʰ‖. Fed by the worker's snapshots.
 */
import { useEffect, useRef } from 'react';
import type { ActivationName } from '../../engine';
import type { Snapshot } from '../../worker/protocol';
import { DERIVATIVE_LABELS } from '../common/derivative';
import { factorNotApplicable } from '../common/factorNote';
import { drawFactorBars } from './drawFactorBars';
import { FACTOR_BOX, NORM_DOMAIN, factorBoxHeight, factorRows, factorScale } from './eq124Geometry';
import { useInstrumentText } from './text';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

export function Eq124Panel({ snapshot, activation = 'sigmoid' }: { snapshot?: Snapshot; activation?: ActivationName }) {
  const { m: all, num: formatNumber, norm: formatNorm } = useInstrumentText();
  const m = all.eq124;
  const bars = useRef<SVGGElement>(null);
  const rows = snapshot ? factorRows(snapshot) : [];
  const height = factorBoxHeight(rows.length);
  const scale = factorScale();
  const ticks = [1e-3, 1e-2, 1e-1, 1, 10, 100];
  const notApplicableSeen = rows.some((r) => factorNotApplicable(r.factorNorm));

  useEffect(() => {
    if (bars.current) drawFactorBars(bars.current, snapshot ? factorRows(snapshot) : [], all);
  }, [snapshot, all]);

  return (
    <section className="panel instrument eq124-instrument" aria-labelledby="eq124-title">
      <InstrumentExport name="eq124" title={m.exportTitle} withLayers />
      <h2 id="eq124-title">{m.title}</h2>
      <p className="explain">{m.explain}</p>
      {!snapshot ? (
        <p className="hint">{m.waiting}</p>
      ) : (
        <p className="hint">{m.at(snapshot.epoch, snapshot.batch, snapshot.batchesPerEpoch)}</p>
      )}
      <div className="eq124-body">
        <figure className="chart">
          <svg viewBox={`0 0 ${FACTOR_BOX.width} ${height}`} role="img" aria-label={m.figure}>
            {ticks.map((t) => (
              <g key={t} transform={`translate(${scale(t)},0)`}>
                <line
                  y1={FACTOR_BOX.top - 4}
                  y2={height - FACTOR_BOX.bottom}
                  stroke={t === 1 ? palette.growingFactor : palette.grid}
                  strokeDasharray={t === 1 ? '5 3' : undefined}
                />
                <text y={height - FACTOR_BOX.bottom + 16} textAnchor="middle" className="small">
                  {formatNumber(t, 1)}
                </text>
              </g>
            ))}
            <text x={FACTOR_BOX.width - FACTOR_BOX.right} y={14} textAnchor="end" className="small">
              {m.axis(formatNumber(NORM_DOMAIN[0], 1), formatNumber(NORM_DOMAIN[1], 1))}
            </text>
            <g ref={bars} />
          </svg>
        </figure>
        <table className="instrument-table" aria-label={m.table} aria-describedby="eq124-note">
          <thead>
            <tr>
              <th scope="col">{m.layerColumn}</th>
              <th scope="col">{m.meanColumn(DERIVATIVE_LABELS[activation])}</th>
              <th scope="col">‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂</th>
              <th scope="col">‖δʰ‖</th>
              <th scope="col">{m.measuredColumn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.h}>
                <th scope="row">{r.h}</th>
                <td aria-label={m.meanCell(r.h)}>{formatNorm(r.meanPrime)}</td>
                {factorNotApplicable(r.factorNorm) ? (
                  <td aria-label={m.factorCellNotApplicable(r.h)} title={m.notApplicableNote} data-value="n/a">
                    {m.notApplicable}
                  </td>
                ) : (
                  <td aria-label={m.factorCell(r.h)} data-value={String(r.factorNorm)}>
                    {formatNorm(r.factorNorm)}
                  </td>
                )}
                <td>{formatNorm(r.deltaNorm)}</td>
                <td>{r.measuredRatio === null ? '—' : Number.isNaN(r.measuredRatio) ? m.ratioUndefined : formatNorm(r.measuredRatio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p id="eq124-note" className="hint">
          {m.note}
          {notApplicableSeen && ` ${m.notApplicableNote}`}
        </p>
      </div>
    </section>
  );
}
