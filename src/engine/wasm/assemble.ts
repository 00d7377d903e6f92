/**
 * A small WebAssembly assembler, enough for the engine's SIMD kernels (simd-kernels.ts) and no toolchain.
 * A module is described as one table of kernels, each `{ name, params, locals, body }`; the type, function,
 * export and code sections are all generated from that table, so a function's index, its signature and its
 * export cannot drift apart. Bodies ask for their locals by name (`f.get('k')`), and the assembler gives
 * every name its index: parameters first in the order listed, then the declared locals grouped by type.
 * Asking for a name that was not declared fails when the module is assembled, not at run time.
 *
 * Encoding: WebAssembly core spec 2.0, binary format, with the fixed-width SIMD instructions.
 */

// Value types.
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F64 | typeof V128;

// Control and scalar opcodes.
export const BLOCK = 0x02;
export const LOOP = 0x03;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const END = 0x0b;
export const VOID = 0x40;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
export const I32_LOAD = 0x28;
export const F32_LOAD = 0x2a;
export const F32_STORE = 0x38;
export const I32_LOAD8_U = 0x2d;
export const I32_STORE = 0x36;
export const I32_CONST = 0x41;
export const I32_EQZ = 0x45;
export const I32_NE = 0x47;
export const I32_LT_S = 0x48;
export const I32_LT_U = 0x49;
export const I32_GE_S = 0x4e;
export const I32_CTZ = 0x68;
export const I32_POPCNT = 0x69;
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const I32_MUL = 0x6c;
export const I32_AND = 0x71;
export const I32_SHL = 0x74;
export const I32_SHR_U = 0x76;
export const F64_ADD = 0xa0;
export const F64_SUB = 0xa1;
export const F64_MUL = 0xa2;
export const F32_DEMOTE_F64 = 0xb6;
export const F64_PROMOTE_F32 = 0xbb;

// SIMD opcodes: the 0xfd prefix, then the instruction number as an unsigned LEB128.
const SIMD = 0xfd;
export const V128_LOAD = [SIMD, 0x00];
export const V128_STORE = [SIMD, 0x0b];
export const V128_CONST = [SIMD, 0x0c];
export const I8X16_SHUFFLE = [SIMD, 0x0d];
export const I8X16_SWIZZLE = [SIMD, 0x0e];
export const I8X16_SPLAT = [SIMD, 0x0f];
export const I32X4_SPLAT = [SIMD, 0x11];
export const F32X4_SPLAT = [SIMD, 0x13];
export const F32X4_EXTRACT_LANE = [SIMD, 0x1f];
export const I8X16_NE = [SIMD, 0x24];
export const I32X4_EQ = [SIMD, 0x37];
export const I32X4_LT_S = [SIMD, 0x39];
export const F32X4_GT = [SIMD, 0x44];
export const V128_AND = [SIMD, 0x4e];
export const V128_BITSELECT = [SIMD, 0x52];
export const I8X16_BITMASK = [SIMD, 0x64];
export const F32X4_NEAREST = [SIMD, 0x6a];
export const I8X16_ADD = [SIMD, 0x6e];
export const I16X8_EXTEND_LOW_I8X16_U = [SIMD, 0x89, 0x01];
export const I32X4_EXTEND_LOW_I16X8_U = [SIMD, 0xa9, 0x01];
export const I32X4_EXTEND_HIGH_I16X8_U = [SIMD, 0xaa, 0x01];
export const I32X4_SHL = [SIMD, 0xab, 0x01];
export const I32X4_ADD = [SIMD, 0xae, 0x01];
export const F32X4_NEG = [SIMD, 0xe1, 0x01];
export const F32X4_ADD = [SIMD, 0xe4, 0x01];
export const F32X4_SUB = [SIMD, 0xe5, 0x01];
export const F32X4_MUL = [SIMD, 0xe6, 0x01];
export const F32X4_DIV = [SIMD, 0xe7, 0x01];
export const F32X4_MIN = [SIMD, 0xe8, 0x01];
export const F32X4_MAX = [SIMD, 0xe9, 0x01];
export const F32X4_PMIN = [SIMD, 0xea, 0x01];
export const F32X4_PMAX = [SIMD, 0xeb, 0x01];
export const I32X4_TRUNC_SAT_F32X4_S = [SIMD, 0xf8, 0x01];
export const F32X4_CONVERT_I32X4_S = [SIMD, 0xfa, 0x01];

export function uleb(n: number): number[] {
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

export const i32c = (v: number): number[] => [I32_CONST, ...sleb(v)];

/** Memory argument of a load or store: alignment as a power of two, then a constant byte offset. */
export const memarg = (alignLog2: number, offset: number): number[] => [alignLog2, ...uleb(offset)];

/** v128.const holding four copies of the float32 x. */
export function f32x4c(x: number): number[] {
  const b = new Uint8Array(16);
  const view = new DataView(b.buffer);
  for (let q = 0; q < 4; q++) view.setFloat32(4 * q, x, true);
  return [...V128_CONST, ...b];
}

/** v128.const of four int32 lanes. */
export function i32x4c(lanes: readonly [number, number, number, number]): number[] {
  const b = new Uint8Array(16);
  const view = new DataView(b.buffer);
  for (let q = 0; q < 4; q++) view.setInt32(4 * q, lanes[q], true);
  return [...V128_CONST, ...b];
}

/** i8x16.shuffle of the two vectors on the stack, taking four-byte lanes `lanes` (0-3 the first, 4-7 the second). */
export function shuffleLanes(lanes: readonly [number, number, number, number]): number[] {
  return [...I8X16_SHUFFLE, ...lanes.flatMap((q) => [4 * q, 4 * q + 1, 4 * q + 2, 4 * q + 3])];
}

/** v128.const of sixteen zero bytes. */
export const V128_ZERO = [...V128_CONST, ...new Array<number>(16).fill(0)];

/** Alignment hints (log₂ bytes) of whole-vector and float32 loads and stores. */
export const V128_ALIGN = 4;
export const F32_ALIGN = 2;

/** Parameter or local declarations: every name with one type. */
export const named = (type: ValueType, names: readonly string[]): [string, ValueType][] => names.map((n) => [n, type]);

/** log₂ n for a power of two n; throws otherwise (the kernels turn multiplications by n into shifts). */
export function log2Exact(n: number): number {
  const s = Math.log2(n);
  if (!Number.isInteger(s)) throw new RangeError(`${n} is not a power of two`);
  return s;
}

/** A function body's view of its locals: instructions that read or write a local named in its table entry. */
export interface Locals {
  get(name: string): number[];
  set(name: string): number[];
}

export interface Kernel {
  /** Export name. */
  readonly name: string;
  /** Parameters in call order. */
  readonly params: readonly (readonly [string, ValueType])[];
  /** Further locals; their order within a type fixes their indices. */
  readonly locals: readonly (readonly [string, ValueType])[];
  /** The instructions, without the final `end`. */
  readonly body: (f: Locals) => number[];
}

/** for (i = 0; i < limit; i++) body: nothing in body may branch outwards past it. */
export function forLoop(f: Locals, i: string, limit: string, body: number[]): number[] {
  return [
    ...i32c(0),
    ...f.set(i),
    BLOCK,
    VOID,
    ...f.get(limit),
    I32_EQZ,
    BR_IF,
    0,
    LOOP,
    VOID,
    ...body,
    ...f.get(i),
    ...i32c(1),
    I32_ADD,
    ...f.set(i),
    ...f.get(i),
    ...f.get(limit),
    I32_LT_S,
    BR_IF,
    0,
    END,
    END,
  ];
}

const LOCAL_TYPE_ORDER: readonly ValueType[] = [I32, V128, F64];

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const utf8 = (s: string): number[] => {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
};

/** The local declarations (runs of one type) and the named accessors of one kernel. */
function localsOf(k: Kernel): { declarations: number[]; locals: Locals } {
  const index = new Map<string, number>();
  const name = (n: string): void => {
    if (index.has(n)) throw new Error(`kernel ${k.name}: local "${n}" is declared twice`);
    index.set(n, index.size);
  };
  for (const [n] of k.params) name(n);
  const runs: number[][] = [];
  for (const type of LOCAL_TYPE_ORDER) {
    const ofType = k.locals.filter(([, t]) => t === type);
    for (const [n] of ofType) name(n);
    if (ofType.length > 0) runs.push([...uleb(ofType.length), type]);
  }
  const at = (n: string): number[] => {
    const i = index.get(n);
    if (i === undefined) throw new Error(`kernel ${k.name}: no local named "${n}"`);
    return uleb(i);
  };
  return { declarations: vec(runs), locals: { get: (n) => [LOCAL_GET, ...at(n)], set: (n) => [LOCAL_SET, ...at(n)] } };
}

/**
 * The module: one imported memory (env.memory, at least one page) and every kernel of the table, exported
 * under its name, in table order.
 */
export function assembleModule(kernels: readonly Kernel[]): Uint8Array<ArrayBuffer> {
  const signatures: string[] = [];
  const types: number[][] = [];
  const typeOf = kernels.map((k) => {
    const sig = [0x60, ...vec(k.params.map(([, t]) => [t])), 0x00];
    const key = sig.join(',');
    let i = signatures.indexOf(key);
    if (i < 0) {
      i = signatures.push(key) - 1;
      types.push(sig);
    }
    return i;
  });
  const exportNames = new Set(kernels.map((k) => k.name));
  if (exportNames.size !== kernels.length) throw new Error('two kernels share an export name');
  const codes = kernels.map((k) => {
    const { declarations, locals } = localsOf(k);
    const code = [...declarations, ...k.body(locals), END];
    return [...uleb(code.length), ...code];
  });
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(2, vec([[...utf8('env'), ...utf8('memory'), 0x02, 0x00, 0x01]])), // memory, min 1 page
    ...section(3, vec(typeOf.map((t) => uleb(t)))),
    ...section(7, vec(kernels.map((k, i) => [...utf8(k.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(codes)),
  ];
  return new Uint8Array(bytes);
}
