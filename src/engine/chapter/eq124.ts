/**
 * Eq. 124 in a real network: δʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ Σ′(zʰ⁺¹)(wʰ⁺²)ᵀ … Σ′(zᴸ)∇ₐC.
 * Each hidden layer h contributes one matrix Mʰ = Σ′(zʰ)(wʰ⁺¹)ᵀ that carries δʰ⁺¹ back to δʰ, so
 * ‖δʰ‖ ≤ ‖Mʰ‖₂ ‖δʰ⁺¹‖: when these spectral norms sit below 1 the gradient shrinks on its way back to the
 * first layers (vanishing), above 1 it can grow (exploding). This module measures ‖Mʰ‖₂ per hidden layer.
 *
 * Σ′ is taken as diag(mean σ′ of layer h over the probe images), the same average the gradient probe reports,
 * so the number describes the network as a whole rather than one example.
 *
 * With the cures of core/cures.ts the chain of eq. 124 is no longer a product of these matrices:
 *  - below a layer with a skip, ∂C/∂aʰ = (wʰ⁺¹)ᵀδʰ⁺¹ + ∂C/∂aʰ⁺¹, so the Jacobian carried back is I + (wʰ⁺¹)ᵀΣ′
 *    and δʰ⁺¹ alone does not determine δʰ;
 *  - under layer normalisation every δ also passes through the normalisation's Jacobian, which depends on
 *    each example's ẑ and cannot be folded into an average Σ′.
 * The factor is then reported as not applicable (NaN, see `applicable`) rather than as a number that would
 * describe a different network. A layer h whose next layer has no skip keeps its exact factor.
 */
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from '../core/pieces';

/** What eq. 124 reads from a network; Network (network.ts) has both fields. */
export interface LayeredWeights {
  /** Widths, input first: [784, 30, 30, 10]. */
  readonly layers: readonly number[];
  /** weights[l] feeds layer l+1, row-major [out][in]: weights[l][j * layers[l] + i] links input i to neuron j. */
  readonly weights: readonly Float32Array[];
  /** skips[l]: hidden layer l adds its input back (Network.skips); none when absent. */
  readonly skips?: readonly boolean[];
  /** 'layer' when hidden pre-activations are normalised (Network.normalisation); 'none' when absent. */
  readonly normalisation?: string;
}

export interface LayerFactorNormsOptions {
  /** Upper bound on Lanczos steps per layer (each costs two passes over the layer's weights). */
  iterations?: number;
  /** Stop early once the estimate changes by less than this fraction between steps. */
  tolerance?: number;
}

const DEFAULT_ITERATIONS = 32;
const DEFAULT_TOLERANCE = 1e-10;
/** Fractional part of j·φ gives a fixed start vector with no zero entries and no symmetry to get stuck on. */
const GOLDEN = 0.6180339887498949;

/**
 * Spectral norm ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ (largest singular value) of every hidden layer h = 1..numHidden, and the
 * Frobenius norm of the same matrix as a cheap upper bound (‖M‖₂ ≤ ‖M‖_F). All buffers are allocated here;
 * compute() allocates nothing.
 *
 * Method: Lanczos with full reorthogonalisation on the Gram matrix of M (MᵀM or MMᵀ, whichever is smaller),
 * from a fixed start vector, for at most `iterations` steps; ‖M‖₂² is the largest eigenvalue of the small
 * tridiagonal matrix it builds, found by Sturm-sequence bisection. Plain power iteration needs hundreds of
 * steps on wide random layers, whose top singular values crowd together (1000×1000: still 0.8 % low after
 * 100 steps); Lanczos gets there in a few dozen. The estimate only ever approaches ‖M‖₂ from below.
 */
export class LayerFactorNorms {
  readonly numHidden: number;
  /**
   * applicable[h-1]: whether hidden layer h's factor Σ′(zʰ)(wʰ⁺¹)ᵀ is what carries δʰ⁺¹ back to δʰ. False
   * under normalisation and just below a layer with a skip; there compute() gives NaN for both norms.
   */
  readonly applicable: readonly boolean[];
  /** Frobenius norm ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖_F per hidden layer, filled by compute(). */
  frobenius: Float64Array;
  private spectral: Float64Array;
  private readonly net: LayeredWeights;
  private readonly iterations: number;
  private readonly tolerance: number;
  /** Lanczos basis: row r (length = the iterated side's dimension) is q_{r+1}. */
  private readonly basis: Float64Array;
  /** Scratch on the iterated side (w) and on the other side (t). */
  private readonly w: Float64Array;
  private readonly t: Float64Array;
  private readonly s: Float64Array;
  private readonly alpha: Float64Array;
  private readonly beta: Float64Array;

  constructor(net: LayeredWeights, options: LayerFactorNormsOptions = {}) {
    const layers = net.layers;
    if (layers.length < 2) throw new RangeError(`a network needs at least 2 layers, got ${layers.length}`);
    if (net.weights.length !== layers.length - 1) {
      throw new RangeError(`expected ${layers.length - 1} weight matrices for ${layers.length} layers, got ${net.weights.length}`);
    }
    const iterations = options.iterations ?? DEFAULT_ITERATIONS;
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    if (!Number.isInteger(iterations) || iterations < 1) {
      throw new RangeError(`Lanczos step count must be a whole number ≥ 1, got ${iterations}`);
    }
    if (!(tolerance >= 0)) throw new RangeError(`Lanczos tolerance must be ≥ 0, got ${tolerance}`);
    this.net = net;
    this.iterations = iterations;
    this.tolerance = tolerance;
    this.numHidden = layers.length - 2;
    const normalised = net.normalisation !== undefined && net.normalisation !== 'none';
    const applicable: boolean[] = [];
    for (let h = 1; h <= this.numHidden; h++) applicable.push(!normalised && !(net.skips?.[h + 1] ?? false));
    this.applicable = Object.freeze(applicable);
    let maxSmall = 0;
    let maxLarge = 0;
    let maxIn = 0;
    for (let h = 1; h <= this.numHidden; h++) {
      const nIn = layers[h];
      const nOut = layers[h + 1];
      if (net.weights[h].length !== nIn * nOut) {
        throw new RangeError(`weights[${h}] has ${net.weights[h].length} entries, expected ${nOut}×${nIn} = ${nIn * nOut}`);
      }
      maxSmall = Math.max(maxSmall, Math.min(nIn, nOut));
      maxLarge = Math.max(maxLarge, Math.max(nIn, nOut));
      maxIn = Math.max(maxIn, nIn);
    }
    const steps = Math.min(iterations, maxSmall);
    this.basis = new Float64Array(steps * maxSmall);
    this.w = new Float64Array(maxSmall);
    this.t = new Float64Array(maxLarge);
    this.s = new Float64Array(maxIn);
    this.alpha = new Float64Array(steps);
    this.beta = new Float64Array(steps);
    this.spectral = new Float64Array(this.numHidden);
    this.frobenius = new Float64Array(this.numHidden);
  }

  /**
   * meanActivationPrime[h-1][i] is the mean σ′(zᵢʰ) of neuron i of hidden layer h over the probe images.
   * Returns ‖Σ′(zʰ)(wʰ⁺¹)ᵀ‖₂ for h = 1..numHidden in its own buffer, overwritten by the next call: copy it
   * (slice()) before posting it to another thread. A diverged network (non-finite σ′ or weights) gives NaN.
   */
  compute(meanActivationPrime: readonly ArrayLike<number>[]): Float64Array {
    return finish(this.computePieces(meanActivationPrime, unlimitedMeter()));
  }

  /** compute() in pieces of `meter`'s size (core/pieces.ts), cut between Lanczos steps: the same numbers. */
  *computePieces(meanActivationPrime: readonly ArrayLike<number>[], meter: PieceMeter): Pieces<Float64Array> {
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
      if (this.applicable[h - 1]) yield* this.layerNorms(h, sp, meter);
      else {
        this.spectral[h - 1] = Number.NaN;
        this.frobenius[h - 1] = Number.NaN;
      }
    }
    return this.spectral;
  }

  /**
   * M = Σ′(zʰ)(wʰ⁺¹)ᵀ is nIn × nOut with M[i][j] = sᵢ w[j][i]. Lanczos runs on the Gram matrix of the smaller
   * side: G = MᵀM (nOut × nOut) when nOut ≤ nIn, else G = MMᵀ (nIn × nIn). Both have eigenvalues σ².
   */
  private *layerNorms(h: number, sp: ArrayLike<number>, meter: PieceMeter): Pieces<void> {
    const nIn = this.net.layers[h];
    const nOut = this.net.layers[h + 1];
    const wts = this.net.weights[h];
    const { s, w, t, basis, alpha, beta } = this;
    for (let i = 0; i < nIn; i++) s[i] = sp[i];

    // ‖M‖_F² = Σᵢ sᵢ² Σⱼ w[j][i]²
    let frob = 0;
    for (let j = 0; j < nOut; j++) {
      const row = j * nIn;
      for (let i = 0; i < nIn; i++) {
        const m = s[i] * wts[row + i];
        frob += m * m;
      }
    }
    this.frobenius[h - 1] = Math.sqrt(frob);
    // Each pass over the layer's weights, the Frobenius sum's and each Lanczos step's two, is a multiply-add per weight.
    const passWork = nIn * nOut * WORK_PER_MULTIPLY_ADD.float64;
    if (meter.spend(passWork)) yield;

    const onOut = nOut <= nIn;
    const n = onOut ? nOut : nIn;
    const steps = Math.min(this.iterations, n);

    // q₁: the fixed start vector, normalised
    let norm = 0;
    for (let k = 0; k < n; k++) {
      const x = 1 + ((k * GOLDEN) % 1);
      basis[k] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) basis[k] /= norm;

    let lambda = 0;
    let used = 0;
    for (let r = 0; r < steps; r++) {
      const q = r * n;
      // w = G q_r
      if (onOut) {
        // t = M q (length nIn): tᵢ = sᵢ Σⱼ w[j][i] qⱼ ; then w = Mᵀ t: wⱼ = Σᵢ w[j][i] sᵢ tᵢ
        t.fill(0, 0, nIn);
        for (let j = 0; j < nOut; j++) {
          const qj = basis[q + j];
          const row = j * nIn;
          for (let i = 0; i < nIn; i++) t[i] += wts[row + i] * qj;
        }
        for (let i = 0; i < nIn; i++) t[i] *= s[i] * s[i];
        for (let j = 0; j < nOut; j++) {
          const row = j * nIn;
          let acc = 0;
          for (let i = 0; i < nIn; i++) acc += wts[row + i] * t[i];
          w[j] = acc;
        }
      } else {
        // t = Mᵀ q (length nOut): tⱼ = Σᵢ w[j][i] sᵢ qᵢ ; then w = M t: wᵢ = sᵢ Σⱼ w[j][i] tⱼ
        for (let j = 0; j < nOut; j++) {
          const row = j * nIn;
          let acc = 0;
          for (let i = 0; i < nIn; i++) acc += wts[row + i] * s[i] * basis[q + i];
          t[j] = acc;
        }
        w.fill(0, 0, nIn);
        for (let j = 0; j < nOut; j++) {
          const tj = t[j];
          const row = j * nIn;
          for (let i = 0; i < nIn; i++) w[i] += wts[row + i] * tj;
        }
        for (let i = 0; i < nIn; i++) w[i] *= s[i];
      }
      let a = 0;
      for (let k = 0; k < n; k++) a += basis[q + k] * w[k];
      alpha[r] = a;
      used = r + 1;
      if (!Number.isFinite(a)) {
        lambda = Number.NaN;
        break;
      }
      // Full reorthogonalisation against every earlier q (twice is enough, Kahan's rule) keeps the basis
      // orthogonal in floating point, so no spurious copies of the top eigenvalue appear.
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p <= r; p++) {
          const qp = p * n;
          let d = 0;
          for (let k = 0; k < n; k++) d += basis[qp + k] * w[k];
          for (let k = 0; k < n; k++) w[k] -= d * basis[qp + k];
        }
      }
      const next = largestTridiagonalEigenvalue(alpha, beta, used);
      const converged = r > 0 && Math.abs(next - lambda) <= this.tolerance * next;
      lambda = next;
      let b = 0;
      for (let k = 0; k < n; k++) b += w[k] * w[k];
      b = Math.sqrt(b);
      beta[r] = b;
      // b ≈ 0: the Krylov space is invariant and T's eigenvalues are exact eigenvalues of G.
      if (converged || r + 1 === steps || !(b > 1e-12 * Math.max(lambda, 1e-300))) break;
      const qn = (r + 1) * n;
      for (let k = 0; k < n; k++) basis[qn + k] = w[k] / b;
      if (meter.spend(2 * passWork + 4 * (r + 1) * n * WORK_PER_MULTIPLY_ADD.float64)) yield;
    }
    this.spectral[h - 1] = used === 0 ? 0 : Math.sqrt(Math.max(0, lambda));
  }
}

/**
 * Largest eigenvalue of the symmetric tridiagonal matrix with diagonal alpha[0..m) and off-diagonal
 * beta[0..m-1), by bisection on Sturm counts (the number of negative pivots of T − xI is the number of
 * eigenvalues below x). Allocation-free and exact to rounding.
 */
export function largestTridiagonalEigenvalue(alpha: ArrayLike<number>, beta: ArrayLike<number>, m: number): number {
  if (m === 0) return 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const r = (i > 0 ? Math.abs(beta[i - 1]) : 0) + (i + 1 < m ? Math.abs(beta[i]) : 0);
    lo = Math.min(lo, alpha[i] - r);
    hi = Math.max(hi, alpha[i] + r);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Number.NaN;
  const below = (x: number): number => {
    let count = 0;
    let d = 1;
    for (let i = 0; i < m; i++) {
      const b2 = i > 0 ? beta[i - 1] * beta[i - 1] : 0;
      d = alpha[i] - x - (i > 0 ? b2 / d : 0);
      if (d === 0) d = -1e-300; // x hit a pivot exactly: nudge so the count stays consistent
      if (d < 0) count++;
    }
    return count;
  };
  for (let it = 0; it < 200 && hi - lo > 1e-15 * Math.max(Math.abs(hi), Math.abs(lo), 1e-300); it++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (below(mid) === m) hi = mid;
    else lo = mid;
  }
  return hi;
}
