import type { ActivationName } from '../../engine';

/** The name of each activation's derivative, for the columns that show its mean: σ′ only for sigmoid layers. */
export const DERIVATIVE_LABELS: Record<ActivationName, string> = { sigmoid: 'σ′', tanh: 'tanh′', relu: 'ReLU′' };
