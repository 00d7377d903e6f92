/**
 * The numbers behind the chart for the latest probe: ‖δˡ‖ of each hidden layer, its ratio to the last hidden
 * layer, and the two ingredients of eq. 124 that explain the ratio.
 */
import { useId } from 'react';
import { formatValue } from '../../store/format';
import { useLab, useLabFrame } from '../../store/hooks';
import { layerColour } from '../../app/palette';
import { DERIVATIVE_LABELS } from '../common/derivative';
import { factorNotApplicable } from '../common/factorNote';
import { useLang, useT } from '../../i18n/useT';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';

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
  const m = useT().speed;
  const lang = useLang();

  return (
    <div className="table-wrap">
      <table aria-label={m.table}>
        <caption>{m.table}</caption>
        <thead>
          <tr>
            <th scope="col">{m.layer}</th>
            <th scope="col">‖δˡ‖</th>
            <th scope="col" className="nowrap">
              ÷ ‖δ{supLast(numHidden)}‖
            </th>
            <th scope="col">
              ‖Σ′(zˡ)(wˡ⁺¹)ᵀ‖₂
              <span className="th-note">{m.spectral}</span>
            </th>
            <th scope="col">
              {m.mean(DERIVATIVE_LABELS[activation])}
              {activation === 'relu' && <span className="th-note">{m.activeShare}</span>}
            </th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: numHidden }, (_, i) => {
            const norm = matches ? snapshot.layerNorms[i] : null;
            const ratio = norm === null ? null : ratioText(norm, last, lang);
            const factor = matches ? snapshot.factorNorms[i] : null;
            const prime = matches ? snapshot.meanActivationPrime[i] : null;
            return (
              <tr key={i}>
                <td className="layer-cell">
                  <span className="swatch" style={{ background: layerColour(i + 1) }} aria-hidden="true" />
                  {i + 1}
                </td>
                <td>{norm === null ? '—' : formatValue(norm, lang)}</td>
                <td>{ratio === null ? '—' : ratio}</td>
                {factor !== null && factor !== undefined && factorNotApplicable(factor) ? (
                  <td title={m.notApplicableNote} aria-describedby={noteId}>
                    {m.notApplicable}
                  </td>
                ) : (
                  <td>{factor === null || factor === undefined ? '—' : formatValue(factor, lang)}</td>
                )}
                <td>{prime === null || prime === undefined ? '—' : formatValue(prime, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {overflowSeen && <p className="field-error">{m.overflowNote}</p>}
      {zeroSeen && <p className="hint">{m.zeroNote}</p>}
      {notApplicableSeen && (
        <p id={noteId} className="hint">
          {m.notApplicableNote}
        </p>
      )}
      <p className="explain">{m.eq124}</p>
    </div>
  );
}

/**
 * ‖δˡ‖ / ‖δᴸ‖ in words when it is not a number: an overflowed norm says so, and a zero last layer
 * (every ReLU of that layer dead, say) makes the ratio undefined rather than "overflow": it shows the
 * division itself.
 */
export function ratioText(norm: number, last: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(norm)) return t(lang).common.overflow;
  if (!Number.isFinite(last)) return '0×';
  // Short, so the column keeps its width; the note under the table says what a zero norm means.
  if (last === 0) return norm === 0 ? '0 / 0' : '÷ 0';
  return `${formatValue(norm / last, lang)}×`;
}

/** The superscript of the last hidden layer's number, for the ratio header. */
function supLast(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}
