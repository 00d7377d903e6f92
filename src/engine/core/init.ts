/**
 * Weight initialisers (see InitName in types.ts). Weights are drawn layer by layer, row-major [out][in],
 * then that layer's biases, so a seed fixes every number regardless of which initialiser consumed it.
 */
import type { Rng } from './rng';
import { INITIALISERS, type InitName } from './types';

export interface InitTarget {
  readonly layers: readonly number[];
  readonly weights: readonly Float32Array[];
  readonly biases: readonly Float32Array[];
}

export function initializeParams(net: InitTarget, init: InitName, rng: Rng): void {
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
    // U[−s, s] from one uniform draw per weight, so the seed's stream advances as for the normal initialisers.
    if (uniformWeights) for (let k = 0; k < w.length; k++) w[k] = (2 * rng.uniform() - 1) * wScale;
    else for (let k = 0; k < w.length; k++) w[k] = rng.normal() * wScale;
    const b = net.biases[l];
    for (let j = 0; j < b.length; j++) b[j] = normalBiases ? rng.normal() : 0;
  }
}
