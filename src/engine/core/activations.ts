/**
 * Hidden-layer non-linearities and their derivatives.
 * Scalar versions for tests and single examples; the batched loops in batch.ts switch on ActivationCode
 * once per layer and inline the arithmetic, so no function is called per neuron.
 */
import type { ActivationName } from './types';

/** σ(z) = 1 / (1 + e^(−z)) (eq. 3 of chapter 1). Saturates to exactly 0 or 1, never NaN, for any finite z. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** σ'(z) = σ(z)(1 − σ(z)), at most 1/4 at z = 0: the factor behind the vanishing gradient (eq. 122). */
export function sigmoidPrime(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

function tanhPrime(z: number): number {
  const t = Math.tanh(z);
  return 1 - t * t;
}

function relu(z: number): number {
  return Math.max(z, 0);
}

/** ReLU'(z): 1 for z > 0, else 0 (the subgradient 0 is taken at z = 0). */
function reluPrime(z: number): number {
  return z > 0 ? 1 : 0;
}

export interface Activation {
  f(z: number): number;
  fPrime(z: number): number;
}

const TABLE: Record<ActivationName, Activation> = {
  sigmoid: { f: sigmoid, fPrime: sigmoidPrime },
  tanh: { f: Math.tanh, fPrime: tanhPrime },
  relu: { f: relu, fPrime: reluPrime },
};

export function activationFn(name: ActivationName): Activation {
  const a = TABLE[name];
  if (a === undefined) throw new RangeError(`unknown activation "${String(name)}" (expected sigmoid, tanh or relu)`);
  return a;
}

/** Small integer tags the hot loops switch on (plain numbers: they compile to literals everywhere). */
export const ACT_SIGMOID = 0;
export const ACT_TANH = 1;
export const ACT_RELU = 2;

export function activationCode(name: ActivationName): number {
  switch (name) {
    case 'sigmoid':
      return ACT_SIGMOID;
    case 'tanh':
      return ACT_TANH;
    case 'relu':
      return ACT_RELU;
    default:
      throw new RangeError(`unknown activation "${String(name)}" (expected sigmoid, tanh or relu)`);
  }
}
