import { describe, expect, it } from 'vitest';
import { Arena } from '../../../src/engine/wasm/arena';

describe('memory arena', () => {
  it('places regions on 16-byte boundaries, each as long as asked, and totals the bytes', () => {
    const arena = new Arena<'a' | 'b' | 'c'>();
    expect(arena.reserve('a', 5)).toBe(0);
    expect(arena.reserveWords('b', 3)).toBe(16);
    expect(arena.reserveWords('c', 8)).toBe(32);
    expect(arena.totalBytes).toBe(64);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const b = arena.floats(memory, 'b');
    expect(b.length).toBe(3);
    expect(b.byteOffset).toBe(16);
    const c = arena.ints(memory, 'c');
    c[0] = 7;
    expect(new Int32Array(memory.buffer)[8]).toBe(7);
  });

  it('refuses a name twice and a name never reserved', () => {
    const arena = new Arena();
    arena.reserve('x', 4);
    expect(() => arena.reserve('x', 4)).toThrow(/twice/);
    expect(() => arena.offset('y')).toThrow(/no memory region/);
    expect(() => arena.reserve('z', 2.5)).toThrow(RangeError);
  });
});
