// biome-ignore-all format: WebAssembly bodies are kept one instruction group per line (a load, an operation,
// its store), the way the bytecode reads; the formatter would put every opcode and immediate on a line of its own.
/**
 * The row kernels of the SIMD module (entries of the table in simd-kernels.ts): a hidden layer's
 * non-linearity applied in place (activate_*), and eq. BP2's Hadamard factor f'(z) with the per-neuron sums
 * the probe reports (stats_*). They work four lanes at a time along rows of any padded width.
 */
import {
  BLOCK, BR_IF, END, F32_ALIGN, F32_LOAD, F32X4_ADD, F32X4_DIV, F32X4_GT, F32X4_MAX, F32X4_MUL, F32X4_NEAREST,
  F32X4_PMAX, F32X4_PMIN, F32X4_SPLAT, F32X4_SUB, I32, I32_ADD, I32_EQZ, I32_MUL, I32_SHL, I32X4_ADD, I32X4_SHL,
  I32X4_TRUNC_SAT_F32X4_S, V128, V128_ALIGN, V128_AND, V128_LOAD, V128_STORE, VOID, f32x4c, forLoop, i32c, memarg,
  named, type Kernel, type Locals,
} from './assemble';

/**
 * Replaces the v128 in local x by e^x, for x in [−87, 87] (the caller clamps): Cody-Waite range reduction
 * x = n·ln 2 + r, |r| ≤ ln2/2, then Cephes' degree-7 polynomial for e^r (relative error ~1e-7, float32
 * rounding level), and 2ⁿ added straight into the exponent bits. Uses locals n and r.
 */
function expInPlace(f: Locals, x: string, n: string, r: string): number[] {
  const poly = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  const code = [
    ...f.get(x), ...f32x4c(Math.LOG2E), ...F32X4_MUL, ...F32X4_NEAREST, ...f.set(n),
    // r = x − n·C1 − n·C2, C1 + C2 = ln 2 split so that n·C1 is exact
    ...f.get(x), ...f.get(n), ...f32x4c(0.693359375), ...F32X4_MUL, ...F32X4_SUB,
    ...f.get(n), ...f32x4c(-2.12194440e-4), ...F32X4_MUL, ...F32X4_SUB, ...f.set(r),
    ...f32x4c(poly[0]),
  ];
  for (let c = 1; c < poly.length; c++) code.push(...f.get(r), ...F32X4_MUL, ...f32x4c(poly[c]), ...F32X4_ADD);
  // y = p·r² + r + 1
  code.push(...f.get(r), ...f.get(r), ...F32X4_MUL, ...F32X4_MUL, ...f.get(r), ...F32X4_ADD, ...f32x4c(1), ...F32X4_ADD);
  // · 2ⁿ: add n to the exponent field
  code.push(...f.get(n), ...I32X4_TRUNC_SAT_F32X4_S, ...i32c(23), ...I32X4_SHL, ...I32X4_ADD, ...f.set(x));
  return code;
}

/** The hidden-layer non-linearities, in the order of the ACT_* codes of core/activations.ts. */
export const ACTIVATION_FUNCS = ['sigmoid', 'tanh', 'relu'] as const;
type ActivationFunc = (typeof ACTIVATION_FUNCS)[number];

/**
 * activate_<f>(m, z, strideBytes, nVec, bias, scale): for every row k and 4-lane vector v, z ← f(s·z + b)
 * in place, s being the float32 at address `scale`, or 1 where scale is 0 (training keeps W⁰ as s·V, see
 * simd-first-layer.ts). σ(z) = 1 / (1 + e^(−z)); tanh z = 2σ(2z) − 1; ReLU = max(z, 0).
 */
export function activate(fn: ActivationFunc): Kernel {
  const sigmoidOfX = (f: Locals): number[] => [
    // x ← −x clamped to [−87, 87], then x ← 1 / (1 + e^x). pmax(x, c) = x < c ? c : x and pmin(x, c) =
    // c < x ? c : x are one instruction each where max/min are seven (their NaN and ±0 rules); with x first
    // a NaN still passes through, and the clamp of any other value is the same.
    ...f32x4c(0), ...f.get('x'), ...F32X4_SUB, ...f32x4c(-87), ...F32X4_PMAX, ...f32x4c(87), ...F32X4_PMIN, ...f.set('x'),
    ...expInPlace(f, 'x', 'n', 'r'),
    ...f32x4c(1), ...f32x4c(1), ...f.get('x'), ...F32X4_ADD, ...F32X4_DIV, ...f.set('x'),
  ];
  const compute = (f: Locals): number[] => {
    if (fn === 'sigmoid') return sigmoidOfX(f);
    if (fn === 'tanh')
      return [...f.get('x'), ...f32x4c(2), ...F32X4_MUL, ...f.set('x'), ...sigmoidOfX(f), ...f.get('x'), ...f32x4c(2), ...F32X4_MUL, ...f32x4c(1), ...F32X4_SUB, ...f.set('x')];
    return [...f.get('x'), ...f32x4c(0), ...F32X4_MAX, ...f.set('x')];
  };
  return {
    name: `activate_${fn}`,
    params: named(I32, ['m', 'z', 'stride', 'nVec', 'bias', 'scale']),
    locals: [...named(I32, ['k', 'v', 'addr']), ...named(V128, ['x', 'n', 'r', 's'])],
    body: (f) => {
      const inner = [
        ...f.get('z'), ...f.get('k'), ...f.get('stride'), I32_MUL, I32_ADD, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('addr'),
        ...f.get('addr'), ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.get('s'), ...F32X4_MUL,
        ...f.get('bias'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...F32X4_ADD, ...f.set('x'),
        ...compute(f),
        ...f.get('addr'), ...f.get('x'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
      ];
      const scale = [
        ...f32x4c(1), ...f.set('s'),
        BLOCK, VOID, ...f.get('scale'), I32_EQZ, BR_IF, 0,
        ...f.get('scale'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('s'),
        END,
      ];
      return [...scale, ...forLoop(f, 'k', 'm', forLoop(f, 'v', 'nVec', inner))];
    },
  };
}

/**
 * stats_<f>(m, d, a, strideBytes, nVec, sums): δ ← δ ⊙ f'(z) with f' recovered from a = f(z) (eq. BP2's
 * Hadamard factor), and per lane the sums over the m rows of δ, a and f' stored at sums as three
 * consecutive blocks of nVec vectors.
 */
export function stats(fn: ActivationFunc): Kernel {
  const fPrime = (f: Locals): number[] => {
    if (fn === 'sigmoid') return [...f.get('av'), ...f32x4c(1), ...f.get('av'), ...F32X4_SUB, ...F32X4_MUL];
    if (fn === 'tanh') return [...f32x4c(1), ...f.get('av'), ...f.get('av'), ...F32X4_MUL, ...F32X4_SUB];
    return [...f.get('av'), ...f32x4c(0), ...F32X4_GT, ...f32x4c(1), ...V128_AND];
  };
  return {
    name: `stats_${fn}`,
    params: named(I32, ['m', 'd', 'a', 'stride', 'nVec', 'sums']),
    locals: [...named(I32, ['k', 'v', 'off']), ...named(V128, ['sd', 'sa', 'sp', 'av', 'fp', 'dv'])],
    body: (f) => {
      const zero = f32x4c(0);
      const inner = [
        // off = k·stride + v·16
        ...f.get('k'), ...f.get('stride'), I32_MUL, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('off'),
        ...f.get('a'), ...f.get('off'), I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.set('av'),
        ...fPrime(f), ...f.set('fp'),
        ...f.get('d'), ...f.get('off'), I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.get('fp'), ...F32X4_MUL, ...f.set('dv'),
        ...f.get('d'), ...f.get('off'), I32_ADD, ...f.get('dv'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
        ...f.get('sd'), ...f.get('dv'), ...F32X4_ADD, ...f.set('sd'),
        ...f.get('sa'), ...f.get('av'), ...F32X4_ADD, ...f.set('sa'),
        ...f.get('sp'), ...f.get('fp'), ...F32X4_ADD, ...f.set('sp'),
      ];
      const perVector = [
        ...zero, ...f.set('sd'), ...zero, ...f.set('sa'), ...zero, ...f.set('sp'),
        ...forLoop(f, 'k', 'm', inner),
        ...f.get('sums'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.get('sd'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
        ...f.get('sums'), ...f.get('v'), ...f.get('nVec'), I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...f.get('sa'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
        ...f.get('sums'), ...f.get('v'), ...f.get('nVec'), ...i32c(1), I32_SHL, I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...f.get('sp'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
      ];
      return forLoop(f, 'v', 'nVec', perVector);
    },
  };
}
