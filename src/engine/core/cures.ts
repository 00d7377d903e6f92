/**
 * The two cures that came after the chapter, as row operations the batch passes and the single-example
 * forward pass share.
 *
 * Residual connections (He et al. 2016): hidden layer l ≥ 2 whose width equals the layer below's computes
 *   aˡ = aˡ⁻¹ + f(zˡ)
 * so on the way back ∂C/∂aˡ⁻¹ = (Wˡ⁻¹)ᵀδˡ + ∂C/∂aˡ: the identity path carries the gradient past f′ and W
 * untouched. Hidden layer 1 never has one: its input is the 784 pixels, not a layer of its own width.
 *
 * Layer normalisation (Ba, Kiros & Hinton 2016), per hidden layer and per example, over the n neurons:
 *   μ = Σⱼ zⱼ / n,  v = Σⱼ (zⱼ − μ)² / n,  ẑⱼ = (zⱼ − μ)/√(v + ε),  uⱼ = γⱼ ẑⱼ + βⱼ,  a = f(u)
 * and backwards, with gⱼ = γⱼ ∂C/∂uⱼ and s = 1/√(v + ε), exactly:
 *   ∂C/∂zⱼ = s · (gⱼ − mean(g) − ẑⱼ · mean(g ⊙ ẑ)).
 * The bias b sits before the normalisation (z = Wa + b), so ∂C/∂b = ∂C/∂z is still what the probe shows;
 * the formula makes it sum to zero over a layer's neurons for every example, because shifting all of a
 * layer's biases by the same amount is undone by the mean subtraction.
 */

/** ε of the normalisation: keeps s finite for a layer whose pre-activations are all equal. */
export const NORM_EPSILON = 1e-5;

/**
 * In place over m rows of n: z ← γ ẑ + β, keeping ẑ in `xhat` and s = 1/√(v + ε) per row in `invStd`,
 * both needed by the backward pass. Sums are taken in float64.
 */
export function layerNormForward(
  z: Float32Array,
  n: number,
  m: number,
  gain: Float32Array,
  shift: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
): void {
  for (let k = 0; k < m; k++) {
    const o = k * n;
    let mean = 0;
    for (let j = 0; j < n; j++) mean += z[o + j];
    mean /= n;
    let v = 0;
    for (let j = 0; j < n; j++) {
      const c = z[o + j] - mean;
      v += c * c;
    }
    const s = 1 / Math.sqrt(v / n + NORM_EPSILON);
    invStd[k] = s;
    for (let j = 0; j < n; j++) {
      const x = (z[o + j] - mean) * s;
      xhat[o + j] = x;
      z[o + j] = gain[j] * x + shift[j];
    }
  }
}

/**
 * In place over m rows of n: d holds ∂C/∂u on entry and ∂C/∂z on return (the formula above). Adds the
 * batch's Σₖ ∂C/∂uⱼ ẑⱼ to gradGain and Σₖ ∂C/∂uⱼ to gradShift, the gradients of γ and β.
 */
export function layerNormBackward(
  d: Float32Array,
  n: number,
  m: number,
  gain: Float32Array,
  xhat: Float32Array,
  invStd: Float32Array,
  gradGain: Float64Array,
  gradShift: Float64Array,
): void {
  for (let k = 0; k < m; k++) {
    const o = k * n;
    let meanG = 0;
    let meanGx = 0;
    for (let j = 0; j < n; j++) {
      const du = d[o + j];
      const x = xhat[o + j];
      gradGain[j] += du * x;
      gradShift[j] += du;
      const g = gain[j] * du;
      meanG += g;
      meanGx += g * x;
    }
    meanG /= n;
    meanGx /= n;
    const s = invStd[k];
    for (let j = 0; j < n; j++) d[o + j] = s * (gain[j] * d[o + j] - meanG - xhat[o + j] * meanGx);
  }
}

/**
 * skips[l] for every layer index l (0 = input): whether hidden layer l adds its input back. Only hidden
 * layers from the second on, and only where the width matches the layer below: a skip needs the two
 * vectors to be the same size, and the first hidden layer's input is the image itself.
 */
export function skipLayers(layers: readonly number[], residual: boolean): boolean[] {
  const L = layers.length;
  return layers.map((n, l) => residual && l >= 2 && l <= L - 2 && n === layers[l - 1]);
}
