/**
 * Which kernels this worker trains with, told to the page once at start-up, so that a page that runs at the
 * JavaScript engine's slower pace says why instead of leaving the reader to wonder.
 */
import { simdAvailable } from '../engine';
import { NO_RUN, type EngineMessage } from './protocol';

/** The smallest valid WebAssembly module: the magic number and version 1, nothing else. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Whether this context may compile WebAssembly at all. A Content-Security-Policy without 'wasm-unsafe-eval'
 * refuses even the empty module; a browser merely lacking SIMD compiles it.
 */
export function webAssemblyCompiles(): boolean {
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return true;
  } catch {
    return false;
  }
}

export function engineMessage(simd = simdAvailable(), compiles = webAssemblyCompiles()): EngineMessage {
  return { type: 'engine', runId: NO_RUN, kernels: simd ? 'webassembly-simd' : 'javascript', webAssemblyBlocked: !simd && !compiles };
}
