/**
 * The chapter's simplest deep network (eqs. 114-122): one neuron per layer,
 *   a₀ → [w₁,b₁] → a₁ → [w₂,b₂] → a₂ → [w₃,b₃] → a₃ → [w₄,b₄] → a₄ → C,
 * with zⱼ = wⱼaⱼ₋₁ + bⱼ, aⱼ = σ(zⱼ) and the quadratic cost C = ½(a₄ − y)², so ∂C/∂a₄ = a₄ − y.
 * Everything is float64 and exact to rounding; the instruments draw these numbers directly.
 */
import { activationFn, type Activation } from '../core/activations';
import type { Rng } from '../core/rng';

/** Neurons in the chain: the book's figure has four. */
export const CHAIN_LENGTH = 4;

export interface ChainParams {
  /** w[j-1] is wⱼ, the weight into neuron j (j = 1..4). */
  readonly w: readonly number[];
  /** b[j-1] is bⱼ. */
  readonly b: readonly number[];
  /** The input activation a₀. */
  readonly a0: number;
  /** Target output y in C = ½(a₄ − y)². */
  readonly y: number;
}

export interface ChainForward {
  /** z[j-1] = zⱼ = wⱼaⱼ₋₁ + bⱼ */
  readonly z: number[];
  /** a[j-1] = aⱼ = σ(zⱼ); a[3] is the output a₄. */
  readonly a: number[];
  /** C = ½(a₄ − y)² */
  readonly cost: number;
}

export interface ChainGradients extends ChainForward {
  /** sigmaPrime[j-1] = σ′(zⱼ) */
  readonly sigmaPrime: number[];
  /**
   * The five factors of eq. 122 in the book's order:
   * [σ′(z₁), w₂σ′(z₂), w₃σ′(z₃), w₄σ′(z₄), ∂C/∂a₄].
   */
  readonly factors: number[];
  /** runningProducts[k] = factors[0]·…·factors[k]; the last one is ∂C/∂b₁ (eq. 122). */
  readonly runningProducts: number[];
  /** dCda4 = ∂C/∂a₄ = a₄ − y */
  readonly dCda4: number;
  /** gradB[j-1] = ∂C/∂bⱼ = σ′(zⱼ)·wⱼ₊₁σ′(zⱼ₊₁)·…·w₄σ′(z₄)·∂C/∂a₄ (eq. 122 and its analogues for b₂, b₃, b₄). */
  readonly gradB: number[];
  /** gradW[j-1] = ∂C/∂wⱼ = aⱼ₋₁ ∂C/∂bⱼ */
  readonly gradW: number[];
}

const SIGMOID = activationFn('sigmoid');

/** Throws a RangeError naming the first parameter that is missing or not a finite number. */
export function validateChain(p: ChainParams): void {
  if (p.w.length !== CHAIN_LENGTH || p.b.length !== CHAIN_LENGTH) {
    throw new RangeError(`the chain has ${CHAIN_LENGTH} neurons: expected 4 weights and 4 biases, got ${p.w.length} and ${p.b.length}`);
  }
  const check = (name: string, v: number) => {
    if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
  };
  for (let j = 0; j < CHAIN_LENGTH; j++) {
    check(`w${j + 1}`, p.w[j]);
    check(`b${j + 1}`, p.b[j]);
  }
  check('a0', p.a0);
  check('y', p.y);
}

export function forwardChain(p: ChainParams, act: Activation = SIGMOID): ChainForward {
  validateChain(p);
  const z: number[] = [];
  const a: number[] = [];
  let prev = p.a0;
  for (let j = 0; j < CHAIN_LENGTH; j++) {
    z.push(p.w[j] * prev + p.b[j]);
    prev = act.f(z[j]);
    a.push(prev);
  }
  const d = prev - p.y;
  return { z, a, cost: 0.5 * d * d };
}

/** Backpropagation through the chain, factor by factor as in eqs. 115-122. */
export function chainGradients(p: ChainParams, act: Activation = SIGMOID): ChainGradients {
  const fwd = forwardChain(p, act);
  const sigmaPrime = fwd.z.map((z) => act.fPrime(z));
  const dCda4 = fwd.a[CHAIN_LENGTH - 1] - p.y;
  const factors = [sigmaPrime[0]];
  for (let j = 1; j < CHAIN_LENGTH; j++) factors.push(p.w[j] * sigmaPrime[j]);
  factors.push(dCda4);
  const runningProducts: number[] = [];
  let prod = 1;
  for (const f of factors) {
    prod *= f;
    runningProducts.push(prod);
  }
  // ∂C/∂aⱼ₋₁ = wⱼσ′(zⱼ) ∂C/∂aⱼ (eqs. 117-118), walked from the cost back to the input.
  const gradB = new Array<number>(CHAIN_LENGTH);
  let dCda = dCda4;
  for (let j = CHAIN_LENGTH - 1; j >= 0; j--) {
    gradB[j] = sigmaPrime[j] * dCda; // eq. 116: Δaⱼ = σ′(zⱼ)Δbⱼ
    dCda *= p.w[j] * sigmaPrime[j];
  }
  const gradW = gradB.map((g, j) => (j === 0 ? p.a0 : fwd.a[j - 1]) * g);
  return { ...fwd, sigmaPrime, factors, runningProducts, dCda4, gradB, gradW };
}

/**
 * The book's exploding recipe: every wⱼ = 100 and bⱼ = −100·aⱼ₋₁, so each zⱼ = 0, σ′(zⱼ) = 1/4 and every
 * factor wⱼσ′(zⱼ) = 25; ∂C/∂b₁ is then 25³ times ∂C/∂b₄.
 */
export function explodingRecipe(a0: number, y: number, act: Activation = SIGMOID, w = 100): ChainParams {
  const ws: number[] = [];
  const bs: number[] = [];
  let prev = a0;
  for (let j = 0; j < CHAIN_LENGTH; j++) {
    ws.push(w);
    bs.push(-w * prev);
    prev = act.f(0);
  }
  const p = { w: ws, b: bs, a0, y };
  validateChain(p);
  return p;
}

/**
 * The chapter's standard initialisation for the chain: wⱼ ~ N(0,1), bⱼ ~ N(0,1), weights drawn first.
 * Values are rounded to `decimals` places so that a slider with that step can hold them exactly and what
 * the page shows is what is computed.
 */
export function standardInit(rng: Rng, a0: number, y: number, decimals = 2): ChainParams {
  const scale = 10 ** decimals;
  const draw = () => Math.round(rng.normal() * scale) / scale;
  const w = Array.from({ length: CHAIN_LENGTH }, draw);
  const b = Array.from({ length: CHAIN_LENGTH }, draw);
  const p = { w, b, a0, y };
  validateChain(p);
  return p;
}
