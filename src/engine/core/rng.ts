/**
 * Seeded randomness. Every random number the engine uses comes from an Rng passed in by the caller,
 * so a run is reproducible from its seed alone, in Node and in the browser alike.
 *
 * Generator: mulberry32 (Tommy Ettinger, public domain), a 32-bit state advanced by a Weyl step and
 * scrambled by two multiply-xorshift rounds. It uses only 32-bit integer arithmetic (Math.imul), so the
 * stream is bit-identical on every JavaScript engine.
 *
 * Normal deviates: Marsaglia's polar method (Marsaglia & Bray 1964). It needs only Math.log and Math.sqrt,
 * no trigonometry, and yields deviates in pairs; the second of each pair is kept for the next call.
 */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer on [0, 2³²). */
  uint32(): number;
}

const TWO_POW_32 = 4294967296;

class Mulberry32 implements Rng {
  private state: number;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`random seed must be a finite number, got ${seed}`);
    // Any finite seed is accepted; fractional seeds are truncated and folded to 32 bits.
    this.state = Math.trunc(seed) >>> 0;
  }

  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  uniform(): number {
    return this.uint32() / TWO_POW_32;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    // Rejection sampling of a point uniform in the unit disc (accepts π/4 ≈ 78.5% of the time).
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const scale = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * scale;
    this.hasSpare = true;
    return u * scale;
  }
}

/** A deterministic generator: the same seed gives the same stream everywhere. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** Fisher-Yates (Durstenfeld) shuffle in place: every permutation equally likely. */
export function shuffle(order: Uint32Array, rng: Rng): void {
  for (let i = order.length - 1; i > 0; i--) {
    // Scaling 32 random bits onto [0, i]; the bias is at most (i+1)/2³², negligible for 60k items.
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}
