/**
 * Why a run stopped learning, in words. With the exploding preset the first step is so large that it throws
 * every hidden neuron far out onto the flat part of σ, where σ′ ≈ 0; from then on each factor wσ′(z) of
 * eq. 122 is tiny and the gradient vanishes instead of exploding. The bars only show ‖δˡ‖ collapsing; this
 * names the cause (saturation, counted by the probe) and offers the cure (gradient-norm clipping).
 */
import type { ActivationName } from '../../engine';

/**
 * A layer counts as saturated when at least this share of it is (the snapshot's rule, protocol.ts: of its
 * activation values σ < 0.01 or > 0.99, tanh |a| > 0.97; of its ReLUs, those dead on every probe image). One or two live neurons out of thirty do not
 * keep a layer learning: its ‖δ‖ is still ~1e-9 of what it was.
 */
export const SATURATED_LAYER_SHARE = 0.9;

/**
 * The threshold the cure button sets. Measured on the exploding preset ([784,30,30,30,30,10], seed 1, README):
 * c = 1 still lets the first step saturate every layer, c = 0.1 keeps every ‖δˡ‖ above 1e-5 for 50 epochs.
 */
export const CURE_CLIP_NORM = 0.1;

/** What the detector reads from a snapshot. */
export interface SaturationInput {
  epoch: number;
  batch: number;
  /** Per hidden layer, share of saturated neurons (0..1). */
  saturatedShare: ArrayLike<number>;
  /** Per hidden layer, mean activation derivative over neurons and probe images. */
  meanActivationPrime: ArrayLike<number>;
}

export interface Saturation {
  /** Hidden layers (counted from 1 at the input side) with at least SATURATED_LAYER_SHARE of their neurons saturated. */
  saturatedLayers: number[];
  /** Share of saturated neurons of every hidden layer, layer 1 first. */
  shares: number[];
  /** Mean activation derivative of every hidden layer. */
  meanPrime: number[];
  /** True when every hidden layer is saturated: then no layer has a gradient left to learn with. */
  all: boolean;
}

/**
 * The saturated hidden layers of a trained network, or null when none is saturated or nothing has been
 * trained yet: saturation before the first step is the initialiser's doing (the "large" initialiser),
 * not something a step did, and the page already shows the initial picture as it is.
 */
export function detectSaturation(s: SaturationInput): Saturation | null {
  if (s.epoch === 0 && s.batch === 0) return null;
  const shares = Array.from(s.saturatedShare);
  const saturatedLayers = shares.flatMap((share, i) => (share >= SATURATED_LAYER_SHARE ? [i + 1] : []));
  if (saturatedLayers.length === 0) return null;
  return { saturatedLayers, shares, meanPrime: Array.from(s.meanActivationPrime), all: saturatedLayers.length === shares.length };
}

/** "hidden layer 2", "hidden layers 1-4", "hidden layers 1, 3 and 4". */
export function nameLayers(layers: readonly number[]): string {
  if (layers.length === 1) return `hidden layer ${layers[0]}`;
  const consecutive = layers.every((l, i) => i === 0 || l === layers[i - 1] + 1);
  if (consecutive) return `hidden layers ${layers[0]}-${layers[layers.length - 1]}`;
  return `hidden layers ${layers.slice(0, -1).join(', ')} and ${layers[layers.length - 1]}`;
}

/** 1 → "100 %", 0.9667 → "97 %": whole percent, never rounding a not-quite-all up to 100. */
export function formatShare(share: number): string {
  const percent = share < 1 ? Math.min(99, Math.round(share * 100)) : 100;
  return `${percent} %`;
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface SaturationContext {
  exploding: boolean;
  /** The run's clipping threshold; 0 or absent is off. */
  clipNorm?: number;
  activation: ActivationName;
}

export interface SaturationNotice {
  text: string;
  /** The button that applies the cure, or null when there is nothing sensible left to offer. */
  cure: { label: string; clipNorm: number } | null;
}

/** The rule the snapshot's saturatedShare applied (protocol.ts), in the notation of the activation. */
function ruleOf(activation: ActivationName): string {
  if (activation === 'relu') return 'a = 0 on every probe image';
  return activation === 'tanh' ? '|a| > 0.97' : 'σ < 0.01 or σ > 0.99';
}

/** What the share counts: a ReLU is dead or not as a whole; a sigmoid or tanh value is saturated image by image. */
function countedOf(activation: ActivationName, layers: number): string {
  const whose = layers === 1 ? 'its' : 'their';
  return activation === 'relu' ? `${whose} neurons` : `${whose} activations over the probe images`;
}

/** The notice for a detected saturation: what happened, why in the chapter's terms, and the cure. */
export function saturationNotice(d: Saturation, ctx: SaturationContext): SaturationNotice {
  const clip = ctx.clipNorm ?? 0;
  const everyOne = d.saturatedLayers.every((l) => d.shares[l - 1] >= 1);
  const cause =
    clip > 0
      ? `Even with the gradient clipped at ‖∇‖ ≤ ${clip}, the steps were too large`
      : ctx.exploding
        ? 'The huge gradients of the exploding preset made huge steps'
        : 'Training pushed the weighted inputs z far from 0';
  const who = `${everyOne ? 'every neuron' : 'almost every neuron'} in ${nameLayers(d.saturatedLayers)} is now saturated`;
  const shares = `${ruleOf(ctx.activation)} for ${joinList(d.saturatedLayers.map((l) => formatShare(d.shares[l - 1])))} of ${countedOf(ctx.activation, d.saturatedLayers.length)}`;
  const consequence = d.all
    ? 'so the gradient now vanishes everywhere'
    : `so the gradient now vanishes in ${d.saturatedLayers.length === 1 ? 'it' : 'them'}`;
  const chapter =
    'This is the unstable gradient problem of the chapter (§ The unstable gradient problem): the gradient of an early layer is a product of many factors wσ′(z), and it either explodes or vanishes.';
  let cure: SaturationNotice['cure'] = null;
  let offer: string;
  if (clip === 0) {
    offer = `Clipping the gradient norm (Pascanu et al. 2013) caps the length of each step, so one huge gradient cannot throw the neurons this far; the button clips at ${CURE_CLIP_NORM} and starts again.`;
    cure = { label: 'Clip gradient norm', clipNorm: CURE_CLIP_NORM };
  } else if (clip > CURE_CLIP_NORM / 100) {
    const smaller = clip / 10;
    offer = `A smaller threshold takes smaller steps: the button clips at ${smaller} and starts again.`;
    cure = { label: `Clip gradient norm at ${smaller}`, clipNorm: smaller };
  } else {
    offer = 'Clipping this hard and still saturating: try a smaller η or another initialiser.';
  }
  return { text: `${cause}: ${who} (${shares}), ${consequence}. ${chapter} ${offer}`, cure };
}
