/**
 * Eq. 124 in a real network: δʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ Σ′(zʰ⁺¹)(wʰ⁺²)ᵀ … Σ′(zᴸ)∇ₐC.
 * Each hidden layer h contributes one matrix Mʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ that carries δʰ⁺¹ back to δʰ, so
 * ‖δʰ‖ ≤ ‖Mʰ‖₂ ‖δʰ⁺¹‖: when these spectral norms sit below 1 the gradient shrinks on its way back to the
 * first layers (vanishing), above 1 it can grow (exploding). This module measures ‖Mʰ‖₂ per hidden layer.
 *
 * Σ′ is taken as diag(mean σ′ of layer h over the probe images), the same average the gradient probe reports,
 * so the number describes the network as a whole rather than one example.
 */

/** What eq. 124 reads from a network; Network (network.ts) has both fields. */
export interface LayeredWeights {
  /** Widths, input first: [784, 30, 30, 10]. */
  readonly layers: readonly number[];
  /** weights[l] feeds layer l+1, row-major [out][in]: weights[l][j * layers[l] + i] links input i to neuron j. */
  readonly weights: readonly Float32Array[];
}

export interface LayerFactorNormsOptions {
  /** Upper bound on power-iteration steps (each costs two passes over the layer's weights). */
  iterations?: number;
  /** Stop early once the estimate changes by less than this fraction between steps. */
  tolerance?: number;
}

const DEFAULT_ITERATIONS = 100;
const DEFAULT_TOLERANCE = 1e-10;
/** Fractional part of j·φ gives a fixed start vector with no zero entries and no symmetry to get stuck on. */
const GOLDEN = 0.6180339887498949;

/**
 * Spectral norm ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ (largest singular value) of every hidden layer h = 1..numHidden, by power
 * iteration on MᵀM from a deterministic start vector, and the Frobenius norm of the same matrix as a cheap
 * upper bound (‖M‖₂ ≤ ‖M‖_F). All buffers are allocated here; compute() allocates nothing.
 */
export class LayerFactorNorms {
  readonly numHidden: number;
  /** Frobenius norm ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖_F per hidden layer, filled by compute(). */
  frobenius: Float64Array;
  private spectral: Float64Array;
  private readonly net: LayeredWeights;
  private readonly iterations: number;
  private readonly tolerance: number;
  /** v lives on layer h+1 (columns of M), u on layer h (rows of M). */
  private readonly v: Float64Array;
  private readonly u: Float64Array;
  private readonly s: Float64Array;

  constructor(net: LayeredWeights, options: LayerFactorNormsOptions = {}) {
    const layers = net.layers;
    if (layers.length < 2) throw new RangeError(`a network needs at least 2 layers, got ${layers.length}`);
    if (net.weights.length !== layers.length - 1) {
      throw new RangeError(`expected ${layers.length - 1} weight matrices for ${layers.length} layers, got ${net.weights.length}`);
    }
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    if (!Number.isInteger(iterations) || iterations < 1) {
      throw new RangeError(`power-iteration count must be a whole number ≥ 1, got ${iterations}`);
    }
    if (!(tolerance >= 0)) throw new RangeError(`power-iteration tolerance must be ≥ 0, got ${tolerance}`);
    this.net = net;
    this.iterations = iterations;
    this.tolerance = tolerance;
    this.numHidden = layers.length - 2;
    let maxIn = 0;
    let maxOut = 0;
    for (let h = 1; h <= this.numHidden; h++) {
      const nIn = layers[h];
      const nOut = layers[h + 1];
      if (net.weights[h].length !== nIn * nOut) {
        throw new RangeError(`weights[${h}] has ${net.weights[h].length} entries, expected ${nOut}×${nIn} = ${nIn * nOut}`);
      }
      maxIn = Math.max(maxIn, nIn);
      maxOut = Math.max(maxOut, nOut);
    }
    this.u = new Float64Array(maxIn);
    this.s = new Float64Array(maxIn);
    this.v = new Float64Array(maxOut);
    this.spectral = new Float64Array(this.numHidden);
    this.frobenius = new Float64Array(this.numHidden);
  }

  /**
   * meanActivationPrime[h-1][i] is the mean σ′(zᵢʰ) of neuron i of hidden layer h over the probe images.
   * Returns ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ for h = 1..numHidden in its own buffer, overwritten by the next call: copy it
   * (slice()) before posting it to another thread. A diverged network (non-finite σ′ or weights) gives NaN.
   */
  compute(meanActivationPrime: readonly ArrayLike<number>[]): Float64Array {
    const layers = this.net.layers;
    if (meanActivationPrime.length !== this.numHidden) {
      throw new RangeError(`eq. 124 needs mean σ′ for ${this.numHidden} hidden layers, got ${meanActivationPrime.length}`);
    }
    // A buffer handed to postMessage as a transferable comes back detached (length 0); replace it rather than
    // silently write nowhere.
    if (this.spectral.length !== this.numHidden) this.spectral = new Float64Array(this.numHidden);
    if (this.frobenius.length !== this.numHidden) this.frobenius = new Float64Array(this.numHidden);
    for (let h = 1; h <= this.numHidden; h++) {
      const sp = meanActivationPrime[h - 1];
      if (sp.length !== layers[h]) {
        throw new RangeError(`hidden layer ${h} has ${layers[h]} neurons but ${sp.length} mean σ′ values were given`);
      }
      this.layerNorms(h, sp);
    }
    return this.spectral;
  }

  private layerNorms(h: number, sp: ArrayLike<number>): void {
    const nIn = this.net.layers[h];
    const nOut = this.net.layers[h + 1];
    const w = this.net.weights[h];
    const { u, v, s } = this;
    for (let i = 0; i < nIn; i++) s[i] = sp[i];

    // ‖M‖_F² = Σᵢ sᵢ² Σⱼ w[j][i]²  with M[i][j] = sᵢ w[j][i].
    let frob = 0;
    for (let j = 0; j < nOut; j++) {
      const row = j * nIn;
      for (let i = 0; i < nIn; i++) {
        const m = s[i] * w[row + i];
        frob += m * m;
      }
    }
    this.frobenius[h - 1] = Math.sqrt(frob);

    let norm = 0;
    for (let j = 0; j < nOut; j++) {
      const x = 1 + ((j * GOLDEN) % 1);
      v[j] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < nOut; j++) v[j] /= norm;

    let sigma = 0;
    for (let it = 0; it < this.iterations; it++) {
      // u = M v: uᵢ = sᵢ Σⱼ w[j][i] vⱼ
      u.fill(0, 0, nIn);
      for (let j = 0; j < nOut; j++) {
        const vj = v[j];
        const row = j * nIn;
        for (let i = 0; i < nIn; i++) u[i] += w[row + i] * vj;
      }
      let uu = 0;
      for (let i = 0; i < nIn; i++) {
        u[i] *= s[i];
        uu += u[i] * u[i];
      }
      // ‖M v‖ with ‖v‖ = 1 never exceeds σ_max and climbs to it as v turns towards the top right singular vector.
      const next = Math.sqrt(uu);
      if (!(next > 0)) {
        sigma = next; // 0 (M v = 0 exactly) or NaN (non-finite inputs); nothing to iterate on
        break;
      }
      // v = Mᵀ u / ‖Mᵀ u‖: vⱼ = Σᵢ w[j][i] sᵢ uᵢ
      for (let i = 0; i < nIn; i++) u[i] *= s[i];
      let vv = 0;
      for (let j = 0; j < nOut; j++) {
        const row = j * nIn;
        let acc = 0;
        for (let i = 0; i < nIn; i++) acc += w[row + i] * u[i];
        v[j] = acc;
        vv += acc * acc;
      }
      const vNorm = Math.sqrt(vv);
      const converged = Math.abs(next - sigma) <= this.tolerance * next;
      sigma = next;
      if (converged || !(vNorm > 0)) break;
      for (let j = 0; j < nOut; j++) v[j] /= vNorm;
    }
    this.spectral[h - 1] = sigma;
  }
}
