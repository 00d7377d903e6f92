/**
 * Layout of a WebAssembly memory, planned before the memory exists: a user reserves named regions, the
 * arena hands out their byte offsets and the total size to instantiate with, and once the kernels' memory
 * is there it binds typed views of the regions. Every user of the kernels (training's first layer,
 * evaluation, the probe) writes its layout as one plan of reservations, so the budget is always the sum
 * of exactly what is laid out.
 *
 * Each region starts on a 16-byte boundary, because the kernels load and store whole v128 vectors. A region
 * is as long as asked for; only the gap before the next one is padding.
 */
const ALIGN = 16;

interface Region {
  readonly offset: number;
  readonly bytes: number;
}

export class Arena<Name extends string = string> {
  private readonly regions = new Map<Name, Region>();
  private top = 0;

  /** Reserves `bytes` bytes under `name`; returns the region's byte offset. */
  reserve(name: Name, bytes: number): number {
    if (this.regions.has(name)) throw new Error(`memory region "${name}" is reserved twice`);
    if (!Number.isInteger(bytes) || bytes < 0) throw new RangeError(`memory region "${name}" needs a whole number of bytes, got ${bytes}`);
    const offset = this.top;
    this.regions.set(name, { offset, bytes });
    this.top = offset + Math.ceil(bytes / ALIGN) * ALIGN;
    return offset;
  }

  /** Reserves room for `count` float32 or int32 values (4 bytes each). */
  reserveWords(name: Name, count: number): number {
    return this.reserve(name, 4 * count);
  }

  /** Bytes the memory must hold for every region reserved so far. */
  get totalBytes(): number {
    return this.top;
  }

  /** Byte offset of a reserved region. */
  offset(name: Name): number {
    return this.region(name).offset;
  }

  /** The region as float32s, in the given memory (which must be at least totalBytes long). */
  floats(memory: WebAssembly.Memory, name: Name): Float32Array {
    const { offset, bytes } = this.region(name);
    return new Float32Array(memory.buffer, offset, bytes >> 2);
  }

  /** The region as int32s, in the given memory. */
  ints(memory: WebAssembly.Memory, name: Name): Int32Array {
    const { offset, bytes } = this.region(name);
    return new Int32Array(memory.buffer, offset, bytes >> 2);
  }

  private region(name: Name): Region {
    const r = this.regions.get(name);
    if (r === undefined) throw new Error(`no memory region "${name}" was reserved`);
    return r;
  }
}
