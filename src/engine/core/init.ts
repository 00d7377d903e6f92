/**
 * Weight initialisers (see InitName in types.ts). Weights are drawn layer by layer, row-major [out][in],
 * then that layer's biases, so a seed fixes every number regardless of which initialiser consumed it.
 */
import { finish, type PieceMeter, type Pieces, unlimitedMeter } from './pieces';
import type { Rng } from './rng';

/**
 * Nominal work of drawing one weight (core/pieces.ts): 10 million normal deviates took 1.7 s in bench:slices
 * at a load average of 9, a few times what a quiet machine needs.
 */
const DRAW_WORK = 40;
import { INITIALISERS, type InitName } from './types';

export interface InitTarget {
  readonly layers: readonly number[];
  readonly weights: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
}

export function initializeParams(net: InitTarget, init: InitName, rng: Rng): void {
  finish(initializeParamsPieces(net, init, rng, unlimitedMeter()));
}

/** initializeParams in pieces of `meter`'s size, cut between rows of weights: the same stream, the same numbers. */
export function* initializeParamsPieces(net: InitTarget, init: InitName, rng: Rng, meter: PieceMeter): Pieces<void> {
  for (let l = 0; l < net.weights.length; l++) {
    const nIn = net.layers[l];
    const nOut = net.layers[l + 1];
    let wScale: number;
    let normalBiases: boolean;
    let uniformWeights = false;
    switch (init) {
      case 'default': // network2.default_weight_initializer: keeps z ~ N(0, ~1) so neurons start unsaturated
        wScale = 1 / Math.sqrt(nIn);
        normalBiases = true;
        break;
      case 'large': // network2.large_weight_initializer (chapter 1's choice)
        wScale = 1;
        normalBiases = true;
        break;
      case 'xavier': // Glorot & Bengio 2010: Var w = 2 / (n_in + n_out)
        wScale = Math.sqrt(2 / (nIn + nOut));
        normalBiases = false;
        break;
      case 'he': // He et al. 2015: Var w = 2 / n_in, for ReLU
        wScale = Math.sqrt(2 / nIn);
        normalBiases = false;
        break;
      case 'glorot-standard': // Glorot & Bengio 2010, eq. 1: the "commonly used heuristic" their fig. 2 starts from
        wScale = 1 / Math.sqrt(nIn);
        normalBiases = false;
        uniformWeights = true;
        break;
      default:
        throw new RangeError(`unknown initialiser "${String(init)}" (expected ${INITIALISERS.join(', ')})`);
    }
    const w = net.weights[l];
    const rows = meter.rowsPerPiece(nIn * DRAW_WORK);
    for (let j0 = 0; j0 < nOut; j0 += rows) {
      const end = Math.min(nOut, j0 + rows) * nIn;
      // U[−s, s] from one uniform draw per weight, so the seed's stream advances as for the normal initialisers.
      if (uniformWeights) for (let k = j0 * nIn; k < end; k++) w[k] = (2 * rng.uniform() - 1) * wScale;
      else for (let k = j0 * nIn; k < end; k++) w[k] = rng.normal() * wScale;
      if (meter.spend((end - j0 * nIn) * DRAW_WORK)) yield;
    }
    const b = net.biases[l];
    for (let j = 0; j < b.length; j++) b[j] = normalBiases ? rng.normal() : 0;
  }
}
