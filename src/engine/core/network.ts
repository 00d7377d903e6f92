/**
 * A fully connected network.
 *
 * Memory layout: every weight and bias lives in ONE Float32Array `params`, so a snapshot is one copy and
 * one transfer. For each layer l in turn: its weights, then its biases.
 * Weights of layer l (connections INTO layer l+1) are row-major [out][in]: weights[l][j * nIn + i]
 * connects input i to neuron j of layer l+1; biases[l][j] is the bias of that neuron.
 * "Hidden layer h" (h = 1..numHidden, as in the book) is layers[h]; it is fed by weights[h-1].
 * With layer normalisation, the gains γ then the shifts β of every hidden layer follow all the layers, in
 * that order (gains[h-1] and shifts[h-1] belong to hidden layer h), so the weights and biases sit where
 * they would without it.
 *
 * While a Trainer runs SGD steps, W⁰ (784 × n₁, most of the parameters) may live elsewhere: in the layout its
 * kernels want, with the weight decay kept as a separate scale (see FirstLayerHome). Reading `params` or
 * `weights` brings it back first, so what they show is always current; writes through them are seen by the
 * next step. Take the views afresh after training steps rather than keeping them across steps.
 */
import { ACT_RELU, ACT_SIGMOID, ACT_TANH, activationCode } from './activations';
import { activateOutputRow, outputCostCode } from './output';
import { initializeParamsPieces } from './init';
import { finish, type PieceMeter, type Pieces, unlimitedMeter } from './pieces';
import { NORM_EPSILON, skipLayers } from './cures';
import { validateLayers } from './layers';
import type { Rng } from './rng';
import {
  ACTIVATIONS,
  COSTS,
  NORMALISATIONS,
  OUTPUTS,
  type ActivationName,
  type CostName,
  type InitName,
  type NormalisationName,
  type OutputName,
} from './types';

export interface NetworkOptions {
  layers: readonly number[];
  /** Hidden-layer non-linearity; sigmoid as in the chapter. */
  activation?: ActivationName;
  /** Output non-linearity; sigmoid as in network2.py. */
  output?: OutputName;
  /** Cost; cross-entropy as in network2.py (log-likelihood when the output is softmax). */
  cost?: CostName;
  /** Skip connections aˡ = aˡ⁻¹ + f(zˡ) on hidden layers 2.. of the same width as the layer below (cures.ts). */
  residual?: boolean;
  /** Normalisation of every hidden layer's pre-activations (types.ts); none as in the chapter. */
  normalisation?: NormalisationName;
}

/**
 * Somewhere W⁰ is kept between SGD steps instead of in `params`. Copying W⁰ in and out of a kernel's memory
 * on every step costs several passes over 784 × n₁ weights to do ~m × 150 pixels' worth of work; lending it
 * to the trainer for as long as nobody else looks makes a step touch only the rows its batch uses.
 */
export interface FirstLayerHome {
  /** Writes the current W⁰ into the network's params, row-major as documented above. */
  writeBack(): void;
}

function checkName<T extends string>(what: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value))
    throw new RangeError(`unknown ${what} ${JSON.stringify(value)} (expected ${allowed.join(', ')})`);
  return value as T;
}

export class Network {
  readonly layers: readonly number[];
  readonly activation: ActivationName;
  readonly output: OutputName;
  readonly cost: CostName;
  private readonly store: Float32Array;
  private readonly weightViews: readonly Float32Array[];
  /** Who holds W⁰ now, or null when `store` has it. */
  private home: FirstLayerHome | null = null;
  readonly biases: readonly Float32Array[];
  readonly numHidden: number;
  readonly residual: boolean;
  readonly normalisation: NormalisationName;
  /** skips[l]: whether hidden layer l (layer index, input = 0) adds its input back; see cures.ts. */
  readonly skips: readonly boolean[];
  /** Whether any layer has a skip or a normalisation: the plain chapter network takes none of the extra steps. */
  readonly cured: boolean;
  /** Per hidden layer h (index h−1): the normalisation's gains γ and shifts β; empty without normalisation. */
  readonly gains: readonly Float32Array[];
  readonly shifts: readonly Float32Array[];
  /** Scratch activations for feedforward(), one buffer per layer after the input. */
  private readonly scratch: Float64Array[];
  /** The output × cost tag of output.ts. */
  private readonly outCost: number;

  constructor(options: NetworkOptions) {
    this.layers = Object.freeze(validateLayers(options.layers));
    this.activation = checkName('activation', options.activation ?? 'sigmoid', ACTIVATIONS);
    this.output = checkName('output', options.output ?? 'sigmoid', OUTPUTS);
    this.cost = checkName('cost', options.cost ?? 'cross-entropy', COSTS);
    this.outCost = outputCostCode(this.output, this.cost);
    this.numHidden = this.layers.length - 2;
    this.residual = options.residual ?? false;
    if (typeof this.residual !== 'boolean') throw new RangeError(`residual must be true or false, got ${JSON.stringify(this.residual)}`);
    this.normalisation = checkName('normalisation', options.normalisation ?? 'none', NORMALISATIONS);
    this.skips = Object.freeze(skipLayers(this.layers, this.residual));
    const normalised = this.normalisation === 'layer';
    this.cured = normalised || this.skips.includes(true);
    let total = 0;
    for (let l = 0; l + 1 < this.layers.length; l++) total += this.layers[l] * this.layers[l + 1] + this.layers[l + 1];
    const hidden = this.layers.slice(1, -1);
    if (normalised) for (const n of hidden) total += 2 * n;
    this.store = new Float32Array(total);
    const weights: Float32Array[] = [];
    const biases: Float32Array[] = [];
    let offset = 0;
    for (let l = 0; l + 1 < this.layers.length; l++) {
      const nIn = this.layers[l];
      const nOut = this.layers[l + 1];
      weights.push(this.store.subarray(offset, offset + nIn * nOut));
      offset += nIn * nOut;
      biases.push(this.store.subarray(offset, offset + nOut));
      offset += nOut;
    }
    this.weightViews = Object.freeze(weights);
    this.biases = Object.freeze(biases);
    const gains: Float32Array[] = [];
    const shifts: Float32Array[] = [];
    if (normalised) {
      for (const n of hidden) {
        gains.push(this.store.subarray(offset, offset + n).fill(1));
        offset += n;
      }
      for (const n of hidden) {
        shifts.push(this.store.subarray(offset, offset + n));
        offset += n;
      }
    }
    this.gains = Object.freeze(gains);
    this.shifts = Object.freeze(shifts);
    this.scratch = this.layers.slice(1).map((n) => new Float64Array(n));
  }

  /** Every parameter in one array (layout above), W⁰ brought back first if a trainer holds it. */
  get params(): Float32Array {
    this.bringHome();
    return this.store;
  }

  /** weights[l] as views of `params`, W⁰ brought back first if a trainer holds it. */
  get weights(): readonly Float32Array[] {
    this.bringHome();
    return this.weightViews;
  }

  /**
   * The engine's training loop only: the weight views without bringing W⁰ back, for the layers above the
   * first, which always live in `params`. weightsInPlace[0] is stale while W⁰ is lent out.
   */
  get weightsInPlace(): readonly Float32Array[] {
    return this.weightViews;
  }

  /** Puts W⁰ back into `params` if it is lent out; everything that reads W⁰ outside a training step calls it. */
  bringHome(): void {
    const home = this.home;
    if (home === null) return;
    this.home = null;
    home.writeBack();
  }

  /** Hands W⁰ to `home` (which has just copied it from `params`); any earlier holder gives it back first. */
  lendFirstLayer(home: FirstLayerHome): void {
    if (this.home === home) return;
    this.bringHome();
    this.home = home;
  }

  /** Whether `home` holds W⁰ now (if not, it must reload it from `params` before its next step). */
  lentTo(home: FirstLayerHome): boolean {
    return this.home === home;
  }

  /**
   * Draws weights then biases, layer by layer, in a fixed order (see init.ts), so a seed gives the same
   * numbers with or without the cures. Under layer normalisation γ starts at 1, and each hidden neuron's
   * drawn bias becomes its shift β while b starts at 0: Ba, Kiros & Hinton (2016) apply a neuron's bias
   * after the normalisation, before the non-linearity. Left before it, the default initialiser's
   * b ~ N(0, 1) would widen each layer's z to a spread of about 1.15, which the normalisation then divides
   * every example's gradient by; on ten sigmoid layers that cost the first layer a factor of 3 at
   * initialisation instead of the 140-fold gain of the paper's placement (README, "The cures that came after").
   */
  initialize(init: InitName, rng: Rng): void {
    finish(this.initializePieces(init, rng, unlimitedMeter()));
  }

  /** initialize() in pieces of `meter`'s size (pieces.ts): 10 million weights take a few hundred milliseconds to draw. */
  *initializePieces(init: InitName, rng: Rng, meter: PieceMeter): Pieces<void> {
    yield* initializeParamsPieces(this, init, rng, meter);
    for (const g of this.gains) g.fill(1);
    for (let h = 0; h < this.shifts.length; h++) {
      this.shifts[h].set(this.biases[h]);
      this.biases[h].fill(0);
    }
  }

  /**
   * Copies of every layer's weights (row-major [out][in], as `weights`) and biases, for saving. Copies, so
   * the caller may keep or transfer them while training goes on.
   */
  copyLayers(): { weights: Float32Array[]; biases: Float32Array[] } {
    return { weights: this.weights.map((w) => w.slice()), biases: this.biases.map((b) => b.slice()) };
  }

  /** Puts saved weights and biases in place, in copyLayers' layout; throws if a shape differs from this network's. */
  setLayers(weights: readonly Float32Array[], biases: readonly Float32Array[]): void {
    if (weights.length !== this.weights.length || biases.length !== this.biases.length)
      throw new RangeError(
        `setLayers: expected ${this.weights.length} layers of weights and biases, got ${weights.length} and ${biases.length}`,
      );
    for (let l = 0; l < this.weights.length; l++) {
      if (weights[l].length !== this.weights[l].length || biases[l].length !== this.biases[l].length)
        throw new RangeError(
          `setLayers: layer ${l + 1} has ${this.weights[l].length} weights and ${this.biases[l].length} biases, got ${weights[l].length} and ${biases[l].length}`,
        );
    }
    for (let l = 0; l < this.weights.length; l++) {
      this.weights[l].set(weights[l]);
      this.biases[l].set(biases[l]);
    }
  }

  /**
   * Single-example forward pass a^{l+1} = f(W^l a^l + b^l) (eq. 25 of chapter 2); `input` holds the
   * already scaled input activations, `output` receives the output activations. For batches use Trainer,
   * evaluate() or GradientProbe, which run the same arithmetic over a whole mini-batch at once.
   */
  feedforward(input: Float32Array, output: Float32Array): void {
    const L = this.layers.length;
    if (input.length !== this.layers[0])
      throw new RangeError(`feedforward: input has ${input.length} values, the network expects ${this.layers[0]}`);
    if (output.length !== this.layers[L - 1])
      throw new RangeError(`feedforward: output has room for ${output.length} values, the network produces ${this.layers[L - 1]}`);
    const act = activationCode(this.activation);
    let prev: ArrayLike<number> = input;
    for (let l = 0; l + 1 < L; l++) {
      const nIn = this.layers[l];
      const nOut = this.layers[l + 1];
      const w = this.weights[l];
      const b = this.biases[l];
      const z = this.scratch[l];
      for (let j = 0; j < nOut; j++) {
        let s = b[j];
        const row = j * nIn;
        for (let i = 0; i < nIn; i++) s += w[row + i] * prev[i];
        z[j] = s;
      }
      if (l + 2 < L && this.normalisation === 'layer') {
        // Layer normalisation (cures.ts), in float64 as the rest of this pass.
        let mean = 0;
        for (let j = 0; j < nOut; j++) mean += z[j];
        mean /= nOut;
        let v = 0;
        for (let j = 0; j < nOut; j++) v += (z[j] - mean) ** 2;
        const s = 1 / Math.sqrt(v / nOut + NORM_EPSILON);
        const gain = this.gains[l];
        const shift = this.shifts[l];
        for (let j = 0; j < nOut; j++) z[j] = gain[j] * (z[j] - mean) * s + shift[j];
      }
      if (l + 2 < L) {
        for (let j = 0; j < nOut; j++) {
          const v = z[j];
          z[j] = act === ACT_SIGMOID ? 1 / (1 + Math.exp(-v)) : act === ACT_TANH ? Math.tanh(v) : act === ACT_RELU && v > 0 ? v : 0;
        }
        if (this.skips[l + 1]) for (let j = 0; j < nOut; j++) z[j] += prev[j];
      } else activateOutputRow(this.outCost, z, 0, output, 0, nOut, 0, false);
      prev = z;
    }
  }
}
