/**
 * The words of a 'diverged' message: which value stopped being a number, where training was, and what to
 * change. A class reads this on a projector, so it speaks of epochs, mini-batches and η, not of buffers.
 */
import type { TrainingMode } from '../config';
import type { DivergedValue, NonFinite } from './protocol';

/** What became of a value that is not finite. */
export function describeNonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN (not a number)' : 'infinite';
}

export function nonFiniteKind(v: number): NonFinite {
  return Number.isNaN(v) ? 'nan' : 'infinite';
}

/** The value that diverged, as the English clause that opens the reason ("the cost became infinite"). */
export function describeValue(v: DivergedValue): string {
  const became = (k: NonFinite) => (k === 'nan' ? 'NaN (not a number)' : 'infinite');
  switch (v.kind) {
    case 'cost':
      return `the cost became ${became(v.became)}`;
    case 'layer-gradient':
      return `the gradient of hidden layer ${v.layer}, ‖δ${superscript(v.layer)}‖, became ${became(v.became)}`;
    case 'bias-gradient':
      return `the gradient ∂C/∂b became ${became(v.became)}`;
    case 'activations':
      return 'the hidden activations became NaN (not a number)';
    case 'weights':
      return `the weights feeding hidden layer ${v.layer} became ${became(v.became)}`;
    default: {
      const unreachable: never = v;
      return unreachable;
    }
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 12 → '¹²', for δ¹ and the like in messages. */
export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Where training is, in words that match the 'diverged' message's epoch and batch fields. */
export function describePosition(mode: TrainingMode, epoch: number, batch: number): string {
  if (mode === 'learning-speed') return `after ${plural(epoch, 'epoch', 'epochs')} of full-batch gradient descent`;
  if (batch === 0) return epoch === 0 ? 'before any training' : `at the end of epoch ${epoch}`;
  return `${plural(batch, 'mini-batch', 'mini-batches')} into epoch ${epoch + 1}`;
}

export interface DivergedAt {
  mode: TrainingMode;
  eta: number;
  exploding: boolean;
  epoch: number;
  batch: number;
}

/**
 * The whole sentence: `what` names the value ("the cost became infinite"), then where, then the advice.
 * Only η is blamed: with the chapter's networks it is the setting that makes a run overflow.
 */
export function divergenceReason(what: string, at: DivergedAt): string {
  const preset = at.exploding ? ' with the exploding-gradient preset' : '';
  return `${what} ${describePosition(at.mode, at.epoch, at.batch)}: η = ${at.eta} is too large for this network${preset}. Lower η and reset.`;
}
