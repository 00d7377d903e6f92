// biome-ignore-all format: WebAssembly bodies are kept one instruction group per line (a load, an operation,
// its store), the way the bytecode reads; the formatter would put every opcode and immediate on a line of its own.
/**
 * The row kernels of the SIMD module (entries of the table in simd-kernels.ts): a hidden layer's
 * non-linearity applied in place (activate_*), and eq. BP2's Hadamard factor f'(z) with the per-neuron sums
 * the probe reports (stats_*). They work four lanes at a time along rows of any padded width.
 */
import {
  BLOCK, BR_IF, END, F32_ALIGN, F32_LOAD, F32X4_ADD, F32X4_DIV, F32X4_GT, F32X4_MAX, F32X4_MUL, F32X4_NEAREST,
  F32X4_PMAX, F32X4_PMIN, F32X4_SPLAT, F32X4_SUB, I32, I32_ADD, I32_AND, I32_EQZ, I32_MUL, I32_SHL, I32_SHR_U, I32_SUB,
  I32X4_ADD, I32X4_SHL,
  I32X4_TRUNC_SAT_F32X4_S, V128, V128_ALIGN, V128_AND, V128_LOAD, V128_STORE, VOID, f32x4c, forLoop, i32c, memarg,
  named, type Kernel, type Locals,
} from './assemble';

/** The v128 locals one vector's non-linearity works in: its value, and the exponential's n, r and polynomial. */
interface VectorLocals {
  x: string;
  n: string;
  r: string;
  p: string;
}

/**
 * Statements (each leaves the stack empty) that replace the v128 in local x by e^x, for x in [−87, 87] (the
 * caller clamps): Cody-Waite range reduction x = n·ln 2 + r, |r| ≤ ln2/2, then Cephes' degree-7 polynomial
 * for e^r (relative error ~1e-7, float32 rounding level), and 2ⁿ added straight into the exponent bits.
 */
function expStatements(f: Locals, v: VectorLocals): number[][] {
  const poly = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  const statements = [
    [...f.get(v.x), ...f32x4c(Math.LOG2E), ...F32X4_MUL, ...F32X4_NEAREST, ...f.set(v.n)],
    // r = x − n·C1 − n·C2, C1 + C2 = ln 2 split so that n·C1 is exact
    [...f.get(v.x), ...f.get(v.n), ...f32x4c(0.693359375), ...F32X4_MUL, ...F32X4_SUB, ...f.get(v.n), ...f32x4c(-2.12194440e-4), ...F32X4_MUL, ...F32X4_SUB, ...f.set(v.r)],
    [...f32x4c(poly[0]), ...f.set(v.p)],
  ];
  for (let c = 1; c < poly.length; c++) statements.push([...f.get(v.p), ...f.get(v.r), ...F32X4_MUL, ...f32x4c(poly[c]), ...F32X4_ADD, ...f.set(v.p)]);
  // y = p·r² + r + 1
  statements.push([...f.get(v.p), ...f.get(v.r), ...f.get(v.r), ...F32X4_MUL, ...F32X4_MUL, ...f.get(v.r), ...F32X4_ADD, ...f32x4c(1), ...F32X4_ADD, ...f.set(v.x)]);
  // · 2ⁿ: add n to the exponent field
  statements.push([...f.get(v.x), ...f.get(v.n), ...I32X4_TRUNC_SAT_F32X4_S, ...i32c(23), ...I32X4_SHL, ...I32X4_ADD, ...f.set(v.x)]);
  return statements;
}

/** The hidden-layer non-linearities, in the order of the ACT_* codes of core/activations.ts. */
export const ACTIVATION_FUNCS = ['sigmoid', 'tanh', 'relu'] as const;
type ActivationFunc = (typeof ACTIVATION_FUNCS)[number];

/** Statements that replace the v128 in local x by f(x). */
function activationStatements(fn: ActivationFunc, f: Locals, v: VectorLocals): number[][] {
  const sigmoid = (): number[][] => [
    // x ← −x clamped to [−87, 87], then x ← 1 / (1 + e^x). pmax(x, c) = x < c ? c : x and pmin(x, c) =
    // c < x ? c : x are one instruction each where max/min are seven (their NaN and ±0 rules); with x first
    // a NaN still passes through, and the clamp of any other value is the same.
    [...f32x4c(0), ...f.get(v.x), ...F32X4_SUB, ...f32x4c(-87), ...F32X4_PMAX, ...f32x4c(87), ...F32X4_PMIN, ...f.set(v.x)],
    ...expStatements(f, v),
    [...f32x4c(1), ...f32x4c(1), ...f.get(v.x), ...F32X4_ADD, ...F32X4_DIV, ...f.set(v.x)],
  ];
  if (fn === 'sigmoid') return sigmoid();
  if (fn === 'tanh')
    return [
      [...f.get(v.x), ...f32x4c(2), ...F32X4_MUL, ...f.set(v.x)],
      ...sigmoid(),
      [...f.get(v.x), ...f32x4c(2), ...F32X4_MUL, ...f32x4c(1), ...F32X4_SUB, ...f.set(v.x)],
    ];
  return [[...f.get(v.x), ...f32x4c(0), ...F32X4_MAX, ...f.set(v.x)]];
}

/** Two lists of statements taken in turns, one from each: two independent chains of work side by side. */
function interleave(a: number[][], b: number[][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(...(a[i] ?? []), ...(b[i] ?? []));
  return out;
}

/**
 * activate_<f>(m, z, strideBytes, nVec, bias, scale): for every row k and 4-lane vector v, z ← f(s·z + b)
 * in place, s being the float32 at address `scale`, or 1 where scale is 0 (training keeps W⁰ as s·V, see
 * simd-first-layer.ts). σ(z) = 1 / (1 + e^(−z)); tanh z = 2σ(2z) − 1; ReLU = max(z, 0).
 *
 * Vectors go two at a time, their statements taken in turns: one vector's σ is a chain of some thirty
 * dependent operations (the polynomial, the division), and with a second, independent chain beside it the
 * processor has work while each waits on the one before. Each vector's arithmetic is unchanged.
 */
export function activate(fn: ActivationFunc): Kernel {
  const A: VectorLocals = { x: 'x', n: 'n', r: 'r', p: 'p' };
  const B: VectorLocals = { x: 'x2', n: 'n2', r: 'r2', p: 'p2' };
  return {
    name: `activate_${fn}`,
    params: named(I32, ['m', 'z', 'stride', 'nVec', 'bias', 'scale']),
    locals: [...named(I32, ['k', 'v', 'addr', 'pairs', 'vp']), ...named(V128, ['x', 'n', 'r', 'p', 'x2', 'n2', 'r2', 'p2', 's'])],
    body: (f) => {
      // addr = z + k·stride + v·16; x ← s·z[addr] + b[v] (and x2 from the vector after it)
      const load = (v: VectorLocals, offset: number): number[] => [
        ...f.get('addr'), ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...f.get('s'), ...F32X4_MUL,
        ...f.get('bias'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...F32X4_ADD, ...f.set(v.x),
      ];
      const address = [...f.get('z'), ...f.get('k'), ...f.get('stride'), I32_MUL, I32_ADD, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('addr')];
      const store = (v: VectorLocals, offset: number): number[] => [...f.get('addr'), ...f.get(v.x), ...V128_STORE, ...memarg(V128_ALIGN, offset)];
      const pair = [
        ...f.get('vp'), ...i32c(1), I32_SHL, ...f.set('v'),
        ...address, ...load(A, 0), ...load(B, 16),
        ...interleave(activationStatements(fn, f, A), activationStatements(fn, f, B)),
        ...store(A, 0), ...store(B, 16),
      ];
      // The last vector of an odd count, alone.
      const last = [
        BLOCK, VOID, ...f.get('nVec'), ...i32c(1), I32_AND, I32_EQZ, BR_IF, 0,
        ...f.get('nVec'), ...i32c(1), I32_SUB, ...f.set('v'),
        ...address, ...load(A, 0), ...activationStatements(fn, f, A).flat(), ...store(A, 0),
        END,
      ];
      const scale = [
        ...f32x4c(1), ...f.set('s'),
        BLOCK, VOID, ...f.get('scale'), I32_EQZ, BR_IF, 0,
        ...f.get('scale'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('s'),
        END,
      ];
      const pairs = [...f.get('nVec'), ...i32c(1), I32_SHR_U, ...f.set('pairs')];
      return [...scale, ...pairs, ...forLoop(f, 'k', 'm', [...forLoop(f, 'vp', 'pairs', pair), ...last])];
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
