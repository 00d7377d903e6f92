/**
 * The hot loops, as plain functions over typed arrays so V8 keeps every call site monomorphic.
 *
 * They are register-blocked: each pass of an inner loop feeds several independent accumulators (8 or 4
 * neurons, or 4 examples) from one load of the shared operand. JavaScript has no SIMD, so what limits these
 * loops is the number of loads (each with its bounds check) per multiply-add; blocking cuts it from 2 to
 * about 1.1-1.25. When a block would run past the last row, the spare slots repeat the last row and their
 * results are dropped (or, for updates, their coefficient is 0).
 */

/**
 * out[k·nOut + j] = b[j] + Σ_p w[j·nIn + idx[p]]·val[p] over example k's non-zero inputs p ∈ [start[k], start[k+1]).
 * Neuron-major, so the few rows of W being used stay in L1 cache across the whole batch.
 */
export function sparseForward(
  w: Float32Array,
  b: Float32Array,
  nIn: number,
  nOut: number,
  m: number,
  start: Int32Array,
  idx: Int32Array,
  val: Float32Array,
  out: Float32Array,
): void {
  let j = 0;
  for (; j + 8 <= nOut; j += 8) {
    const r0 = j * nIn;
    const r1 = r0 + nIn;
    const r2 = r1 + nIn;
    const r3 = r2 + nIn;
    const r4 = r3 + nIn;
    const r5 = r4 + nIn;
    const r6 = r5 + nIn;
    const r7 = r6 + nIn;
    const b0 = b[j];
    const b1 = b[j + 1];
    const b2 = b[j + 2];
    const b3 = b[j + 3];
    const b4 = b[j + 4];
    const b5 = b[j + 5];
    const b6 = b[j + 6];
    const b7 = b[j + 7];
    for (let k = 0; k < m; k++) {
      let s0 = b0;
      let s1 = b1;
      let s2 = b2;
      let s3 = b3;
      let s4 = b4;
      let s5 = b5;
      let s6 = b6;
      let s7 = b7;
      const end = start[k + 1];
      for (let p = start[k]; p < end; p++) {
        const i = idx[p];
        const v = val[p];
        s0 += w[r0 + i] * v;
        s1 += w[r1 + i] * v;
        s2 += w[r2 + i] * v;
        s3 += w[r3 + i] * v;
        s4 += w[r4 + i] * v;
        s5 += w[r5 + i] * v;
        s6 += w[r6 + i] * v;
        s7 += w[r7 + i] * v;
      }
      const o = k * nOut + j;
      out[o] = s0;
      out[o + 1] = s1;
      out[o + 2] = s2;
      out[o + 3] = s3;
      out[o + 4] = s4;
      out[o + 5] = s5;
      out[o + 6] = s6;
      out[o + 7] = s7;
    }
  }
  for (; j < nOut; j += 4) {
    const last = nOut - 1;
    const r0 = j * nIn;
    const r1 = Math.min(j + 1, last) * nIn;
    const r2 = Math.min(j + 2, last) * nIn;
    const r3 = Math.min(j + 3, last) * nIn;
    const n = Math.min(4, nOut - j);
    for (let k = 0; k < m; k++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      const end = start[k + 1];
      for (let p = start[k]; p < end; p++) {
        const i = idx[p];
        const v = val[p];
        s0 += w[r0 + i] * v;
        s1 += w[r1 + i] * v;
        s2 += w[r2 + i] * v;
        s3 += w[r3 + i] * v;
      }
      const o = k * nOut + j;
      out[o] = s0 + b[j];
      if (n > 1) out[o + 1] = s1 + b[j + 1];
      if (n > 2) out[o + 2] = s2 + b[j + 2];
      if (n > 3) out[o + 3] = s3 + b[j + 3];
    }
  }
}

/**
 * target[j·nIn + idx[p]] += coef[k·nOut + j]·scale·val[p] for every example k and its non-zero inputs p:
 * the outer product δ(a⁰)ᵀ of eq. BP4, scattered straight into the weights (or velocities).
 */
export function sparseOuterAdd(
  target: Float32Array,
  nIn: number,
  nOut: number,
  m: number,
  start: Int32Array,
  idx: Int32Array,
  val: Float32Array,
  coef: Float32Array,
  scale: number,
): void {
  let j = 0;
  for (; j + 8 <= nOut; j += 8) {
    const r0 = j * nIn;
    const r1 = r0 + nIn;
    const r2 = r1 + nIn;
    const r3 = r2 + nIn;
    const r4 = r3 + nIn;
    const r5 = r4 + nIn;
    const r6 = r5 + nIn;
    const r7 = r6 + nIn;
    for (let k = 0; k < m; k++) {
      const o = k * nOut + j;
      const c0 = coef[o] * scale;
      const c1 = coef[o + 1] * scale;
      const c2 = coef[o + 2] * scale;
      const c3 = coef[o + 3] * scale;
      const c4 = coef[o + 4] * scale;
      const c5 = coef[o + 5] * scale;
      const c6 = coef[o + 6] * scale;
      const c7 = coef[o + 7] * scale;
      const end = start[k + 1];
      for (let p = start[k]; p < end; p++) {
        const i = idx[p];
        const v = val[p];
        target[r0 + i] += c0 * v;
        target[r1 + i] += c1 * v;
        target[r2 + i] += c2 * v;
        target[r3 + i] += c3 * v;
        target[r4 + i] += c4 * v;
        target[r5 + i] += c5 * v;
        target[r6 + i] += c6 * v;
        target[r7 + i] += c7 * v;
      }
    }
  }
  for (; j < nOut; j += 4) {
    const last = nOut - 1;
    const n = Math.min(4, nOut - j);
    const r0 = j * nIn;
    const r1 = Math.min(j + 1, last) * nIn;
    const r2 = Math.min(j + 2, last) * nIn;
    const r3 = Math.min(j + 3, last) * nIn;
    for (let k = 0; k < m; k++) {
      const o = k * nOut + j;
      // Spare slots repeat the last row with coefficient 0, so they add nothing.
      const c0 = coef[o] * scale;
      const c1 = n > 1 ? coef[o + 1] * scale : 0;
      const c2 = n > 2 ? coef[o + 2] * scale : 0;
      const c3 = n > 3 ? coef[o + 3] * scale : 0;
      const end = start[k + 1];
      for (let p = start[k]; p < end; p++) {
        const i = idx[p];
        const v = val[p];
        target[r0 + i] += c0 * v;
        target[r1 + i] += c1 * v;
        target[r2 + i] += c2 * v;
        target[r3 + i] += c3 * v;
      }
    }
  }
}

/** out[k·nOut + j] = b[j] + Σᵢ w[j·nIn + i]·x[k·nIn + i], four examples per pass over a row of W. */
export function denseForward(
  w: Float32Array,
  b: Float32Array,
  nIn: number,
  nOut: number,
  m: number,
  x: Float32Array,
  out: Float32Array,
): void {
  for (let k = 0; k < m; k += 4) {
    const n = Math.min(4, m - k);
    const x0 = k * nIn;
    const x1 = Math.min(k + 1, m - 1) * nIn;
    const x2 = Math.min(k + 2, m - 1) * nIn;
    const x3 = Math.min(k + 3, m - 1) * nIn;
    const o = k * nOut;
    for (let j = 0; j < nOut; j++) {
      const row = j * nIn;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < nIn; i++) {
        const wi = w[row + i];
        s0 += wi * x[x0 + i];
        s1 += wi * x[x1 + i];
        s2 += wi * x[x2 + i];
        s3 += wi * x[x3 + i];
      }
      const bj = b[j];
      out[o + j] = s0 + bj;
      if (n > 1) out[o + nOut + j] = s1 + bj;
      if (n > 2) out[o + 2 * nOut + j] = s2 + bj;
      if (n > 3) out[o + 3 * nOut + j] = s3 + bj;
    }
  }
}

/** d[k·n + i] = Σⱼ w[j·n + i]·dNext[k·nNext + j]: (Wᵀδ) of eq. BP2, four examples per pass over W. */
export function denseBackward(w: Float32Array, n: number, nNext: number, m: number, dNext: Float32Array, d: Float32Array): void {
  for (let k = 0; k < m; k += 4) {
    const cnt = Math.min(4, m - k);
    const e0 = k * nNext;
    const e1 = Math.min(k + 1, m - 1) * nNext;
    const e2 = Math.min(k + 2, m - 1) * nNext;
    const e3 = Math.min(k + 3, m - 1) * nNext;
    const o = k * n;
    for (let i = 0; i < n; i++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < nNext; j++) {
        const wji = w[j * n + i];
        s0 += wji * dNext[e0 + j];
        s1 += wji * dNext[e1 + j];
        s2 += wji * dNext[e2 + j];
        s3 += wji * dNext[e3 + j];
      }
      d[o + i] = s0;
      if (cnt > 1) d[o + n + i] = s1;
      if (cnt > 2) d[o + 2 * n + i] = s2;
      if (cnt > 3) d[o + 3 * n + i] = s3;
    }
  }
}

/**
 * SGD update of a dense layer's weights with the batch gradient gᵢⱼ = Σₖ d[k, j]·a[k, i] (eq. BP4):
 *   μ = 0:  w ← decay·w − rate·g
 *   μ > 0:  v ← μ·v − rate·g,  w ← decay·w + v
 * `dT` must hold d transposed, dT[j·m + k], so the sum over k reads it contiguously.
 */
export function denseUpdate(
  w: Float32Array,
  v: Float32Array,
  nIn: number,
  nOut: number,
  m: number,
  a: Float32Array,
  dT: Float32Array,
  rate: number,
  decay: number,
  mu: number,
): void {
  // 2 neurons × 2 inputs per pass over the batch: 4 loads feed 4 multiply-adds. At an odd edge the spare
  // slot repeats the last neuron or input and its result is not written.
  for (let j = 0; j < nOut; j += 2) {
    const hasJ1 = j + 1 < nOut;
    const j1 = hasJ1 ? j + 1 : j;
    const d0 = j * m;
    const d1 = j1 * m;
    const r0 = j * nIn;
    const r1 = j1 * nIn;
    for (let i = 0; i < nIn; i += 2) {
      const hasI1 = i + 1 < nIn;
      const i1 = hasI1 ? i + 1 : i;
      let g00 = 0;
      let g01 = 0;
      let g10 = 0;
      let g11 = 0;
      for (let k = 0; k < m; k++) {
        const ak = k * nIn;
        const a0 = a[ak + i];
        const a1 = a[ak + i1];
        const e0 = dT[d0 + k];
        const e1 = dT[d1 + k];
        g00 += e0 * a0;
        g01 += e0 * a1;
        g10 += e1 * a0;
        g11 += e1 * a1;
      }
      if (mu === 0) {
        w[r0 + i] = decay * w[r0 + i] - rate * g00;
        if (hasI1) w[r0 + i1] = decay * w[r0 + i1] - rate * g01;
        if (hasJ1) {
          w[r1 + i] = decay * w[r1 + i] - rate * g10;
          if (hasI1) w[r1 + i1] = decay * w[r1 + i1] - rate * g11;
        }
      } else {
        stepMomentum(w, v, r0 + i, g00, rate, decay, mu);
        if (hasI1) stepMomentum(w, v, r0 + i1, g01, rate, decay, mu);
        if (hasJ1) {
          stepMomentum(w, v, r1 + i, g10, rate, decay, mu);
          if (hasI1) stepMomentum(w, v, r1 + i1, g11, rate, decay, mu);
        }
      }
    }
  }
}

/** v ← μv − rate·g, w ← decay·w + v for one weight (small enough for V8 to inline). */
function stepMomentum(w: Float32Array, v: Float32Array, t: number, g: number, rate: number, decay: number, mu: number): void {
  v[t] = mu * v[t] - rate * g;
  w[t] = decay * w[t] + v[t];
}
