/**
 * From a gradient probe to a 'snapshot' message: per-layer summaries, the check that every value is finite
 * (a snapshot never carries NaN, except eq. 124's factor where a skip or layer normalisation makes it not
 * applicable, see chapter/eq124.ts), and fresh copies that can be transferred, because the probe's and
 * eq. 124's buffers are reused by the next probe.
 */
import {
  finish,
  unlimitedMeter,
  type ActivationStats,
  type ActivationStatsResult,
  type GradientProbe,
  type LayerFactorNorms,
  type PieceMeter,
  type Pieces,
  type ProbeResult,
} from '../engine';
import type { TrainingMode } from '../config';
import { describeValue, nonFiniteKind } from './divergence';
import type { DivergedValue } from './protocol';
import type { Snapshot } from './protocol';

/** The mean of each layer's per-neuron values (an empty layer counts as 0). */
export function meanPerLayer(perNeuron: readonly Float32Array[]): Float64Array {
  const out = new Float64Array(perNeuron.length);
  for (let h = 0; h < perNeuron.length; h++) {
    const layer = perNeuron[h];
    let sum = 0;
    for (let j = 0; j < layer.length; j++) sum += layer[j];
    out[h] = layer.length > 0 ? sum / layer.length : 0;
  }
  return out;
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/**
 * Names the first non-finite quantity of a probe, or returns null when all are finite. The order is the
 * order of blame a reader can follow: a layer's ‖δ‖ first, then a single ∂C/∂b, then the activations, then
 * the weights (which only eq. 124's norms see).
 */
export function findNonFinite(
  result: Pick<ProbeResult, 'layerNorms' | 'gradB'>,
  meanPrime: Float64Array,
  factorNorms: Float64Array,
  factorApplicable?: readonly boolean[],
): string | null {
  const value = findNonFiniteValue(result, meanPrime, factorNorms, factorApplicable);
  return value === null ? null : describeValue(value);
}

/** The same as findNonFinite, as data for the 'diverged' message's cause. */
export function findNonFiniteValue(
  result: Pick<ProbeResult, 'layerNorms' | 'gradB'>,
  meanPrime: Float64Array,
  factorNorms: Float64Array,
  factorApplicable?: readonly boolean[],
): DivergedValue | null {
  for (let h = 0; h < result.layerNorms.length; h++) {
    const v = result.layerNorms[h];
    if (!Number.isFinite(v)) return { kind: 'layer-gradient', layer: h + 1, became: nonFiniteKind(v) };
  }
  for (let i = 0; i < result.gradB.length; i++) {
    const v = result.gradB[i];
    if (!Number.isFinite(v)) return { kind: 'bias-gradient', became: nonFiniteKind(v) };
  }
  if (!allFinite(meanPrime)) return { kind: 'activations' };
  for (let h = 0; h < factorNorms.length; h++) {
    const v = factorNorms[h];
    // Where a skip or the normalisation changes the chain, eq. 124's factor is NaN by design (eq124.ts).
    if (factorApplicable !== undefined && !factorApplicable[h]) continue;
    if (!Number.isFinite(v)) return { kind: 'weights', layer: h + 2, became: nonFiniteKind(v) };
  }
  return null;
}

/** Mini-batches in one epoch: one in learning-speed mode; before the data is here, counted for 50,000 images. */
export function batchesPerEpoch(mode: TrainingMode, batchSize: number, trainingCount: number | null): number {
  if (mode === 'learning-speed') return 1;
  return Math.ceil((trainingCount ?? 50_000) / batchSize);
}

/** Where a snapshot stands and how fast training went; everything a snapshot carries that is not the probe. */
export interface SnapshotHeader {
  runId: number;
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  examplesPerSecond: number;
}

export type SnapshotOutcome =
  | { ok: true; snapshot: Snapshot; transfer: Transferable[] }
  /** `what` names the first value that is not finite, for the 'diverged' message. */
  | { ok: false; what: DivergedValue };

/**
 * A snapshot made of fresh copies of the probe's buffers, with the list of buffers to transfer; or, if any
 * value is not finite, what went wrong instead. `factorNorms` is eq. 124's per-layer norm, computed from
 * this probe's mean σ′ and already copied out of its own buffer.
 */
export function assembleSnapshot(
  result: ProbeResult,
  stats: ActivationStatsResult,
  factorNorms: Float64Array,
  header: SnapshotHeader,
  factorApplicable?: readonly boolean[],
): SnapshotOutcome {
  const meanActivationPrime = meanPerLayer(result.meanActivationPrime);
  const bad: DivergedValue | null =
    findNonFiniteValue(result, meanActivationPrime, factorNorms, factorApplicable) ??
    (allFinite(stats.mean) && allFinite(stats.p98) && allFinite(stats.histogramRange) ? null : { kind: 'activations' });
  if (bad !== null) return { ok: false, what: bad };
  const snapshot: Snapshot = {
    type: 'snapshot',
    ...header,
    gradB: result.gradB.slice(),
    hiddenOffsets: result.hiddenOffsets.slice(),
    layerNorms: result.layerNorms.slice(),
    meanActivationPrime,
    saturatedShare: stats.saturatedShare.slice(),
    activationMean: stats.mean.slice(),
    activationP02: stats.p02.slice(),
    activationP50: stats.p50.slice(),
    activationP98: stats.p98.slice(),
    activationHistogram: stats.histogram.slice(),
    histogramRange: stats.histogramRange.slice(),
    factorNorms,
  };
  return {
    ok: true,
    snapshot,
    transfer: [
      snapshot.gradB.buffer,
      snapshot.layerNorms.buffer,
      meanActivationPrime.buffer,
      snapshot.saturatedShare.buffer,
      snapshot.activationMean.buffer,
      snapshot.activationP02.buffer,
      snapshot.activationP50.buffer,
      snapshot.activationP98.buffer,
      snapshot.activationHistogram.buffer,
      snapshot.histogramRange.buffer,
      factorNorms.buffer,
    ],
  };
}

/**
 * Probes the network now and assembles the snapshot, with eq. 124's norms for this probe's mean σ′ and the
 * activation statistics of the same probe images.
 * The header is read after the probe, so a throughput measured up to then counts the probe's time too.
 */
export function takeSnapshot(
  probe: GradientProbe,
  stats: ActivationStats,
  factors: LayerFactorNorms,
  header: () => SnapshotHeader,
): SnapshotOutcome {
  return finish(snapshotPieces(probe, stats, factors, header, unlimitedMeter()));
}

/** takeSnapshot in pieces of `meter`'s size (engine's pieces): on the widest networks the whole takes seconds. */
export function* snapshotPieces(
  probe: GradientProbe,
  stats: ActivationStats,
  factors: LayerFactorNorms,
  header: () => SnapshotHeader,
  meter: PieceMeter,
): Pieces<SnapshotOutcome> {
  const result = yield* probe.runPieces(meter);
  // The probe's JavaScript path already holds every activation; on the SIMD path the statistics run a forward pass.
  const activations = yield* stats.measurePieces((h) => probe.hiddenActivations(h), meter);
  // Copied out of LayerFactorNorms' own buffer, which the next probe reuses, so it can be transferred.
  const factorNorms = (yield* factors.computePieces(result.meanActivationPrime, meter)).slice();
  return assembleSnapshot(result, activations, factorNorms, header(), factors.applicable);
}
