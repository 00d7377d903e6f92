import { describe, expect, it } from 'vitest';
import { F64, I32, I32_ADD, assembleModule, log2Exact, type Kernel } from '../../../src/engine/wasm/assemble';
import { KERNELS } from '../../../src/engine/wasm/simd-kernels';

const add: Kernel = {
  name: 'add',
  params: [
    ['x', I32],
    ['y', I32],
  ],
  locals: [
    ['scratch', F64],
    ['sum', I32],
  ],
  // The sum is left on the stack and dropped (0x1a): the function returns nothing.
  body: (f) => [...f.get('x'), ...f.get('y'), I32_ADD, ...f.set('sum'), ...f.get('sum'), 0x1a],
};

describe('WebAssembly assembler', () => {
  it('generates every section from the kernel table: exports by name, one type per signature', () => {
    const bytes = assembleModule(KERNELS);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const mod = new WebAssembly.Module(bytes);
    expect(WebAssembly.Module.exports(mod).map((e) => e.name)).toEqual(KERNELS.map((k) => k.name));
    expect(WebAssembly.Module.imports(mod)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
  });

  it('resolves locals by name, parameters first, whatever order the types are declared in', () => {
    // 'sum' is declared after an f64 but is an i32: were it given the next index in declaration order, the
    // i32 stored into it would fail validation.
    expect(WebAssembly.validate(assembleModule([add]))).toBe(true);
  });

  it('refuses an undeclared or doubly declared local and a repeated export name', () => {
    expect(() => assembleModule([{ ...add, body: (f) => f.get('missing') }])).toThrow(/no local named "missing"/);
    expect(() => assembleModule([{ ...add, locals: [['x', I32]] }])).toThrow(/declared twice/);
    expect(() => assembleModule([add, add])).toThrow(/export name/);
  });

  it('turns widths into shifts only for powers of two', () => {
    expect(log2Exact(128)).toBe(7);
    expect(() => log2Exact(48)).toThrow(RangeError);
  });
});
