// biome-ignore-all format: WebAssembly bodies are kept one instruction group per line (a load, an operation,
// its store), the way the bytecode reads; the formatter would put every opcode and immediate on a line of its own.
/**
 * The SIMD kernels as one table for the assembler (assemble.ts): each entry names its export, its parameters,
 * its locals and its body. simd.ts instantiates the module and says what each kernel is for.
 *
 * The matrix kernels compute, for every example k and every panel g,
 *   out[k·outStride + g·PANEL_LANES + lane] = Σ_t panel_g[t][lane] · x_k[t]   (float32 accumulation)
 * with the weights packed as panels: panel_g[t] holds the PANEL_LANES weights from input t to outputs
 * g·PANEL_LANES onwards (zero beyond the last output). One input value is broadcast and multiplied into one
 * f32x4 accumulator per four lanes.
 */
import {
  BLOCK, BR_IF, END, F32_DEMOTE_F64, F32_LOAD, F32_STORE, F32X4_ADD, F32X4_CONVERT_I32X4_S, F32X4_DIV, F32X4_MUL,
  F32X4_SPLAT, F32X4_SUB, F64, I16X8_EXTEND_LOW_I8X16_U, I32, I32_ADD, I32_AND, I32_EQZ, I32_GE_S, I32_LOAD,
  I32_LOAD8_U, I32_LT_S, I32_LT_U, I32_MUL, I32_NE, I32_POPCNT, I32_SHL, I32_SHR_U, I32_STORE, I32_SUB,
  I32X4_ADD, I32X4_EXTEND_HIGH_I16X8_U, I32X4_EXTEND_LOW_I16X8_U, I32X4_SPLAT, I8X16_ADD, I8X16_BITMASK,
  I8X16_NE, I8X16_SPLAT, I8X16_SWIZZLE, LOOP, V128, V128_LOAD, V128_STORE, V128_ZERO, VOID, f32x4c, forLoop,
  i32c, log2Exact, memarg, F32_ALIGN, V128_ALIGN, named, type Kernel, type Locals, type ValueType,
} from './assemble';
import { ACTIVATION_FUNCS, activate, outputSigmoid, SIGMOID_OUTPUT_COSTS, stats } from './simd-row-kernels';

export { ACTIVATION_FUNCS, SIGMOID_OUTPUT_COSTS } from './simd-row-kernels';

/**
 * Outputs per panel. Every kernel below derives its strides, shifts and number of accumulators from it; it
 * must be a power of two and a multiple of 4 (one f32x4 per four lanes). 16 (4 accumulators per example)
 * is what V8's register allocator keeps whole on x86-64: with 32, its 8 accumulators and the 8 weight
 * vectors it loads ahead of them needed 17 of the 15 vector registers it hands out, so one accumulator and
 * one weight vector went through the stack on every step (read in the code `node --print-wasm-code`
 * prints). With 16, the dense kernel can take two examples at once (8 accumulators, 4 weight vectors shared)
 * and still fit, and the 10-wide output layer is padded to 16 instead of 32.
 */
export const PANEL_LANES = 16;
/** A layer width rounded up to whole panels (the lanes beyond the last output hold zeros). */
export const padToPanels = (n: number): number => Math.ceil(n / PANEL_LANES) * PANEL_LANES;

/** f32x4 accumulators per panel. */
const VECS = PANEL_LANES / 4;
/** Bytes of one panel row is 1 << PANEL_ROW_SHIFT; a lane's panel is j >> LANE_SHIFT, its lane j & LANE_MASK. */
const PANEL_ROW_SHIFT = log2Exact(PANEL_LANES * 4);
const LANE_SHIFT = log2Exact(PANEL_LANES);
const LANE_MASK = PANEL_LANES - 1;
if (!Number.isInteger(VECS) || VECS < 1) throw new RangeError(`PANEL_LANES must be a multiple of 4, not ${PANEL_LANES}`);

const accs = (prefix: string): string[] => Array.from({ length: VECS }, (_, q) => `${prefix}${q}`);

/** address + 4·index: the byte address of element `index` of a float32 or int32 array at `address`. */
const word = (f: Locals, address: string, index: string): number[] => [...f.get(address), ...f.get(index), ...i32c(2), I32_SHL, I32_ADD];

/**
 * One panel row's multiply-add into the accumulators named `prefix`0.., with the broadcast value in local
 * `v` and the weights at the address in local `a`.
 */
function maddAll(f: Locals, a: string, v: string, prefix = 'acc'): number[] {
  const code: number[] = [];
  for (let q = 0; q < VECS; q++)
    code.push(...f.get(`${prefix}${q}`), ...f.get(a), ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.get(v), ...F32X4_MUL, ...F32X4_ADD, ...f.set(`${prefix}${q}`));
  return code;
}

const GEMV_PARAMS = (x: readonly string[]): [string, ValueType][] => named(I32, ['m', ...x, 'w', 'nGroups', 'groupBytes', 'out', 'outStride']);
/** Locals of the shared row × panel skeleton, with the kernel's own three i32s in the middle. */
const GEMV_LOCALS = (own: readonly string[]): [string, ValueType][] => [...named(I32, ['k', 'g', ...own, 'outRow', 'wg']), ...named(V128, ['v', ...accs('acc')])];

/**
 * Shared skeleton: for k < m, for g < nGroups: zero the accumulators, run `inner` (which sees the panel's
 * address in wg and the row's output address in outRow), store them at outRow + g·PANEL_LANES·4. k starts
 * at 0, or (from 'k') where the caller left it.
 */
function gemv(f: Locals, prologue: number[], inner: number[], from: 'zero' | 'k' = 'zero'): number[] {
  const body: number[] = [];
  if (from === 'zero') body.push(...i32c(0), ...f.set('k'));
  body.push(BLOCK, VOID, ...f.get('k'), ...f.get('m'), I32_GE_S, BR_IF, 0);
  body.push(LOOP, VOID);
  body.push(...f.get('out'), ...f.get('k'), ...f.get('outStride'), I32_MUL, I32_ADD, ...f.set('outRow'));
  body.push(...prologue);
  body.push(...i32c(0), ...f.set('g'));
  body.push(LOOP, VOID);
  body.push(...f.get('w'), ...f.get('g'), ...f.get('groupBytes'), I32_MUL, I32_ADD, ...f.set('wg'));
  for (let q = 0; q < VECS; q++) body.push(...V128_ZERO, ...f.set(`acc${q}`));
  body.push(...inner);
  for (let q = 0; q < VECS; q++)
    body.push(...f.get('outRow'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.get(`acc${q}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q));
  body.push(...f.get('g'), ...i32c(1), I32_ADD, ...f.set('g'), ...f.get('g'), ...f.get('nGroups'), I32_LT_S, BR_IF, 0);
  body.push(END); // loop g
  body.push(...f.get('k'), ...i32c(1), I32_ADD, ...f.set('k'), ...f.get('k'), ...f.get('m'), I32_LT_S, BR_IF, 0);
  body.push(END, END); // loop k, block
  return body;
}

/**
 * sparse(m, start, idx, val, w, nGroups, groupBytes, out, outStride): x_k given by its non-zero entries.
 * Panels go in pairs: one walk over an image's pixels feeds both panels' accumulators, so each pixel's
 * index and value are read once for 2·PANEL_LANES outputs, and 2·VECS independent sums are in flight (with
 * VECS alone, each pixel waited on the additions of the pixel before). After the first panel's additions
 * its accumulators are stored to their outputs: V8 keeps a store in program order with the loads around it,
 * so the second panel's weights are loaded only after the first panel's have been used, and the 2·VECS
 * accumulators, VECS weight vectors and the pixel value fit in registers (loaded all at once, they needed
 * more than the 15 V8 hands out, and an accumulator went through the stack). An odd last panel runs alone.
 * Every output is still summed over the pixels in order, so the pairing does not change a bit.
 */
const sparse: Kernel = {
  name: 'sparse',
  params: GEMV_PARAMS(['start', 'idx', 'val']),
  locals: [...GEMV_LOCALS(['t', 'tEnd', 'a']), ...named(I32, ['tStart', 'aB', 'pairsEnd', 'outA']), ...named(V128, accs('accB'))],
  body: (f) => {
    // For t in [tStart, tEnd): a = wg + idx[t]·(panel row bytes), v = splat(val[t]), then `madd`.
    const pixels = (madd: number[]): number[] => [
      ...f.get('tStart'), ...f.set('t'),
      BLOCK, VOID, ...f.get('t'), ...f.get('tEnd'), I32_GE_S, BR_IF, 0,
      LOOP, VOID,
      ...f.get('wg'), ...word(f, 'idx', 't'), I32_LOAD, ...memarg(2, 0), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('a'),
      ...word(f, 'val', 't'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('v'),
      ...madd,
      ...f.get('t'), ...i32c(1), I32_ADD, ...f.set('t'), ...f.get('t'), ...f.get('tEnd'), I32_LT_S, BR_IF, 0,
      END, END,
    ];
    // The accumulators named `prefix` stored at the output address in local `at`.
    const store = (at: string, prefix: string): number[] => {
      const code: number[] = [];
      for (let q = 0; q < VECS; q++) code.push(...f.get(at), ...f.get(`${prefix}${q}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q));
      return code;
    };
    const zero = (prefix: string): number[] => accs(prefix).flatMap((acc) => [...V128_ZERO, ...f.set(acc)]);
    const panelAddress = [
      ...f.get('w'), ...f.get('g'), ...f.get('groupBytes'), I32_MUL, I32_ADD, ...f.set('wg'),
      ...f.get('outRow'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('outA'),
    ];
    const pairOfPanels = [
      ...panelAddress, ...zero('acc'), ...zero('accB'),
      ...pixels([
        ...maddAll(f, 'a', 'v'),
        ...store('outA', 'acc'),
        ...f.get('a'), ...f.get('groupBytes'), I32_ADD, ...f.set('aB'),
        ...maddAll(f, 'aB', 'v', 'accB'),
      ]),
      ...store('outA', 'acc'),
      ...f.get('outA'), ...i32c(PANEL_LANES * 4), I32_ADD, ...f.set('outA'),
      ...store('outA', 'accB'),
      ...f.get('g'), ...i32c(2), I32_ADD, ...f.set('g'),
    ];
    const lastPanel = [
      BLOCK, VOID, ...f.get('g'), ...f.get('nGroups'), I32_GE_S, BR_IF, 0,
      ...panelAddress, ...zero('acc'), ...pixels(maddAll(f, 'a', 'v')), ...store('outA', 'acc'),
      END,
    ];
    const perExample = [
      ...f.get('out'), ...f.get('k'), ...f.get('outStride'), I32_MUL, I32_ADD, ...f.set('outRow'),
      // tStart = start[k]; tEnd = start[k + 1]
      ...word(f, 'start', 'k'), I32_LOAD, ...memarg(2, 0), ...f.set('tStart'),
      ...word(f, 'start', 'k'), I32_LOAD, ...memarg(2, 4), ...f.set('tEnd'),
      ...i32c(0), ...f.set('g'),
      BLOCK, VOID, ...f.get('pairsEnd'), I32_EQZ, BR_IF, 0,
      LOOP, VOID, ...pairOfPanels, ...f.get('g'), ...f.get('pairsEnd'), I32_LT_S, BR_IF, 0, END,
      END,
      ...lastPanel,
    ];
    // pairsEnd = nGroups rounded down to even
    return [...f.get('nGroups'), ...i32c(-2), I32_AND, ...f.set('pairsEnd'), ...forLoop(f, 'k', 'm', perExample)];
  },
};

/**
 * dense(m, val, valStride, nIn, w, nGroups, groupBytes, out, outStride): x_k is the row val + k·valStride.
 * Examples go in pairs: each panel row is loaded once and multiplied into both examples' accumulators, so
 * there are twice as many independent sums in flight (a single example's VECS sums each wait for the
 * previous addition) and half the weight loads. An odd last example runs alone. Every output is still
 * summed over t in order, so the result does not depend on the pairing.
 */
const dense: Kernel = {
  name: 'dense',
  params: GEMV_PARAMS(['val', 'valStride', 'nIn']),
  locals: [
    ...GEMV_LOCALS(['t', 'row', 'a']),
    ...named(I32, ['rowB', 'outRowB', 'pairsEnd', 'ra', 'rb', 'aEnd']),
    ...named(V128, ['vb', ...accs('accB'), ...accs('w')]),
  ],
  body: (f) => {
    const single = [
      ...i32c(0), ...f.set('t'),
      BLOCK, VOID, ...f.get('nIn'), I32_EQZ, BR_IF, 0,
      LOOP, VOID,
      ...f.get('wg'), ...f.get('t'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('a'),
      ...word(f, 'row', 't'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('v'),
      ...maddAll(f, 'a', 'v'),
      ...f.get('t'), ...i32c(1), I32_ADD, ...f.set('t'), ...f.get('t'), ...f.get('nIn'), I32_LT_S, BR_IF, 0,
      END, END,
    ];
    // The pair's inner loop walks pointers (a over the panel's rows, ra and rb along the two rows of inputs)
    // rather than computing each address from t: a few instructions fewer per step, and with 16 of the step's
    // instructions on the floating-point units, the rest is what decides how fast steps can be issued.
    const pairInner: number[] = [
      ...f.get('ra'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('v'),
      ...f.get('rb'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('vb'),
    ];
    for (let q = 0; q < VECS; q++)
      pairInner.push(
        ...f.get('a'), ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.set(`w${q}`),
        ...f.get(`acc${q}`), ...f.get(`w${q}`), ...f.get('v'), ...F32X4_MUL, ...F32X4_ADD, ...f.set(`acc${q}`),
        ...f.get(`accB${q}`), ...f.get(`w${q}`), ...f.get('vb'), ...F32X4_MUL, ...F32X4_ADD, ...f.set(`accB${q}`),
      );
    const perGroup: number[] = [...f.get('w'), ...f.get('g'), ...f.get('groupBytes'), I32_MUL, I32_ADD, ...f.set('wg')];
    for (let q = 0; q < VECS; q++) perGroup.push(...V128_ZERO, ...f.set(`acc${q}`), ...V128_ZERO, ...f.set(`accB${q}`));
    pairInner.push(
      ...f.get('a'), ...i32c(PANEL_LANES * 4), I32_ADD, ...f.set('a'),
      ...f.get('ra'), ...i32c(4), I32_ADD, ...f.set('ra'),
      ...f.get('rb'), ...i32c(4), I32_ADD, ...f.set('rb'),
    );
    perGroup.push(
      ...f.get('wg'), ...f.set('a'), ...f.get('row'), ...f.set('ra'), ...f.get('rowB'), ...f.set('rb'),
      ...f.get('wg'), ...f.get('nIn'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('aEnd'),
      BLOCK, VOID, ...f.get('nIn'), I32_EQZ, BR_IF, 0,
      LOOP, VOID, ...pairInner, ...f.get('a'), ...f.get('aEnd'), I32_LT_U, BR_IF, 0, END,
      END,
    );
    for (let q = 0; q < VECS; q++)
      perGroup.push(
        ...f.get('outRow'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.get(`acc${q}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q),
        ...f.get('outRowB'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.get(`accB${q}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q),
      );
    const perPair = [
      ...f.get('val'), ...f.get('k'), ...f.get('valStride'), I32_MUL, I32_ADD, ...f.set('row'),
      ...f.get('row'), ...f.get('valStride'), I32_ADD, ...f.set('rowB'),
      ...f.get('out'), ...f.get('k'), ...f.get('outStride'), I32_MUL, I32_ADD, ...f.set('outRow'),
      ...f.get('outRow'), ...f.get('outStride'), I32_ADD, ...f.set('outRowB'),
      ...forLoop(f, 'g', 'nGroups', perGroup),
      ...f.get('k'), ...i32c(2), I32_ADD, ...f.set('k'),
    ];
    return [
      // pairsEnd = m rounded down to even; k runs over the pairs, then gemv finishes the odd one from there
      ...f.get('m'), ...i32c(-2), I32_AND, ...f.set('pairsEnd'),
      ...i32c(0), ...f.set('k'),
      BLOCK, VOID, ...f.get('pairsEnd'), I32_EQZ, BR_IF, 0,
      LOOP, VOID, ...perPair, ...f.get('k'), ...f.get('pairsEnd'), I32_LT_S, BR_IF, 0, END,
      END,
      ...gemv(f, [...f.get('val'), ...f.get('k'), ...f.get('valStride'), I32_MUL, I32_ADD, ...f.set('row')], single, 'k'),
    ];
  },
};

/**
 * sparseOuter(m, start, idx, val, d, dStride, nGroups, grad, groupBytes): the first layer's weight gradient
 * in panel form, panel_g[i][lane] += Σ_k δ[k, g·PANEL_LANES + lane]·x_k[i] over each example's non-zero
 * inputs (eq. BP4, ∂C/∂w = δ·aᵀ). The vectors of δ_k stay in registers while its pixels stream by, two
 * panels at a time (an odd last panel alone), so each pixel's index and value are read once per pair.
 * Every weight still receives the examples' terms in order k, so the pairing does not change the result.
 */
const sparseOuter: Kernel = {
  name: 'sparseOuter',
  params: named(I32, ['m', 'start', 'idx', 'val', 'd', 'dStride', 'nGroups', 'grad', 'groupBytes']),
  locals: [...named(I32, ['k', 'g', 't', 'tFirst', 'tEnd', 'a', 'b', 'dRow', 'wg', 'pairsEnd']), ...named(V128, ['v', ...accs('d'), ...accs('e')])],
  body: (f) => {
    /** The δ vectors of panel g (into d*) and, for a pair, of panel g + 1 (into e*). */
    const loadDelta = (pair: boolean): number[] => {
      const code: number[] = [];
      for (let q = 0; q < VECS; q++) {
        code.push(...f.get('dRow'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.set(`d${q}`));
        if (pair)
          code.push(...f.get('dRow'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, 16 * (q + VECS)), ...f.set(`e${q}`));
      }
      return code;
    };
    const scatter = (row: string, delta: string): number[] => {
      const code: number[] = [];
      for (let q = 0; q < VECS; q++)
        code.push(...f.get(row), ...f.get(row), ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.get(`${delta}${q}`), ...f.get('v'), ...F32X4_MUL, ...F32X4_ADD, ...V128_STORE, ...memarg(V128_ALIGN, 16 * q));
      return code;
    };
    const pixels = (pair: boolean): number[] => [
      ...f.get('tFirst'), ...f.set('t'),
      BLOCK, VOID, ...f.get('t'), ...f.get('tEnd'), I32_GE_S, BR_IF, 0,
      LOOP, VOID,
      ...f.get('wg'), ...word(f, 'idx', 't'), I32_LOAD, ...memarg(2, 0), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('a'),
      ...word(f, 'val', 't'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.set('v'),
      ...scatter('a', 'd'),
      ...(pair ? [...f.get('a'), ...f.get('groupBytes'), I32_ADD, ...f.set('b'), ...scatter('b', 'e')] : []),
      ...f.get('t'), ...i32c(1), I32_ADD, ...f.set('t'), ...f.get('t'), ...f.get('tEnd'), I32_LT_S, BR_IF, 0,
      END, END,
    ];
    const panelBase = [...f.get('grad'), ...f.get('g'), ...f.get('groupBytes'), I32_MUL, I32_ADD, ...f.set('wg')];
    const perExample = [
      ...f.get('d'), ...f.get('k'), ...f.get('dStride'), I32_MUL, I32_ADD, ...f.set('dRow'),
      ...word(f, 'start', 'k'), I32_LOAD, ...memarg(2, 0), ...f.set('tFirst'),
      ...word(f, 'start', 'k'), I32_LOAD, ...memarg(2, 4), ...f.set('tEnd'),
      ...i32c(0), ...f.set('g'),
      BLOCK, VOID, ...f.get('pairsEnd'), I32_EQZ, BR_IF, 0,
      LOOP, VOID,
      ...panelBase, ...loadDelta(true), ...pixels(true),
      ...f.get('g'), ...i32c(2), I32_ADD, ...f.set('g'), ...f.get('g'), ...f.get('pairsEnd'), I32_LT_S, BR_IF, 0,
      END, END,
      BLOCK, VOID, ...f.get('g'), ...f.get('nGroups'), I32_GE_S, BR_IF, 0,
      ...panelBase, ...loadDelta(false), ...pixels(false),
      END,
    ];
    return [...f.get('nGroups'), ...i32c(-2), I32_AND, ...f.set('pairsEnd'), ...forLoop(f, 'k', 'm', perExample)];
  },
};

/**
 * denseOuter(m, a, aStride, nIn, d, dStride, nGroups, w, groupBytes, rate, decay): a dense layer's SGD step on
 * its forward panels, W ← decay·W − rate·Σ_k δ_k a_kᵀ (eqs. 93 and BP4), fused so each weight is loaded and
 * stored once: per panel row (input i), the decayed row is kept in registers while the m examples' δ vectors
 * are added in, each times −rate·a_k[i]. The rows of a and δ are aStride and dStride bytes apart.
 */
const denseOuter: Kernel = {
  name: 'denseOuter',
  params: [...named(I32, ['m', 'a', 'aStride', 'nIn', 'd', 'dStride', 'nGroups', 'w', 'groupBytes']), ...named(F64, ['rate', 'decay'])],
  locals: [...named(I32, ['g', 'i', 'k', 'row', 'dg', 'ak']), ...named(V128, ['v', 'dc', 'nr', ...accs('acc')])],
  body: (f) => {
    const load: number[] = [];
    const store: number[] = [];
    for (let q = 0; q < VECS; q++) {
      load.push(...f.get('row'), ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.get('dc'), ...F32X4_MUL, ...f.set(`acc${q}`));
      store.push(...f.get('row'), ...f.get(`acc${q}`), ...V128_STORE, ...memarg(V128_ALIGN, 16 * q));
    }
    const madd: number[] = [];
    for (let q = 0; q < VECS; q++)
      madd.push(...f.get(`acc${q}`), ...f.get('dg'), ...V128_LOAD, ...memarg(V128_ALIGN, 16 * q), ...f.get('v'), ...F32X4_MUL, ...F32X4_ADD, ...f.set(`acc${q}`));
    // Example k's a_k[i] is at ak and its δ vectors of panel g at dg; both pointers step one row per example
    // (computing them from k took two multiplications per example).
    const perExample = [
      // v = splat(a_k[i])·(−rate)
      ...f.get('ak'), F32_LOAD, ...memarg(F32_ALIGN, 0), ...F32X4_SPLAT, ...f.get('nr'), ...F32X4_MUL, ...f.set('v'),
      ...madd,
      ...f.get('ak'), ...f.get('aStride'), I32_ADD, ...f.set('ak'),
      ...f.get('dg'), ...f.get('dStride'), I32_ADD, ...f.set('dg'),
    ];
    const perRow = [
      ...f.get('w'), ...f.get('g'), ...f.get('groupBytes'), I32_MUL, I32_ADD, ...f.get('i'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('row'),
      ...load,
      // ak = a + i·4; dg = d + g·(panel row bytes), for example 0
      ...f.get('a'), ...f.get('i'), ...i32c(2), I32_SHL, I32_ADD, ...f.set('ak'),
      ...f.get('d'), ...f.get('g'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('dg'),
      ...forLoop(f, 'k', 'm', perExample),
      ...store,
    ];
    return [
      ...f.get('decay'), F32_DEMOTE_F64, ...F32X4_SPLAT, ...f.set('dc'),
      ...f32x4c(0), ...f.get('rate'), F32_DEMOTE_F64, ...F32X4_SPLAT, ...F32X4_SUB, ...f.set('nr'),
      ...forLoop(f, 'g', 'nGroups', forLoop(f, 'i', 'nIn', perRow)),
    ];
  },
};

/** Byte address of W[j][·]'s panel lane: panel + (j / PANEL_LANES)·nIn·(panel row bytes) + (j mod PANEL_LANES)·4. */
function laneBase(f: Locals, panel: string, nIn: string, j: string, dst: string): number[] {
  return [
    ...f.get(panel), ...f.get(j), ...i32c(LANE_SHIFT), I32_SHR_U, ...f.get(nIn), I32_MUL, ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD,
    ...f.get(j), ...i32c(LANE_MASK), I32_AND, ...i32c(2), I32_SHL, I32_ADD, ...f.set(dst),
  ];
}

/** pack(w, nIn, nOut, panel): row-major W [nOut][nIn] → panels (the transposition, scalar). */
const pack: Kernel = {
  name: 'pack',
  params: named(I32, ['w', 'nIn', 'nOut', 'panel']),
  locals: named(I32, ['j', 'i', 'src', 'dst']),
  body: (f) => {
    const inner = [
      ...f.get('dst'), ...f.get('src'), F32_LOAD, ...memarg(F32_ALIGN, 0), F32_STORE, ...memarg(F32_ALIGN, 0),
      ...f.get('src'), ...i32c(4), I32_ADD, ...f.set('src'),
      ...f.get('dst'), ...i32c(PANEL_LANES * 4), I32_ADD, ...f.set('dst'),
    ];
    const perRow = [
      ...f.get('w'), ...f.get('j'), ...f.get('nIn'), I32_MUL, ...i32c(2), I32_SHL, I32_ADD, ...f.set('src'),
      ...laneBase(f, 'panel', 'nIn', 'j', 'dst'),
      ...forLoop(f, 'i', 'nIn', inner),
    ];
    return forLoop(f, 'j', 'nOut', perRow);
  },
};

/**
 * transpose(fwd, nIn, nOut, bwd): a dense layer's backward panels from its forward panels (simd-dense.ts),
 * bwd[i / P][j][i mod P] = fwd[j / P][i][j mod P] with P = PANEL_LANES, i < nIn, j < nOut. Lanes beyond
 * nIn are never written, so they keep the zeros of fresh memory.
 */
const transpose: Kernel = {
  name: 'transpose',
  params: named(I32, ['fwd', 'nIn', 'nOut', 'bwd']),
  locals: named(I32, ['j', 'i', 'src', 'row', 'groupBytes']),
  body: (f) => {
    // bwd + (i >> LANE_SHIFT)·groupBytes + j·(panel row bytes) + (i & LANE_MASK)·4 ← the float at src
    const inner = [
      ...f.get('row'), ...f.get('i'), ...i32c(LANE_SHIFT), I32_SHR_U, ...f.get('groupBytes'), I32_MUL, I32_ADD,
      ...f.get('i'), ...i32c(LANE_MASK), I32_AND, ...i32c(2), I32_SHL, I32_ADD,
      ...f.get('src'), F32_LOAD, ...memarg(F32_ALIGN, 0), F32_STORE, ...memarg(F32_ALIGN, 0),
      ...f.get('src'), ...i32c(PANEL_LANES * 4), I32_ADD, ...f.set('src'),
    ];
    const perOutput = [
      ...laneBase(f, 'fwd', 'nIn', 'j', 'src'),
      ...f.get('bwd'), ...f.get('j'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, I32_ADD, ...f.set('row'),
      ...forLoop(f, 'i', 'nIn', inner),
    ];
    return [...f.get('nOut'), ...i32c(PANEL_ROW_SHIFT), I32_SHL, ...f.set('groupBytes'), ...forLoop(f, 'j', 'nOut', perOutput)];
  },
};

/**
 * momentum(nVec, panel, velocity, grad, rate, decay, mu): the momentum step on W⁰ in panel form, four lanes
 * at a time: v ← μv − rate·g, W ← decay·W + v, then g ← 0 so the next step's gradient starts from zero
 * (float32 arithmetic; the plain step needs no kernel of its own, see simd-first-layer.ts).
 */
const momentum: Kernel = {
  name: 'momentum',
  params: [...named(I32, ['nVec', 'w', 'velocity', 'grad']), ...named(F64, ['rate', 'decay', 'mu'])],
  locals: [...named(I32, ['t', 'off']), ...named(V128, ['r', 'dc', 'm', 'v'])],
  body: (f) => {
    const at = (base: string): number[] => [...f.get(base), ...f.get('off'), I32_ADD];
    const inner = [
      ...f.get('t'), ...i32c(4), I32_SHL, ...f.set('off'),
      // v = μ·v − rate·g
      ...at('velocity'), ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.get('m'), ...F32X4_MUL,
      ...at('grad'), ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.get('r'), ...F32X4_MUL, ...F32X4_SUB, ...f.set('v'),
      ...at('velocity'), ...f.get('v'), ...V128_STORE, ...memarg(V128_ALIGN, 0),
      // W = decay·W + v
      ...at('w'), ...at('w'), ...V128_LOAD, ...memarg(V128_ALIGN, 0), ...f.get('dc'), ...F32X4_MUL, ...f.get('v'), ...F32X4_ADD, ...V128_STORE, ...memarg(V128_ALIGN, 0),
      // g = 0
      ...at('grad'), ...V128_ZERO, ...V128_STORE, ...memarg(V128_ALIGN, 0),
    ];
    return [
      ...f.get('rate'), F32_DEMOTE_F64, ...F32X4_SPLAT, ...f.set('r'),
      ...f.get('decay'), F32_DEMOTE_F64, ...F32X4_SPLAT, ...f.set('dc'),
      ...f.get('mu'), F32_DEMOTE_F64, ...F32X4_SPLAT, ...f.set('m'),
      ...forLoop(f, 't', 'nVec', inner),
    ];
  },
};

/** Bytes of the gather kernel's tables: byte → byte/255 (256 float32), then the set-bit positions of every 8-bit mask. */
const UNIT_TABLE_BYTES = 256 * 4;
export const GATHER_TABLE_BYTES = UNIT_TABLE_BYTES + 256 * 16;

/**
 * Writes the gather kernel's tables at byte offset `at` of `buffer`: the float32 byte/255 for every byte
 * value (the loader's own, core/batch.ts), then for every 8-bit mask a 16-byte entry listing the positions of
 * its set bits in ascending order, the rest 0x80 (a swizzle index that selects zero).
 */
export function fillGatherTable(buffer: ArrayBuffer, at: number): void {
  const unit = new Float32Array(buffer, at, 256);
  for (let v = 0; v < 256; v++) unit[v] = v / 255;
  const positions = new Uint8Array(buffer, at + UNIT_TABLE_BYTES, 256 * 16);
  positions.fill(0x80);
  for (let mask = 0; mask < 256; mask++) {
    let n = 0;
    for (let bit = 0; bit < 8; bit++) if (mask & (1 << bit)) positions[mask * 16 + n++] = bit;
  }
}

/**
 * gather(m, bytes, nIn, table, start, idx, val): the sparse form of m byte images (rows of nIn bytes) that
 * the sparse kernel reads: example k's non-zero pixels go to idx/val[start[k] .. start[k+1]), with
 * val = byte / 255 (the same float32 the JavaScript loader uses). `table` holds fillGatherTable's tables.
 *
 * Each 16-byte run is compared with zero in one vector operation, and a blank run (the border of an MNIST
 * image) costs that test alone. A run with pixels is written as two halves of 8 without a branch per pixel:
 * the half's 8-bit mask looks up the positions of its set bits, a swizzle moves those bytes to the front,
 * and all 8 entries are stored (their indices i + position, their values converted and divided by 255, which
 * rounds as the loader's float64 division rounded to float32 does: 255 = 2⁸ − 1 makes byte/255 a repeating
 * binary fraction that never lies near a rounding midpoint). The write position then advances by the half's
 * number of set bits, so the entries beyond it are overwritten by the next half. Walking the mask bit by bit
 * instead mispredicted the end of almost every run. The last nIn mod 16 bytes are scanned one by one (a
 * store per byte, the write position advanced past non-zeros).
 */
const gather: Kernel = {
  name: 'gather',
  params: named(I32, ['m', 'bytes', 'nIn', 'table', 'start', 'idx', 'val']),
  locals: [...named(I32, ['k', 'i', 'at', 'gap', 'row', 'rowI', 'mask', 'half', 'runsEnd', 'b']), ...named(V128, ['bv', 'pos', 'p16', 's16', 'base'])],
  body: (f) => {
    // The write position is kept as the address `at` in idx; the same entry of val is at + gap.
    const storeAt = (offset: number, value: number[]): number[] => [...f.get('at'), ...value, ...V128_STORE, ...memarg(V128_ALIGN, offset)];
    const storeVal = (offset: number, value: number[]): number[] => [
      ...f.get('at'), ...f.get('gap'), I32_ADD, ...value, ...V128_STORE, ...memarg(V128_ALIGN, offset),
    ];
    const unit = (extend: number[]): number[] => [...f.get('s16'), ...extend, ...F32X4_CONVERT_I32X4_S, ...f32x4c(255), ...F32X4_DIV];
    const writeHalf = (high: boolean): number[] => [
      ...f.get('mask'), ...(high ? [...i32c(8), I32_SHR_U] : [...i32c(255), I32_AND]), ...f.set('half'),
      // pos = the half's set-bit positions (within the run: + 8 for the high half; 0x80 + 8 still selects zero)
      ...f.get('table'), ...f.get('half'), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, ...memarg(V128_ALIGN, UNIT_TABLE_BYTES),
      ...(high ? [...i32c(8), ...I8X16_SPLAT, ...I8X16_ADD] : []), ...f.set('pos'),
      ...f.get('pos'), ...I16X8_EXTEND_LOW_I8X16_U, ...f.set('p16'),
      ...f.get('bv'), ...f.get('pos'), ...I8X16_SWIZZLE, ...I16X8_EXTEND_LOW_I8X16_U, ...f.set('s16'),
      ...storeAt(0, [...f.get('p16'), ...I32X4_EXTEND_LOW_I16X8_U, ...f.get('base'), ...I32X4_ADD]),
      ...storeAt(16, [...f.get('p16'), ...I32X4_EXTEND_HIGH_I16X8_U, ...f.get('base'), ...I32X4_ADD]),
      ...storeVal(0, unit(I32X4_EXTEND_LOW_I16X8_U)),
      ...storeVal(16, unit(I32X4_EXTEND_HIGH_I16X8_U)),
      ...f.get('at'), ...f.get('half'), I32_POPCNT, ...i32c(2), I32_SHL, I32_ADD, ...f.set('at'),
    ];
    const perRun = [
      ...f.get('row'), ...f.get('i'), I32_ADD, ...V128_LOAD, ...memarg(0, 0), ...f.set('bv'),
      ...f.get('bv'), ...V128_ZERO, ...I8X16_NE, ...I8X16_BITMASK, ...f.set('mask'),
      BLOCK, VOID, ...f.get('mask'), I32_EQZ, BR_IF, 0,
      ...f.get('i'), ...I32X4_SPLAT, ...f.set('base'),
      ...writeHalf(false), ...writeHalf(true),
      END,
      ...f.get('i'), ...i32c(16), I32_ADD, ...f.set('i'),
    ];
    // idx[at] = i; val[at] = table[b], b = the byte at row + i: written unconditionally, kept (at advanced) if non-zero.
    const tailByte = [
      ...f.get('row'), ...f.get('i'), I32_ADD, ...f.set('rowI'),
      ...f.get('at'), ...f.get('i'), I32_STORE, ...memarg(2, 0),
      ...f.get('rowI'), I32_LOAD8_U, ...memarg(0, 0), ...f.set('b'),
      ...f.get('at'), ...f.get('gap'), I32_ADD, ...word(f, 'table', 'b'), F32_LOAD, ...memarg(F32_ALIGN, 0), F32_STORE, ...memarg(F32_ALIGN, 0),
      ...f.get('at'), ...f.get('b'), ...i32c(0), I32_NE, ...i32c(2), I32_SHL, I32_ADD, ...f.set('at'),
      ...f.get('i'), ...i32c(1), I32_ADD, ...f.set('i'),
    ];
    const entriesSoFar = [...f.get('at'), ...f.get('idx'), I32_SUB, ...i32c(2), I32_SHR_U];
    const perExample = [
      ...word(f, 'start', 'k'), ...entriesSoFar, I32_STORE, ...memarg(2, 0),
      ...f.get('bytes'), ...f.get('k'), ...f.get('nIn'), I32_MUL, I32_ADD, ...f.set('row'),
      ...i32c(0), ...f.set('i'),
      BLOCK, VOID, ...f.get('runsEnd'), I32_EQZ, BR_IF, 0,
      LOOP, VOID, ...perRun, ...f.get('i'), ...f.get('runsEnd'), I32_LT_U, BR_IF, 0, END,
      END,
      BLOCK, VOID, ...f.get('i'), ...f.get('nIn'), I32_GE_S, BR_IF, 0,
      LOOP, VOID, ...tailByte, ...f.get('i'), ...f.get('nIn'), I32_LT_S, BR_IF, 0, END,
      END,
    ];
    return [
      ...f.get('nIn'), ...i32c(-16), I32_AND, ...f.set('runsEnd'),
      ...f.get('idx'), ...f.set('at'),
      ...f.get('val'), ...f.get('idx'), I32_SUB, ...f.set('gap'),
      ...forLoop(f, 'k', 'm', perExample),
      ...word(f, 'start', 'm'), ...entriesSoFar, I32_STORE, ...memarg(2, 0),
    ];
  },
};

/** Every kernel of the module, in export order. */
export const KERNELS: readonly Kernel[] = [
  sparse,
  dense,
  ...ACTIVATION_FUNCS.map(activate),
  ...ACTIVATION_FUNCS.map(stats),
  ...SIGMOID_OUTPUT_COSTS.map(outputSigmoid),
  sparseOuter,
  denseOuter,
  pack,
  transpose,
  momentum,
  gather,
];
