/**
 * Eq. 124 in the network being trained: per hidden layer h, the spectral norm of Σ′(zʰ)(wʰ⁺¹)ᵀ, the matrix
 * that carries δʰ⁺¹ back to δʰ, next to the layer's mean σ′ and the measured ‖δʰ‖. Fed by the worker's snapshots.
 */
import { useEffect, useRef } from 'react';
import type { ActivationName } from '../../engine';
import type { Snapshot } from '../../worker/protocol';
import { DERIVATIVE_LABELS } from '../common/derivative';
import { FACTOR_NOT_APPLICABLE, FACTOR_NOT_APPLICABLE_NOTE, factorNotApplicable } from '../common/factorNote';
import { drawFactorBars } from './drawFactorBars';
import { FACTOR_BOX, NORM_DOMAIN, factorBoxHeight, factorRows, factorScale } from './eq124Geometry';
import { formatNorm, formatNumber } from './format';
import { palette } from '../../app/palette';
import { InstrumentExport } from '../export/PanelExports';

export function Eq124Panel({ snapshot, activation = 'sigmoid' }: { snapshot?: Snapshot; activation?: ActivationName }) {
  const bars = useRef<SVGGElement>(null);
  const rows = snapshot ? factorRows(snapshot) : [];
  const height = factorBoxHeight(rows.length);
  const scale = factorScale();
  const ticks = [1e-3, 1e-2, 1e-1, 1, 10, 100];
  const notApplicableSeen = rows.some((r) => factorNotApplicable(r.factorNorm));

  useEffect(() => {
    if (bars.current) drawFactorBars(bars.current, snapshot ? factorRows(snapshot) : []);
  }, [snapshot]);

  return (
    <section className="panel instrument eq124-instrument" aria-labelledby="eq124-title">
      <InstrumentExport name="eq124" title="Eq. 124 in this network" withLayers />
      <h2 id="eq124-title">Eq. 124 in this network</h2>
      <p className="explain">
        Eq. 124: for one example δʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ δʰ⁺¹, so ‖δʰ‖ ≤ ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ · ‖δʰ⁺¹‖. The norm shown is the spectral norm ‖·‖₂
        (largest singular value), with Σ′ = diag(mean σ′ of layer h over the probe images), so it describes the probe set on average rather
        than bounding it exactly. Σ′'s entries are at most 1/4, so unless the weights are large every factor is below 1 and ‖δ‖ shrinks
        layer by layer towards the input: the early layers learn slowest. The exploding preset (W = 100·I, z ≈ 0, σ′ ≈ 1/4) makes the
        factors ≈ 25, and δ grows instead.
      </p>
      {!snapshot ? (
        <p className="hint">Waiting for the first probe of the network…</p>
      ) : (
        <p className="hint">
          Epoch {snapshot.epoch}
          {snapshot.batchesPerEpoch > 0 && snapshot.batch > 0 ? `, batch ${snapshot.batch} of ${snapshot.batchesPerEpoch}` : ''}.
        </p>
      )}
      <div className="eq124-body">
        <figure className="chart">
          <svg
            viewBox={`0 0 ${FACTOR_BOX.width} ${height}`}
            role="img"
            aria-label="Spectral norm of Σ′(zʰ)(wʰ⁺¹)ᵀ per hidden layer, log scale"
          >
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
              ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ (log scale {formatNumber(NORM_DOMAIN[0], 1)} … {formatNumber(NORM_DOMAIN[1], 1)})
            </text>
            <g ref={bars} />
          </svg>
        </figure>
        <table className="instrument-table" aria-label="Eq. 124 per hidden layer" aria-describedby="eq124-note">
          <thead>
            <tr>
              <th scope="col">hidden layer h</th>
              <th scope="col">mean {DERIVATIVE_LABELS[activation]}(zʰ)</th>
              <th scope="col">‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂</th>
              <th scope="col">‖δʰ‖</th>
              <th scope="col">‖δʰ‖ / ‖δʰ⁺¹‖ measured</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.h}>
                <th scope="row">{r.h}</th>
                <td aria-label={`mean σ′ layer ${r.h}`}>{formatNorm(r.meanPrime)}</td>
                {factorNotApplicable(r.factorNorm) ? (
                  <td aria-label={`factor norm layer ${r.h}: not applicable`} title={FACTOR_NOT_APPLICABLE_NOTE} data-value="n/a">
                    {FACTOR_NOT_APPLICABLE}
                  </td>
                ) : (
                  <td aria-label={`factor norm layer ${r.h}`} data-value={String(r.factorNorm)}>
                    {formatNorm(r.factorNorm)}
                  </td>
                )}
                <td>{formatNorm(r.deltaNorm)}</td>
                <td>
                  {r.measuredRatio === null ? '—' : Number.isNaN(r.measuredRatio) ? 'undefined (‖δʰ⁺¹‖ = 0)' : formatNorm(r.measuredRatio)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p id="eq124-note" className="hint">
          — : the last hidden layer's ratio would need δ of the output layer, which the probe does not report.
          {notApplicableSeen && ` ${FACTOR_NOT_APPLICABLE_NOTE}`}
        </p>
      </div>
    </section>
  );
}
