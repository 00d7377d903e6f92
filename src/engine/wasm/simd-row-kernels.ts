// biome-ignore-all format: WebAssembly bodies are kept one instruction group per line (a load, an operation,
// its store), the way the bytecode reads; the formatter would put every opcode and immediate on a line of its own.
/**
 * The row kernels of the SIMD module (entries of the table in simd-kernels.ts): a hidden layer's
 * non-linearity applied in place (activate_*), eq. BP2's Hadamard factor f'(z) with the per-neuron sums
 * the probe reports (stats_*), and a sigmoid output layer with δ^L and its cost (output_sigmoid_*). They
 * work four lanes at a time along rows of any padded width.
 */
import {
  BLOCK, BR, BR_IF, END, F32_ALIGN, F32_LOAD, F32_STORE, F32X4_ADD, F32X4_DIV, F32X4_EXTRACT_LANE, F32X4_GT, F32X4_MAX,
  F32X4_MUL, F32X4_NEAREST, F32X4_NEG, F32X4_PMAX, F32X4_PMIN, F32X4_SPLAT, F32X4_SUB, I32, I32_ADD, I32_AND,
  I32_EQZ, I32_LOAD8_U, I32_MUL, I32_SHL, I32_SHR_U, I32_SUB, I32X4_ADD, I32X4_EQ, I32X4_LT_S, I32X4_SHL,
  I32X4_SPLAT, I32X4_TRUNC_SAT_F32X4_S, V128, V128_ALIGN, V128_AND, V128_BITSELECT, V128_LOAD, V128_STORE, VOID,
  f32x4c, forLoop, i32c, i32x4c, memarg, named, shuffleLanes, type Kernel, type Locals,
} from './assemble';

/** The v128 locals one vector's non-linearity works in: its value, and the exponential's n, r, r² and polynomial. */
interface VectorLocals {
  x: string;
  n: string;
  r: string;
  q: string;
  p: string;
}

/**
 * Statements (each leaves the stack empty) that clamp the v128 in local x to [−87, 87] and replace it by
 * e^(−x), which is all σ and the output layer need: Cody-Waite range reduction −x = n·ln 2 + r,
 * |r| ≤ ln2/2, then Cephes' polynomial for e^r (relative error ~1e-7, float32 rounding level), and 2ⁿ added
 * straight into the exponent bits.
 *
 * The clamp uses pmax(x, c) = x < c ? c : x and pmin(x, c) = c < x ? c : x, one instruction each where
 * max/min are seven (their NaN and ±0 rules); with x first a NaN still passes through, and the clamp of any
 * other value is the same. The negation is folded into the constants: n = nearest(x·(−log₂e)) and the first
 * difference n·(−C1) − x are the same floats as with −x itself (negating is exact, rounding symmetric).
 * The polynomial's inner part c₀r⁵ + … + c₅ is taken as (c₀r + c₁)·r⁴ + (c₂r + c₃)·r² + (c₄r + c₅) (Estrin's
 * scheme): a chain of six dependent operations where Horner's rule has ten, so the two vectors activate
 * works on side by side wait less. The result differs from Horner's by rounding only: the part it changes
 * is multiplied by r² ≤ 0.121 before it reaches the result.
 */
function negatedExpStatements(f: Locals, v: VectorLocals): number[][] {
  const c = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  // c[i]·r + c[i + 1]
  const pair = (i: number): number[] => [...f32x4c(c[i]), ...f.get(v.r), ...F32X4_MUL, ...f32x4c(c[i + 1]), ...F32X4_ADD];
  return [
    [...f.get(v.x), ...f32x4c(-87), ...F32X4_PMAX, ...f32x4c(87), ...F32X4_PMIN, ...f.set(v.x)],
    [...f.get(v.x), ...f32x4c(-Math.LOG2E), ...F32X4_MUL, ...F32X4_NEAREST, ...f.set(v.n)],
    // r = −x − n·C1 − n·C2 (C1 + C2 = ln 2 split so that n·C1 is exact)
    [...f.get(v.n), ...f32x4c(-0.693359375), ...F32X4_MUL, ...f.get(v.x), ...F32X4_SUB, ...f.get(v.n), ...f32x4c(-2.12194440e-4), ...F32X4_MUL, ...F32X4_SUB, ...f.set(v.r)],
    [...f.get(v.r), ...f.get(v.r), ...F32X4_MUL, ...f.set(v.q)],
    [...pair(0), ...f.set(v.p)],
    // p = (p·r² + (c₂r + c₃))·r² + (c₄r + c₅)
    [...f.get(v.p), ...f.get(v.q), ...F32X4_MUL, ...pair(2), ...F32X4_ADD, ...f.get(v.q), ...F32X4_MUL, ...pair(4), ...F32X4_ADD, ...f.set(v.p)],
    // y = p·r² + r + 1
    [...f.get(v.p), ...f.get(v.q), ...F32X4_MUL, ...f.get(v.r), ...F32X4_ADD, ...f32x4c(1), ...F32X4_ADD, ...f.set(v.x)],
    // · 2ⁿ: add n to the exponent field
    [...f.get(v.x), ...f.get(v.n), ...I32X4_TRUNC_SAT_F32X4_S, ...i32c(23), ...I32X4_SHL, ...I32X4_ADD, ...f.set(v.x)],
  ];
}

/** The hidden-layer non-linearities, in the order of the ACT_* codes of core/activations.ts. */
export const ACTIVATION_FUNCS = ['sigmoid', 'tanh', 'relu'] as const;
type ActivationFunc = (typeof ACTIVATION_FUNCS)[number];

/** Statements that replace the v128 in local x by f(x). */
function activationStatements(fn: ActivationFunc, f: Locals, v: VectorLocals): number[][] {
  const sigmoid = (): number[][] => [
    // x ← 1 / (1 + e^(−x))
    ...negatedExpStatements(f, v),
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
  const A: VectorLocals = { x: 'x', n: 'n', r: 'r', q: 'q', p: 'p' };
  const B: VectorLocals = { x: 'x2', n: 'n2', r: 'r2', q: 'q2', p: 'p2' };
  return {
    name: `activate_${fn}`,
    params: named(I32, ['m', 'z', 'stride', 'nVec', 'bias', 'scale']),
    locals: [...named(I32, ['k', 'v', 'addr', 'pairs', 'vp']), ...named(V128, ['x', 'n', 'r', 'q', 'p', 'x2', 'n2', 'r2', 'q2', 'p2', 's'])],
    body: (f) => {
      // addr = z + k·stride + v·16; x ← s·z[addr] + b[v] (and x2 from the vector after it), or z[addr] + b[v]
      const load = (v: VectorLocals, offset: number, scaled: boolean): number[] => [
        ...f.get('addr'), ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...(scaled ? [...f.get('s'), ...F32X4_MUL] : []),
        ...f.get('bias'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...F32X4_ADD, ...f.set(v.x),
      ];
      const address = [...f.get('z'), ...f.get('k'), ...f.get('stride'), I32_MUL, I32_ADD, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('addr')];
      const store = (v: VectorLocals, offset: number): number[] => [...f.get('addr'), ...f.get(v.x), ...V128_STORE, ...memarg(V128_ALIGN, offset)];
      const pair = (scaled: boolean): number[] => [
        ...f.get('vp'), ...i32c(1), I32_SHL, ...f.set('v'),
        ...address, ...load(A, 0, scaled), ...load(B, 16, scaled),
        ...interleave(activationStatements(fn, f, A), activationStatements(fn, f, B)),
        ...store(A, 0), ...store(B, 16),
      ];
      // The last vector of an odd count, alone.
      const last = (scaled: boolean): number[] => [
        BLOCK, VOID, ...f.get('nVec'), ...i32c(1), I32_AND, I32_EQZ, BR_IF, 0,
        ...f.get('nVec'), ...i32c(1), I32_SUB, ...f.set('v'),
        ...address, ...load(A, 0, scaled), ...activationStatements(fn, f, A).flat(), ...store(A, 0),
        END,
      ];
      const rows = (scaled: boolean): number[] => forLoop(f, 'k', 'm', [...forLoop(f, 'vp', 'pairs', pair(scaled)), ...last(scaled)]);
      const pairs = [...f.get('nVec'), ...i32c(1), I32_SHR_U, ...f.set('pairs')];
      // Without a scale the rows take a loop of their own that does not multiply: one operation less on the
      // chain every vector waits on (multiplying by 1 would give the same floats).
      return [
        ...pairs,
        BLOCK, VOID,
        BLOCK, VOID, ...f.get('scale'), I32_EQZ, BR_IF, 0,
        ...f.get('scale'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('s'),
        ...rows(true), BR, 1,
        END,
        ...rows(false),
        END,
      ];
    },
  };
}

/**
 * stats_<f>(m, d, a, strideBytes, nVec, sums): δ ← δ ⊙ f'(z) with f' recovered from a = f(z) (eq. BP2's
 * Hadamard factor), and per lane the sums over the m rows of δ, a and f' stored at sums as three
 * consecutive blocks of nVec vectors.
 */
export function stats(fn: ActivationFunc): Kernel {
  // f'(z) from a = f(z), for the vector whose locals end in `x`
  const fPrime = (f: Locals, x: string): number[] => {
    if (fn === 'sigmoid') return [...f.get(`av${x}`), ...f32x4c(1), ...f.get(`av${x}`), ...F32X4_SUB, ...F32X4_MUL];
    if (fn === 'tanh') return [...f32x4c(1), ...f.get(`av${x}`), ...f.get(`av${x}`), ...F32X4_MUL, ...F32X4_SUB];
    return [...f.get(`av${x}`), ...f32x4c(0), ...F32X4_GT, ...f32x4c(1), ...V128_AND];
  };
  const perVector = ['sd', 'sa', 'sp', 'av', 'fp', 'dv'];
  return {
    name: `stats_${fn}`,
    params: named(I32, ['m', 'd', 'a', 'stride', 'nVec', 'sums']),
    locals: [...named(I32, ['k', 'v', 'vp', 'pairs', 'off']), ...named(V128, [...perVector, ...perVector.map((n) => `${n}2`)])],
    body: (f) => {
      const zero = f32x4c(0);
      // The vector at byte offset `offset` past row k's vector v, with the locals ending in x.
      const step = (x: string, offset: number): number[] => [
        ...f.get('a'), ...f.get('off'), I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...f.set(`av${x}`),
        ...fPrime(f, x), ...f.set(`fp${x}`),
        ...f.get('d'), ...f.get('off'), I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, offset), ...f.get(`fp${x}`), ...F32X4_MUL, ...f.set(`dv${x}`),
        ...f.get('d'), ...f.get('off'), I32_ADD, ...f.get(`dv${x}`), ...V128_STORE, ...memarg(V128_ALIGN, offset),
        ...f.get(`sd${x}`), ...f.get(`dv${x}`), ...F32X4_ADD, ...f.set(`sd${x}`),
        ...f.get(`sa${x}`), ...f.get(`av${x}`), ...F32X4_ADD, ...f.set(`sa${x}`),
        ...f.get(`sp${x}`), ...f.get(`fp${x}`), ...F32X4_ADD, ...f.set(`sp${x}`),
      ];
      // off = k·stride + v·16
      const offset = [...f.get('k'), ...f.get('stride'), I32_MUL, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('off')];
      const clear = (x: string): number[] => [...zero, ...f.set(`sd${x}`), ...zero, ...f.set(`sa${x}`), ...zero, ...f.set(`sp${x}`)];
      // The three sums of vector v + q, with the locals ending in x, into their blocks.
      const storeSums = (x: string, q: number): number[] => [
        ...f.get('sums'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.get(`sd${x}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q),
        ...f.get('sums'), ...f.get('v'), ...f.get('nVec'), I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...f.get(`sa${x}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q),
        ...f.get('sums'), ...f.get('v'), ...f.get('nVec'), ...i32c(1), I32_SHL, I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...f.get(`sp${x}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q),
      ];
      // Vectors go two at a time: each sum waits on its own addition of the row before, so two vectors'
      // six sums keep the adder busy where one vector's three left it waiting.
      const pair = [
        ...f.get('vp'), ...i32c(1), I32_SHL, ...f.set('v'),
        ...clear(''), ...clear('2'),
        ...forLoop(f, 'k', 'm', [...offset, ...step('', 0), ...step('2', 16)]),
        ...storeSums('', 0), ...storeSums('2', 1),
      ];
      const last = [
        BLOCK, VOID, ...f.get('nVec'), ...i32c(1), I32_AND, I32_EQZ, BR_IF, 0,
        ...f.get('nVec'), ...i32c(1), I32_SUB, ...f.set('v'),
        ...clear(''),
        ...forLoop(f, 'k', 'm', [...offset, ...step('', 0)]),
        ...storeSums('', 0),
        END,
      ];
      return [...f.get('nVec'), ...i32c(1), I32_SHR_U, ...f.set('pairs'), ...forLoop(f, 'vp', 'pairs', pair), ...last];
    },
  };
}

/** `block … end` around what follows, skipped when the `costs` parameter is 0. */
const BLOCK_IF_COSTS = (f: Locals): number[] => [BLOCK, VOID, ...f.get('costs'), I32_EQZ, BR_IF, 0];

/** The costs a sigmoid output layer can have, in the order of the output kernels' exports. */
export const SIGMOID_OUTPUT_COSTS = ['crossEntropy', 'quadratic'] as const;
type SigmoidOutputCost = (typeof SIGMOID_OUTPUT_COSTS)[number];

/**
 * output_sigmoid_<cost>(m, z, stride, nVec, bias, labels, n, delta, costs): the sigmoid output layer of m
 * rows in place, a = σ(z + b), then δ^L (eq. BP1) into the rows at `delta`, with y the one-hot vector of the
 * byte label at labels + k and the lanes from n on cleared (they must not feed the backward pass), and,
 * unless costs is 0, each row's cost as two float32 at costs + 8k, (c, s) with C = c + log1p(s):
 *   cross-entropy (eq. 63): δ = a − y; C = Σⱼ softplus(xⱼ), xⱼ = −zⱼ for the label and zⱼ for the others,
 *     written as Σⱼ max(xⱼ, 0) + log Πⱼ(1 + tⱼ), tⱼ = e^(−|zⱼ|); s = Π(1 + tⱼ) − 1 is accumulated as
 *     s ← s + t + s·t, which keeps the small terms a well-classified output contributes (1 + t would round
 *     them away). The same sum as output.ts's, which takes the one logarithm in float64 too.
 *   quadratic (eq. 6): δ = (a − y)·a(1 − a); C = ½ Σⱼ (aⱼ − yⱼ)², s = 0.
 * e^(−z) is the hidden layers' exponential (Cephes' polynomial, activate above).
 */
export function outputSigmoid(cost: SigmoidOutputCost): Kernel {
  const V: VectorLocals = { x: 'x', n: 'en', r: 'r', q: 'q', p: 'p' };
  return {
    name: `output_sigmoid_${cost}`,
    params: named(I32, ['m', 'z', 'stride', 'nVec', 'bias', 'labels', 'n', 'delta', 'costs']),
    locals: [
      ...named(I32, ['k', 'v', 'off']),
      ...named(V128, ['x', 'en', 'r', 'q', 'p', 'zb', 'a', 'g', 'label', 'valid', 'lane', 'lab', 'nv', 'sum', 's', 't']),
    ],
    body: (f) => {
      const one = f32x4c(1);
      // off = k·stride + v·16; zb = z[off] + b[v], copied to x
      const load = [
        ...f.get('k'), ...f.get('stride'), I32_MUL, ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...f.set('off'),
        ...f.get('z'), ...f.get('off'), I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 0),
        ...f.get('bias'), ...f.get('v'), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...F32X4_ADD, ...f.set('zb'),
        ...f.get('zb'), ...f.set('x'),
      ];
      // x ← e^(−z) (z clamped, as in activate's σ); a = 1 / (1 + e^(−z)), stored over z
      const sigma = [
        ...negatedExpStatements(f, V).flat(),
        ...one, ...one, ...f.get('x'), ...F32X4_ADD, ...F32X4_DIV, ...f.set('a'),
        ...f.get('z'), ...f.get('off'), I32_ADD, ...f.get('a'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
      ];
      // lane = 4v + (0, 1, 2, 3); label = all ones where lane is the row's label; valid = lane < n; g = a − y
      const lanes = [
        ...i32x4c([0, 1, 2, 3]), ...f.get('v'), ...i32c(2), I32_SHL, ...I32X4_SPLAT, ...I32X4_ADD, ...f.set('lane'),
        ...f.get('lane'), ...f.get('lab'), ...I32X4_EQ, ...f.set('label'),
        ...f.get('lane'), ...f.get('nv'), ...I32X4_LT_S, ...f.set('valid'),
        ...f.get('a'), ...f.get('label'), ...one, ...V128_AND, ...F32X4_SUB, ...f.set('g'),
      ];
      const deltaOf =
        cost === 'crossEntropy'
          ? f.get('g')
          : [...f.get('g'), ...f.get('a'), ...F32X4_MUL, ...one, ...f.get('a'), ...F32X4_SUB, ...F32X4_MUL];
      const storeDelta = [...f.get('delta'), ...f.get('off'), I32_ADD, ...deltaOf, ...f.get('valid'), ...V128_AND, ...V128_STORE, ...memarg(V128_ALIGN, 0)];
      // The row's cost terms, lane by lane (padding lanes give 0 to `sum` and t = 0 to s).
      const costTerms =
        cost === 'crossEntropy'
          ? [
              // sum += max(±zb, 0): −zb for the label
              ...f.get('sum'),
              ...f.get('zb'), ...F32X4_NEG, ...f.get('zb'), ...f.get('label'), ...V128_BITSELECT, ...f32x4c(0), ...F32X4_PMAX,
              ...f.get('valid'), ...V128_AND, ...F32X4_ADD, ...f.set('sum'),
              // t = min(e^(−z), e^z) = e^(−|z|); s ← s + t + s·t
              ...f.get('x'), ...one, ...f.get('x'), ...F32X4_DIV, ...F32X4_PMIN, ...f.get('valid'), ...V128_AND, ...f.set('t'),
              ...f.get('s'), ...f.get('t'), ...F32X4_ADD, ...f.get('s'), ...f.get('t'), ...F32X4_MUL, ...F32X4_ADD, ...f.set('s'),
            ]
          : [...f.get('sum'), ...f.get('g'), ...f.get('g'), ...F32X4_MUL, ...f32x4c(0.5), ...F32X4_MUL, ...f.get('valid'), ...V128_AND, ...F32X4_ADD, ...f.set('sum')];
      // Lanes folded into lane 0: sum by addition, s by s ⊕ s' = s + s' + s·s' (the product of the 1 + s).
      const fold = (lanes: [number, number, number, number]): number[] => [
        ...f.get('sum'), ...f.get('sum'), ...f.get('sum'), ...shuffleLanes(lanes), ...F32X4_ADD, ...f.set('sum'),
        ...f.get('s'), ...f.get('s'), ...f.get('s'), ...shuffleLanes(lanes), ...f.set('t'),
        ...f.get('t'), ...F32X4_ADD, ...f.get('s'), ...f.get('t'), ...F32X4_MUL, ...F32X4_ADD, ...f.set('s'),
      ];
      const storeCost = [
        ...fold([2, 3, 2, 3]), ...fold([1, 1, 1, 1]),
        ...f.get('costs'), ...f.get('k'), ...i32c(3), I32_SHL, I32_ADD, ...f.get('sum'), ...F32X4_EXTRACT_LANE, 0, F32_STORE, ...memarg(F32_ALIGN, 0),
        ...f.get('costs'), ...f.get('k'), ...i32c(3), I32_SHL, I32_ADD, ...f.get('s'), ...F32X4_EXTRACT_LANE, 0, F32_STORE, ...memarg(F32_ALIGN, 4),
      ];
      const perVector = [...load, ...sigma, ...lanes, ...storeDelta, ...BLOCK_IF_COSTS(f), ...costTerms, END];
      const perRow = [
        ...f.get('labels'), ...f.get('k'), I32_ADD, I32_LOAD8_U, ...memarg(0, 0), ...I32X4_SPLAT, ...f.set('lab'),
        ...f32x4c(0), ...f.set('sum'), ...f32x4c(0), ...f.set('s'),
        ...forLoop(f, 'v', 'nVec', perVector),
        ...BLOCK_IF_COSTS(f), ...storeCost, END,
      ];
      return [...f.get('n'), ...I32X4_SPLAT, ...f.set('nv'), ...forLoop(f, 'k', 'm', perRow)];
    },
  };
}
