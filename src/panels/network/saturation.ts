/**
 * Why a run stopped learning, in words. With the exploding preset the first step is so large that it throws
 * every hidden neuron far out onto the flat part of σ, where σ′ ≈ 0; from then on each factor wσ′(z) of
 * eq. 122 is tiny and the gradient vanishes instead of exploding. The bars only show ‖δˡ‖ collapsing; this
 * names the cause (saturation, counted by the probe) and offers the cure (gradient-norm clipping).
 */
import type { ActivationName } from '../../engine';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { numberFormats } from '../../i18n/number';

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
export function nameLayers(layers: readonly number[], lang: Lang = 'en'): string {
  return t(lang).saturation.layers([...layers]);
}

/** 1 → "100 %", 0.9667 → "97 %": whole percent, never rounding a not-quite-all up to 100. */
export function formatShare(share: number, lang: Lang = 'en'): string {
  const percent = share < 1 ? Math.min(99, Math.round(share * 100)) : 100;
  return `${numberFormats(lang).int(percent)} %`;
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
function ruleOf(activation: ActivationName, lang: Lang): string {
  const words = t(lang).saturation;
  if (activation === 'relu') return words.reluRule;
  return activation === 'tanh' ? words.tanhRule : words.sigmoidRule;
}

/** The notice for a detected saturation: what happened, why in the chapter's terms, and the cure. */
export function saturationNotice(d: Saturation, ctx: SaturationContext, lang: Lang = 'en'): SaturationNotice {
  const m = t(lang).saturation;
  const clip = ctx.clipNorm ?? 0;
  const offer = clip === 0 ? 'clip' : clip > CURE_CLIP_NORM / 100 ? 'smaller' : 'none';
  const clipAt = offer === 'clip' ? CURE_CLIP_NORM : clip / 10;
  const text = m.notice({
    cause: clip > 0 ? 'clipped' : ctx.exploding ? 'exploding' : 'training',
    clip,
    everyOne: d.saturatedLayers.every((l) => d.shares[l - 1] >= 1),
    layers: nameLayers(d.saturatedLayers, lang),
    rule: ruleOf(ctx.activation, lang),
    shares: d.saturatedLayers.map((l) => formatShare(d.shares[l - 1], lang)),
    several: d.saturatedLayers.length > 1,
    counted: ctx.activation === 'relu' ? 'neurons' : 'activations',
    all: d.all,
    offer,
    clipAt,
  });
  const cure =
    offer === 'clip'
      ? { label: m.clip, clipNorm: CURE_CLIP_NORM }
      : offer === 'smaller'
        ? { label: m.clipAt(clipAt), clipNorm: clipAt }
        : null;
  return { text, cure };
}
