/** Rows and bar geometry for the eq. 124 instrument, from one worker snapshot. */
import { scaleLog, type ScaleLogarithmic } from 'd3';
import type { Snapshot } from '../../worker/protocol';

export interface FactorRow {
  /** Hidden layer h = 1..numHidden, counted from the input side. */
  h: number;
  /** Mean σ′(z) of layer h over the probe images. */
  meanPrime: number;
  /** ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂, the largest singular value (eq. 124's factor for layer h). */
  factorNorm: number;
  /** ‖δʰ‖ measured by the probe. */
  deltaNorm: number;
  /** ‖δʰ‖/‖δʰ⁺¹‖ measured, null for the last hidden layer (δ of the output is not probed). */
  measuredRatio: number | null;
}

type FactorFields = Pick<Snapshot, 'meanActivationPrime' | 'factorNorms' | 'layerNorms'>;

export function factorRows(s: FactorFields): FactorRow[] {
  const n = Math.min(s.factorNorms.length, s.meanActivationPrime.length, s.layerNorms.length);
  const rows: FactorRow[] = [];
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? s.layerNorms[i + 1] : null;
    rows.push({
      h: i + 1,
      meanPrime: s.meanActivationPrime[i],
      factorNorm: s.factorNorms[i],
      deltaNorm: s.layerNorms[i],
      measuredRatio: next === null ? null : next === 0 ? Number.NaN : s.layerNorms[i] / next,
    });
  }
  return rows;
}

export const FACTOR_BOX = { width: 420, rowHeight: 30, left: 90, right: 20, top: 26, bottom: 28 };
export const NORM_DOMAIN: [number, number] = [1e-3, 1e2];

export function factorScale(): ScaleLogarithmic<number, number> {
  return scaleLog()
    .domain(NORM_DOMAIN)
    .range([FACTOR_BOX.left, FACTOR_BOX.width - FACTOR_BOX.right])
    .clamp(true);
}

export function factorBoxHeight(numRows: number): number {
  return FACTOR_BOX.top + Math.max(1, numRows) * FACTOR_BOX.rowHeight + FACTOR_BOX.bottom;
}

/** Bar length for a norm; 0-width stub for zero, and non-finite norms get no bar (the table says why). */
export function factorBarWidth(norm: number, scale = factorScale()): number {
  if (!Number.isFinite(norm) || norm <= 0) return 0;
  return Math.max(1, scale(norm) - FACTOR_BOX.left);
}
