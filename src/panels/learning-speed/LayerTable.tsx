/**
 * The numbers behind the chart for the latest probe: ‖δˡ‖ of each hidden layer, its ratio to the last hidden
 * layer, and the two ingredients of eq. 124 that explain the ratio.
 */
import { useId } from 'react';
import { formatValue } from '../../store/format';
import { useLab, useLabFrame } from '../../store/hooks';
import { layerColour } from '../../app/palette';
import { DERIVATIVE_LABELS } from '../common/derivative';
import { FACTOR_NOT_APPLICABLE, FACTOR_NOT_APPLICABLE_NOTE, factorNotApplicable } from '../common/factorNote';

export function LayerTable() {
  const snapshot = useLabFrame((s) => s.snapshot);
  const layers = useLab((s) => s.config.layers);
  const activation = useLab((s) => s.config.activation);
  const numHidden = layers.length - 2;
  const matches = snapshot !== null && snapshot.layerNorms.length === numHidden;
  const last = matches ? snapshot.layerNorms[numHidden - 1] : NaN;
  const overflowSeen = matches && Array.from(snapshot.layerNorms).some((v) => !Number.isFinite(v));
  const zeroSeen = matches && Array.from(snapshot.layerNorms).some((v) => v === 0);
  const notApplicableSeen = matches && Array.from(snapshot.factorNorms).some(factorNotApplicable);
  const noteId = useId();

  return (
    <div className="table-wrap">
      <table aria-label="Layer learning speed">
        <caption>Layer learning speed</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">‖δˡ‖</th>
            <th scope="col" className="nowrap">
              ÷ ‖δ{supLast(numHidden)}‖
            </th>
            <th scope="col">
              ‖Σ′(zˡ)(wˡ⁺¹)ᵀ‖₂
              <span className="th-note">spectral norm, eq. 124</span>
            </th>
            <th scope="col">
              mean {DERIVATIVE_LABELS[activation]}(zˡ)
              {activation === 'relu' && <span className="th-note">share of active neurons</span>}
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: numHidden }, (_, i) => {
            const norm = matches ? snapshot.layerNorms[i] : null;
            const ratio = norm === null ? null : ratioText(norm, last);
            const factor = matches ? snapshot.factorNorms[i] : null;
            const prime = matches ? snapshot.meanActivationPrime[i] : null;
            return (
              <tr key={i}>
                <td className="layer-cell">
                  <span className="swatch" style={{ background: layerColour(i + 1) }} aria-hidden="true" />
                  {i + 1}
                </td>
                <td>{norm === null ? '—' : formatValue(norm)}</td>
                <td>{ratio === null ? '—' : ratio}</td>
                {factor !== null && factor !== undefined && factorNotApplicable(factor) ? (
                  <td title={FACTOR_NOT_APPLICABLE_NOTE} aria-describedby={noteId}>
                    {FACTOR_NOT_APPLICABLE}
                  </td>
                ) : (
                  <td>{factor === null || factor === undefined ? '—' : formatValue(factor)}</td>
                )}
                <td>{prime === null || prime === undefined ? '—' : formatValue(prime)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {overflowSeen && (
        <p className="field-error">"overflow": a gradient grew past the largest 32-bit float, so its norm cannot be measured.</p>
      )}
      {zeroSeen && (
        <p className="hint">
          ‖δˡ‖ = 0: no gradient reaches that layer, because it or a layer after it has derivative 0 on every probe image (ReLUs that never
          fire), so the layer has stopped learning. A log scale cannot draw 0, so its line ends; a ratio to 0 is shown as ÷ 0 or 0 / 0.
        </p>
      )}
      {notApplicableSeen && (
        <p id={noteId} className="hint">
          {FACTOR_NOT_APPLICABLE_NOTE}
        </p>
      )}
      <p className="explain">
        Eq. 124: δˡ = Σ′(zˡ)(wˡ⁺¹)ᵀ Σ′(zˡ⁺¹)(wˡ⁺²)ᵀ … Σ′(zᴸ)∇ₐC. Each factor with spectral norm below 1 shrinks the gradient on its way
        back; above 1 it grows.
      </p>
    </div>
  );
}

/**
 * ‖δˡ‖ / ‖δᴸ‖ in words when it is not a number: an overflowed norm says so, and a zero last layer
 * (every ReLU of that layer dead, say) makes the ratio undefined rather than "overflow": it shows the
 * division itself.
 */
export function ratioText(norm: number, last: number): string {
  if (!Number.isFinite(norm)) return 'overflow';
  if (!Number.isFinite(last)) return '0×';
  // Short, so the column keeps its width; the note under the table says what a zero norm means.
  if (last === 0) return norm === 0 ? '0 / 0' : '÷ 0';
  return `${formatValue(norm / last)}×`;
}

/** The superscript of the last hidden layer's number, for the ratio header. */
function supLast(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}
