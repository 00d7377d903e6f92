/**
 * WebAssembly SIMD kernels for the engine's heaviest loops: the gradient probe's 1000-image passes, the
 * first layer of every SGD step and the forward passes of evaluation. JavaScript has no SIMD; WebAssembly's
 * 128-bit f32x4 operations do four multiply-adds per instruction with no bounds check per element. The
 * module is assembled here from its opcodes (a couple of kilobytes), so nothing is fetched. Where
 * WebAssembly SIMD is missing, simdKernels() returns null and callers use the JavaScript loops, which
 * compute the same quantities.
 *
 * The matrix kernels compute, for every example k and every group of 32 output lanes g,
 *   out[k·outStride + g·32 + lane] = Σ_t panel_g[t][lane] · x_k[t]   (float32 accumulation)
 * with the weights packed as "panels": panel_g[t] is 32 consecutive floats holding the weights from input t
 * to outputs g·32 .. g·32+31 (zero beyond the last output). One input value is broadcast and multiplied
 * into 8 f32x4 accumulators per step.
 *   sparse: x_k is given as its non-zero entries, idx/val[start[k] .. start[k+1]) (MNIST pixels).
 *   dense:  x_k is the row val[k·valStride .. k·valStride + nIn).
 *   sparseOuter: the transpose, Σ_k δ_k x_kᵀ accumulated into a panel (the first layer's weight gradient).
 * Row kernels apply a non-linearity (activate_*), or f'(z) and per-neuron sums (stats_*); pack and update
 * move W⁰ between row-major and panel form and apply the SGD step; gather turns byte images into the sparse
 * lists the sparse kernel reads.
 */

/** Outputs per panel: the kernels keep 8 f32x4 accumulators, so every weight panel is 32 floats wide. */
export const PANEL_LANES = 32;
/** A layer width rounded up to whole panels (the lanes beyond the last output hold zeros). */
export const padToPanels = (n: number): number => Math.ceil(n / PANEL_LANES) * PANEL_LANES;

// Opcodes (WebAssembly core spec 2.0, binary format, and the fixed-width SIMD proposal).
const BLOCK = 0x02;
const LOOP = 0x03;
const BR_IF = 0x0d;
const END = 0x0b;
const VOID = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_LOAD = 0x28;
const F32_LOAD = 0x2a;
const I32_CONST = 0x41;
const I32_EQZ = 0x45;
const I32_LT_S = 0x48;
const I32_GE_S = 0x4e;
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00];
const V128_STORE = [SIMD, 0x0b];
const V128_CONST = [SIMD, 0x0c];
const F32X4_SPLAT = [SIMD, 0x13];
const F32X4_ADD = [SIMD, 0xe4, 0x01];
const F32X4_MUL = [SIMD, 0xe6, 0x01];
const F32X4_SUB = [SIMD, 0xe5, 0x01];
const F32X4_DIV = [SIMD, 0xe7, 0x01];
const F32X4_MIN = [SIMD, 0xe8, 0x01];
const F32X4_MAX = [SIMD, 0xe9, 0x01];
const F32X4_GT = [SIMD, 0x44];
const F32X4_NEAREST = [SIMD, 0x6a];
const I32X4_TRUNC_SAT_F32X4_S = [SIMD, 0xf8, 0x01];
const I32X4_SHL = [SIMD, 0xab, 0x01];
const I32X4_ADD = [SIMD, 0xae, 0x01];
const V128_AND = [SIMD, 0x4e];
const F32_STORE = 0x38;
const I32_LOAD8_U = 0x2d;
const I32_STORE = 0x36;
const I32_NE = 0x47;
const I32_LT_U = 0x49;
const I32_SUB = 0x6b;
const I32_CTZ = 0x68;
const I8X16_NE = [SIMD, 0x24];
const I8X16_BITMASK = [SIMD, 0x64];
const I32_SHR_U = 0x76;
const I32_AND = 0x71;
const F64_ADD = 0xa0;
const F64_SUB = 0xa1;
const F64_MUL = 0xa2;
const F32_DEMOTE_F64 = 0xb6;
const F64_PROMOTE_F32 = 0xbb;
const F64 = 0x7c;
const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const get = (l: number): number[] => [LOCAL_GET, ...uleb(l)];
const set = (l: number): number[] => [LOCAL_SET, ...uleb(l)];
const i32c = (v: number): number[] => [I32_CONST, ...sleb(v)];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/** The 8 accumulators' multiply-add with the broadcast value in local `v`, weights at address in local `a`. */
function madd8(a: number, v: number, acc0: number): number[] {
  const code: number[] = [];
  for (let q = 0; q < 8; q++)
    code.push(...get(acc0 + q), ...get(a), ...V128_LOAD, 4, ...uleb(16 * q), ...get(v), ...F32X4_MUL, ...F32X4_ADD, ...set(acc0 + q));
  return code;
}

/**
 * Shared skeleton: for k < m, for g < nGroups: zero accumulators, run `inner`, store 8 vectors at
 * outRow + g·128. Parameters 0..8 are i32; locals 9..15 i32 (k, g, t, tEnd/row, a, outRow, wg); 16 v; 17..24 acc.
 */
function kernel(params: { m: number; wPtr: number; nGroups: number; groupBytes: number; outPtr: number; outStride: number }, prologue: number[], inner: number[]): number[] {
  const K = 9;
  const G = 10;
  const OUT_ROW = 14;
  const WG = 15;
  const ACC = 17;
  const zero = [...V128_CONST, ...new Array(16).fill(0)];
  const body: number[] = [];
  body.push(...i32c(0), ...set(K));
  body.push(BLOCK, VOID, ...get(params.m), I32_EQZ, BR_IF, 0);
  body.push(LOOP, VOID);
  body.push(...get(params.outPtr), ...get(K), ...get(params.outStride), I32_MUL, I32_ADD, ...set(OUT_ROW));
  body.push(...prologue);
  body.push(...i32c(0), ...set(G));
  body.push(LOOP, VOID);
  body.push(...get(params.wPtr), ...get(G), ...get(params.groupBytes), I32_MUL, I32_ADD, ...set(WG));
  for (let q = 0; q < 8; q++) body.push(...zero, ...set(ACC + q));
  body.push(...inner);
  for (let q = 0; q < 8; q++)
    body.push(...get(OUT_ROW), ...get(G), ...i32c(7), I32_SHL, I32_ADD, ...get(ACC + q), ...V128_STORE, 4, ...uleb(16 * q));
  body.push(...get(G), ...i32c(1), I32_ADD, ...set(G), ...get(G), ...get(params.nGroups), I32_LT_S, BR_IF, 0);
  body.push(END); // loop g
  body.push(...get(K), ...i32c(1), I32_ADD, ...set(K), ...get(K), ...get(params.m), I32_LT_S, BR_IF, 0);
  body.push(END, END); // loop k, block
  body.push(END); // function
  const locals = vec([
    [7, I32],
    [9, V128],
  ]);
  const code = [...locals, ...body];
  return [...uleb(code.length), ...code];
}

/** sparse(m, startPtr, idxPtr, valPtr, wPtr, nGroups, groupBytes, outPtr, outStride) */
function sparseBody(): number[] {
  const [M, START, IDX, VAL, W, NG, GB, OUT, OS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const K = 9;
  const T = 11;
  const TEND = 12;
  const A = 13;
  const WG = 15;
  const V = 16;
  const inner = [
    // t = start[k]; tEnd = start[k + 1]
    ...get(START), ...get(K), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 0, ...set(T),
    ...get(START), ...get(K), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 4, ...set(TEND),
    BLOCK, VOID, ...get(T), ...get(TEND), I32_GE_S, BR_IF, 0,
    LOOP, VOID,
    // a = wg + idx[t]·128
    ...get(WG), ...get(IDX), ...get(T), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 0, ...i32c(7), I32_SHL, I32_ADD, ...set(A),
    // v = splat(val[t])
    ...get(VAL), ...get(T), ...i32c(2), I32_SHL, I32_ADD, F32_LOAD, 2, 0, ...F32X4_SPLAT, ...set(V),
    ...madd8(A, V, 17),
    ...get(T), ...i32c(1), I32_ADD, ...set(T), ...get(T), ...get(TEND), I32_LT_S, BR_IF, 0,
    END, END,
  ];
  return kernel({ m: M, wPtr: W, nGroups: NG, groupBytes: GB, outPtr: OUT, outStride: OS }, [], inner);
}

/** dense(m, valPtr, valStride, nIn, wPtr, nGroups, groupBytes, outPtr, outStride) */
function denseBody(): number[] {
  const [M, VAL, VS, NIN, W, NG, GB, OUT, OS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const K = 9;
  const T = 11;
  const ROW = 12;
  const A = 13;
  const WG = 15;
  const V = 16;
  const prologue = [...get(VAL), ...get(K), ...get(VS), I32_MUL, I32_ADD, ...set(ROW)];
  const inner = [
    ...i32c(0), ...set(T),
    BLOCK, VOID, ...get(NIN), I32_EQZ, BR_IF, 0,
    LOOP, VOID,
    ...get(WG), ...get(T), ...i32c(7), I32_SHL, I32_ADD, ...set(A),
    ...get(ROW), ...get(T), ...i32c(2), I32_SHL, I32_ADD, F32_LOAD, 2, 0, ...F32X4_SPLAT, ...set(V),
    ...madd8(A, V, 17),
    ...get(T), ...i32c(1), I32_ADD, ...set(T), ...get(T), ...get(NIN), I32_LT_S, BR_IF, 0,
    END, END,
  ];
  return kernel({ m: M, wPtr: W, nGroups: NG, groupBytes: GB, outPtr: OUT, outStride: OS }, prologue, inner);
}


/** v128.const holding four copies of the float32 x. */
function f32x4c(x: number): number[] {
  const b = new Uint8Array(16);
  const view = new DataView(b.buffer);
  for (let q = 0; q < 4; q++) view.setFloat32(4 * q, x, true);
  return [...V128_CONST, ...b];
}

/** for (i = 0; i < limit; i++) body — assumes nothing in body branches outwards. */
function forLoop(i: number, limit: number, body: number[]): number[] {
  return [
    ...i32c(0), ...set(i),
    BLOCK, VOID, ...get(limit), I32_EQZ, BR_IF, 0,
    LOOP, VOID, ...body,
    ...get(i), ...i32c(1), I32_ADD, ...set(i), ...get(i), ...get(limit), I32_LT_S, BR_IF, 0,
    END, END,
  ];
}

function funcBody(numI32: number, numV128: number, body: number[]): number[] {
  const code = [...vec([[numI32, I32], [numV128, V128]]), ...body, END];
  return [...uleb(code.length), ...code];
}

/**
 * Replaces the v128 in local x by e^x, for x in [−87, 87] (the caller clamps): Cody-Waite range reduction
 * x = n·ln 2 + r, |r| ≤ ln2/2, then Cephes' degree-7 polynomial for e^r (relative error ~1e-7, float32
 * rounding level), and 2ⁿ added straight into the exponent bits. Uses local tmp.
 */
function expInPlace(x: number, n: number, r: number): number[] {
  const poly = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];
  const code = [
    ...get(x), ...f32x4c(Math.LOG2E), ...F32X4_MUL, ...F32X4_NEAREST, ...set(n),
    // r = x − n·C1 − n·C2, C1 + C2 = ln 2 split so that n·C1 is exact
    ...get(x), ...get(n), ...f32x4c(0.693359375), ...F32X4_MUL, ...F32X4_SUB,
    ...get(n), ...f32x4c(-2.12194440e-4), ...F32X4_MUL, ...F32X4_SUB, ...set(r),
    ...f32x4c(poly[0]),
  ];
  for (let c = 1; c < poly.length; c++) code.push(...get(r), ...F32X4_MUL, ...f32x4c(poly[c]), ...F32X4_ADD);
  // y = p·r² + r + 1
  code.push(...get(r), ...get(r), ...F32X4_MUL, ...F32X4_MUL, ...get(r), ...F32X4_ADD, ...f32x4c(1), ...F32X4_ADD);
  // · 2ⁿ: add n to the exponent field
  code.push(...get(n), ...I32X4_TRUNC_SAT_F32X4_S, ...i32c(23), ...I32X4_SHL, ...I32X4_ADD, ...set(x));
  return code;
}

/**
 * activate_<f>(m, zPtr, strideBytes, nVec, biasPtr): for every row k and 4-lane vector v,
 * z ← f(z + b) in place. σ(z) = 1 / (1 + e^(−z)); tanh z = 2σ(2z) − 1; ReLU = max(z, 0).
 */
function activateBody(fn: 'sigmoid' | 'tanh' | 'relu'): number[] {
  const [M, Z, STRIDE, NVEC, BIAS] = [0, 1, 2, 3, 4];
  const K = 6;
  const V = 7;
  const ADDR = 8;
  const X = 9;
  const N = 10;
  const R = 11;
  const sigmoidOfX = [
    // x ← −x clamped to [−87, 87], then x ← 1 / (1 + e^x)
    ...f32x4c(0), ...get(X), ...F32X4_SUB, ...f32x4c(-87), ...F32X4_MAX, ...f32x4c(87), ...F32X4_MIN, ...set(X),
    ...expInPlace(X, N, R),
    ...f32x4c(1), ...f32x4c(1), ...get(X), ...F32X4_ADD, ...F32X4_DIV, ...set(X),
  ];
  const compute: number[] = [];
  if (fn === 'sigmoid') compute.push(...sigmoidOfX);
  else if (fn === 'tanh')
    compute.push(...get(X), ...f32x4c(2), ...F32X4_MUL, ...set(X), ...sigmoidOfX, ...get(X), ...f32x4c(2), ...F32X4_MUL, ...f32x4c(1), ...F32X4_SUB, ...set(X));
  else compute.push(...get(X), ...f32x4c(0), ...F32X4_MAX, ...set(X));
  const inner = [
    ...get(Z), ...get(K), ...get(STRIDE), I32_MUL, I32_ADD, ...get(V), ...i32c(4), I32_SHL, I32_ADD, ...set(ADDR),
    ...get(ADDR), ...V128_LOAD, 4, 0, ...get(BIAS), ...get(V), ...i32c(4), I32_SHL, I32_ADD, ...V128_LOAD, 4, 0, ...F32X4_ADD, ...set(X),
    ...compute,
    ...get(ADDR), ...get(X), ...V128_STORE, 4, 0,
  ];
  return funcBody(3, 3, forLoop(K, M, forLoop(V, NVEC, inner)));
}

/**
 * stats_<f>(m, dPtr, aPtr, strideBytes, nVec, sumsPtr): δ ← δ ⊙ f'(z) with f' recovered from a = f(z)
 * (eq. BP2's Hadamard factor), and per lane the sums over the m rows of δ, a and f' stored at sumsPtr as
 * three consecutive blocks of nVec vectors.
 */
function statsBody(fn: 'sigmoid' | 'tanh' | 'relu'): number[] {
  const [M, D, A, STRIDE, NVEC, SUMS] = [0, 1, 2, 3, 4, 5];
  const K = 6;
  const V = 7;
  const OFF = 8;
  const SD = 9;
  const SA = 10;
  const SP = 11;
  const AV = 12;
  const FP = 13;
  const DV = 14;
  const fPrime: number[] = [];
  if (fn === 'sigmoid') fPrime.push(...get(AV), ...f32x4c(1), ...get(AV), ...F32X4_SUB, ...F32X4_MUL);
  else if (fn === 'tanh') fPrime.push(...f32x4c(1), ...get(AV), ...get(AV), ...F32X4_MUL, ...F32X4_SUB);
  else fPrime.push(...get(AV), ...f32x4c(0), ...F32X4_GT, ...f32x4c(1), ...V128_AND);
  const zero = f32x4c(0);
  const inner = [
    // OFF = k·stride + v·16
    ...get(K), ...get(STRIDE), I32_MUL, ...get(V), ...i32c(4), I32_SHL, I32_ADD, ...set(OFF),
    ...get(A), ...get(OFF), I32_ADD, ...V128_LOAD, 4, 0, ...set(AV),
    ...fPrime, ...set(FP),
    ...get(D), ...get(OFF), I32_ADD, ...V128_LOAD, 4, 0, ...get(FP), ...F32X4_MUL, ...set(DV),
    ...get(D), ...get(OFF), I32_ADD, ...get(DV), ...V128_STORE, 4, 0,
    ...get(SD), ...get(DV), ...F32X4_ADD, ...set(SD),
    ...get(SA), ...get(AV), ...F32X4_ADD, ...set(SA),
    ...get(SP), ...get(FP), ...F32X4_ADD, ...set(SP),
  ];
  const perVector = [
    ...zero, ...set(SD), ...zero, ...set(SA), ...zero, ...set(SP),
    ...forLoop(K, M, inner),
    ...get(SUMS), ...get(V), ...i32c(4), I32_SHL, I32_ADD, ...get(SD), ...V128_STORE, 4, 0,
    ...get(SUMS), ...get(V), ...get(NVEC), I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...get(SA), ...V128_STORE, 4, 0,
    ...get(SUMS), ...get(V), ...get(NVEC), ...i32c(1), I32_SHL, I32_ADD, ...i32c(4), I32_SHL, I32_ADD, ...get(SP), ...V128_STORE, 4, 0,
  ];
  return funcBody(3, 6, forLoop(V, NVEC, perVector));
}


/**
 * sparseOuter(m, startPtr, idxPtr, valPtr, dPtr, dStride, nGroups, gPtr, groupBytes): the first layer's
 * weight gradient in panel form, panel_g[i][lane] += Σ_k δ[k, g·32 + lane]·x_k[i] over each example's
 * non-zero inputs (eq. BP4, ∂C/∂w = δ·aᵀ). The 8 vectors of δ_k stay in registers while its pixels stream by.
 */
function sparseOuterBody(): number[] {
  const [M, START, IDX, VAL, D, DSTRIDE, NG, GP, GB] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const K = 9;
  const G = 10;
  const T = 11;
  const TEND = 12;
  const A = 13;
  const DROW = 14;
  const WG = 15;
  const V = 16;
  const D0 = 17;
  const loadDelta: number[] = [];
  for (let q = 0; q < 8; q++)
    loadDelta.push(...get(DROW), ...get(G), ...i32c(7), I32_SHL, I32_ADD, ...V128_LOAD, 4, ...uleb(16 * q), ...set(D0 + q));
  const scatter: number[] = [];
  for (let q = 0; q < 8; q++)
    scatter.push(...get(A), ...get(A), ...V128_LOAD, 4, ...uleb(16 * q), ...get(D0 + q), ...get(V), ...F32X4_MUL, ...F32X4_ADD, ...V128_STORE, 4, ...uleb(16 * q));
  const perPixel = [
    ...get(WG), ...get(IDX), ...get(T), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 0, ...i32c(7), I32_SHL, I32_ADD, ...set(A),
    ...get(VAL), ...get(T), ...i32c(2), I32_SHL, I32_ADD, F32_LOAD, 2, 0, ...F32X4_SPLAT, ...set(V),
    ...scatter,
  ];
  const perGroup = [
    ...get(GP), ...get(G), ...get(GB), I32_MUL, I32_ADD, ...set(WG),
    ...loadDelta,
    ...get(START), ...get(K), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 0, ...set(T),
    BLOCK, VOID, ...get(T), ...get(TEND), I32_GE_S, BR_IF, 0,
    LOOP, VOID, ...perPixel,
    ...get(T), ...i32c(1), I32_ADD, ...set(T), ...get(T), ...get(TEND), I32_LT_S, BR_IF, 0,
    END, END,
  ];
  const perExample = [
    ...get(D), ...get(K), ...get(DSTRIDE), I32_MUL, I32_ADD, ...set(DROW),
    ...get(START), ...get(K), ...i32c(2), I32_SHL, I32_ADD, I32_LOAD, 2, 4, ...set(TEND),
    ...forLoop(G, NG, perGroup),
  ];
  return funcBody(7, 9, forLoop(K, M, perExample));
}


/** Byte address of W[j][·]'s panel lane: panelPtr + (j >> 5)·nIn·128 + (j & 31)·4, into local `dst`. */
function laneBase(panelPtr: number, nIn: number, j: number, dst: number): number[] {
  return [
    ...get(panelPtr), ...get(j), ...i32c(5), I32_SHR_U, ...get(nIn), I32_MUL, ...i32c(7), I32_SHL, I32_ADD,
    ...get(j), ...i32c(31), I32_AND, ...i32c(2), I32_SHL, I32_ADD, ...set(dst),
  ];
}

/** pack(wPtr, nIn, nOut, panelPtr): row-major W [nOut][nIn] → 32-lane panels (the transposition, scalar). */
function packBody(): number[] {
  const [W, NIN, NOUT, PANEL] = [0, 1, 2, 3];
  const J = 4;
  const I = 5;
  const SRC = 6;
  const DST = 7;
  const inner = [
    ...get(DST), ...get(SRC), F32_LOAD, 2, 0, F32_STORE, 2, 0,
    ...get(SRC), ...i32c(4), I32_ADD, ...set(SRC),
    ...get(DST), ...i32c(128), I32_ADD, ...set(DST),
  ];
  const perRow = [
    ...get(W), ...get(J), ...get(NIN), I32_MUL, ...i32c(2), I32_SHL, I32_ADD, ...set(SRC),
    ...laneBase(PANEL, NIN, J, DST),
    ...forLoop(I, NIN, inner),
  ];
  return funcBody(4, 0, forLoop(J, NOUT, perRow));
}

/**
 * update(wPtr, nIn, nOut, gPtr, vPtr, rate, decay, mu): W ← decay·W − rate·G for row-major W and panel-packed
 * G (μ = 0), or V ← μV − rate·G, W ← decay·W + V (μ > 0), in float64 arithmetic rounded to float32 exactly
 * like the JavaScript loops.
 */
function updateBody(momentum: boolean): number[] {
  const [W, NIN, NOUT, G, V, RATE, DECAY, MU] = [0, 1, 2, 3, 4, 5, 6, 7];
  const J = 8;
  const I = 9;
  const WP = 10;
  const GP = 11;
  const VP = 12;
  const inner: number[] = [];
  if (!momentum) {
    inner.push(
      ...get(WP),
      ...get(DECAY), ...get(WP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_MUL,
      ...get(RATE), ...get(GP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_MUL, F64_SUB,
      F32_DEMOTE_F64, F32_STORE, 2, 0,
    );
  } else {
    inner.push(
      ...get(VP),
      ...get(MU), ...get(VP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_MUL,
      ...get(RATE), ...get(GP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_MUL, F64_SUB,
      F32_DEMOTE_F64, F32_STORE, 2, 0,
      ...get(WP),
      ...get(DECAY), ...get(WP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_MUL,
      ...get(VP), F32_LOAD, 2, 0, F64_PROMOTE_F32, F64_ADD,
      F32_DEMOTE_F64, F32_STORE, 2, 0,
      ...get(VP), ...i32c(4), I32_ADD, ...set(VP),
    );
  }
  inner.push(...get(WP), ...i32c(4), I32_ADD, ...set(WP), ...get(GP), ...i32c(128), I32_ADD, ...set(GP));
  const perRow = [
    ...get(W), ...get(J), ...get(NIN), I32_MUL, ...i32c(2), I32_SHL, I32_ADD, ...set(WP),
    ...get(V), ...get(J), ...get(NIN), I32_MUL, ...i32c(2), I32_SHL, I32_ADD, ...set(VP),
    ...laneBase(G, NIN, J, GP),
    ...forLoop(I, NIN, inner),
  ];
  return funcBody(5, 0, forLoop(J, NOUT, perRow));
}


/**
 * gather(m, bytesPtr, nIn, tablePtr, startPtr, idxPtr, valPtr): the sparse form of m byte images (rows of nIn
 * bytes) that the sparse kernel reads: example k's non-zero pixels go to idx/val[start[k] .. start[k+1]), with
 * val = table[byte] (byte / 255, the same float32 the JavaScript loader uses). Each 16-byte run is compared
 * with zero in one vector operation; the resulting bit mask is walked by its lowest set bit, so the work
 * is per non-zero pixel and the blank border of an MNIST image costs one test per 16 pixels. The last
 * nIn mod 16 bytes are scanned one by one (a store per byte, the write position advanced past non-zeros).
 */
function gatherBody(): number[] {
  const [M, BYTES, NIN, TABLE, START, IDX, VAL] = [0, 1, 2, 3, 4, 5, 6];
  const K = 7;
  const I = 8;
  const P = 9;
  const ROW = 10;
  const J = 11;
  const MASK = 12;
  const RUNS_END = 13;
  const P4 = 14;
  const B = 15;
  // idx[P] = J; val[P] = table[byte at J]; local B = that byte
  const emit = [
    ...get(P), ...i32c(2), I32_SHL, ...set(P4),
    ...get(IDX), ...get(P4), I32_ADD, ...get(J), I32_STORE, 2, 0,
    ...get(ROW), ...get(J), I32_ADD, I32_LOAD8_U, 0, 0, ...set(B),
    ...get(VAL), ...get(P4), I32_ADD, ...get(TABLE), ...get(B), ...i32c(2), I32_SHL, I32_ADD, F32_LOAD, 2, 0, F32_STORE, 2, 0,
  ];
  const perSetBit = [
    ...get(I), ...get(MASK), I32_CTZ, I32_ADD, ...set(J),
    ...emit,
    ...get(P), ...i32c(1), I32_ADD, ...set(P),
    ...get(MASK), ...get(MASK), ...i32c(1), I32_SUB, I32_AND, ...set(MASK),
  ];
  const perRun = [
    ...get(ROW), ...get(I), I32_ADD, ...V128_LOAD, 0, 0, ...V128_CONST, ...new Array(16).fill(0), ...I8X16_NE, ...I8X16_BITMASK, ...set(MASK),
    BLOCK, VOID, ...get(MASK), I32_EQZ, BR_IF, 0,
    LOOP, VOID, ...perSetBit, ...get(MASK), BR_IF, 0, END,
    END,
    ...get(I), ...i32c(16), I32_ADD, ...set(I),
  ];
  const tailByte = [
    ...get(I), ...set(J),
    ...emit,
    ...get(P), ...get(B), ...i32c(0), I32_NE, I32_ADD, ...set(P),
    ...get(I), ...i32c(1), I32_ADD, ...set(I),
  ];
  const perExample = [
    ...get(START), ...get(K), ...i32c(2), I32_SHL, I32_ADD, ...get(P), I32_STORE, 2, 0,
    ...get(BYTES), ...get(K), ...get(NIN), I32_MUL, I32_ADD, ...set(ROW),
    ...i32c(0), ...set(I),
    BLOCK, VOID, ...get(RUNS_END), I32_EQZ, BR_IF, 0,
    LOOP, VOID, ...perRun, ...get(I), ...get(RUNS_END), I32_LT_U, BR_IF, 0, END,
    END,
    BLOCK, VOID, ...get(I), ...get(NIN), I32_GE_S, BR_IF, 0,
    LOOP, VOID, ...tailByte, ...get(I), ...get(NIN), I32_LT_S, BR_IF, 0, END,
    END,
  ];
  return funcBody(9, 0, [
    ...get(NIN), ...i32c(-16), I32_AND, ...set(RUNS_END),
    ...i32c(0), ...set(P),
    ...forLoop(K, M, perExample),
    ...get(START), ...get(M), ...i32c(2), I32_SHL, I32_ADD, ...get(P), I32_STORE, 2, 0,
  ]);
}

const ACTIVATION_FUNCS = ['sigmoid', 'tanh', 'relu'] as const;

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const type9 = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32]]), 0x00];
  const type6 = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), 0x00];
  const type4 = [0x60, ...vec([[I32], [I32], [I32], [I32]]), 0x00];
  const typeUpdate = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [F64], [F64], [F64]]), 0x00];
  const type7 = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), 0x00];
  const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([type9, type6, type4, typeUpdate, type7])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])), // memory, min 1 page
    ...section(3, vec([[0x00], [0x00], ...ACTIVATION_FUNCS.map(() => [0x01]), ...ACTIVATION_FUNCS.map(() => [0x01]), [0x00], [0x02], [0x03], [0x03], [0x04]])),
    ...section(
      7,
      vec([
        [...name('sparse'), 0x00, 0x00],
        [...name('dense'), 0x00, 0x01],
        ...ACTIVATION_FUNCS.map((f, i) => [...name(`activate_${f}`), 0x00, 2 + i]),
        ...ACTIVATION_FUNCS.map((f, i) => [...name(`stats_${f}`), 0x00, 5 + i]),
        [...name('sparseOuter'), 0x00, 8],
        [...name('pack'), 0x00, 9],
        [...name('update'), 0x00, 10],
        [...name('updateMomentum'), 0x00, 11],
        [...name('gather'), 0x00, 12],
      ]),
    ),
    ...section(10, vec([sparseBody(), denseBody(), ...ACTIVATION_FUNCS.map(activateBody), ...ACTIVATION_FUNCS.map(statsBody), sparseOuterBody(), packBody(), updateBody(false), updateBody(true), gatherBody()])),
  ];
  return new Uint8Array(bytes);
}

export type GemvKernel = (m: number, a1: number, a2: number, a3: number, wPtr: number, nGroups: number, groupBytes: number, outPtr: number, outStride: number) => void;

/** (m, zPtr, strideBytes, nVec, biasPtr, unused) */
export type RowKernel = (m: number, a1: number, a2: number, a3: number, a4: number, a5: number) => void;

export type UpdateKernel = (wPtr: number, nIn: number, nOut: number, gPtr: number, vPtr: number, rate: number, decay: number, mu: number) => void;

export interface SimdKernels {
  readonly memory: WebAssembly.Memory;
  readonly sparse: GemvKernel;
  readonly dense: GemvKernel;
  /** sparseOuter(m, startPtr, idxPtr, valPtr, dPtr, dStrideBytes, nGroups, gPtr, groupBytes) */
  readonly sparseOuter: GemvKernel;
  /** pack(wPtr, nIn, nOut, panelPtr): row-major weights → 32-lane panels. */
  readonly pack: (wPtr: number, nIn: number, nOut: number, panelPtr: number) => void;
  /** update / updateMomentum(wPtr, nIn, nOut, gPtr, vPtr, rate, decay, mu): SGD step with a panel-packed gradient. */
  readonly update: UpdateKernel;
  readonly updateMomentum: UpdateKernel;
  /** gather(m, bytesPtr, nIn, tablePtr, startPtr, idxPtr, valPtr): byte images → sparse inputs. */
  readonly gather: (m: number, bytesPtr: number, nIn: number, tablePtr: number, startPtr: number, idxPtr: number, valPtr: number) => void;
  /** activate[act code](m, zPtr, strideBytes, nVec, biasPtr, 0): z ← f(z + b). */
  readonly activate: readonly RowKernel[];
  /** stats[act code](m, dPtr, aPtr, strideBytes, nVec, sumsPtr): δ ⊙= f', column sums of δ, a, f'. */
  readonly stats: readonly RowKernel[];
}

let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = moduleBytes();
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null; // no WebAssembly SIMD here: the JavaScript loops are used instead
  }
  return compiled;
}

/** Whether the SIMD kernels can run on this platform (can be switched off for tests via setSimdEnabled). */
let enabled = true;
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}
export function simdAvailable(): boolean {
  return enabled && compile() !== null;
}

/** A fresh instance with its own memory of at least `bytes` bytes, or null without SIMD support. */
export function simdKernels(bytes: number): SimdKernels | null {
  if (!enabled) return null;
  const mod = compile();
  if (mod === null) return null;
  let memory: WebAssembly.Memory;
  let instance: WebAssembly.Instance;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    instance = new WebAssembly.Instance(mod, { env: { memory } });
  } catch {
    // Browsers cap how many WebAssembly memories may be reserved at once; if earlier networks' memories
    // have not been collected yet, fall back to the JavaScript loops rather than fail.
    return null;
  }
  const e = instance.exports as unknown as Record<string, GemvKernel & RowKernel & UpdateKernel>;
  // Indexed by the ACT_* codes of activations.ts: sigmoid 0, tanh 1, relu 2.
  return {
    memory,
    sparse: e.sparse,
    dense: e.dense,
    sparseOuter: e.sparseOuter,
    pack: e.pack as unknown as SimdKernels['pack'],
    update: e.update,
    updateMomentum: e.updateMomentum,
    gather: e.gather as unknown as SimdKernels['gather'],
    activate: ACTIVATION_FUNCS.map((f) => e[`activate_${f}`]),
    stats: ACTIVATION_FUNCS.map((f) => e[`stats_${f}`]),
  };
}
