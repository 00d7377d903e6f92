import { describe, expect, it } from 'vitest';
import { engineMessage, webAssemblyCompiles } from '../../src/worker/engineChoice';

describe('engine choice', () => {
  it('compiles WebAssembly where nothing forbids it (Node)', () => {
    expect(webAssemblyCompiles()).toBe(true);
  });

  it('tells a policy that blocks WebAssembly from a browser without SIMD', () => {
    expect(engineMessage(true, true)).toEqual({ type: 'engine', runId: 0, kernels: 'webassembly-simd', webAssemblyBlocked: false });
    expect(engineMessage(false, false)).toEqual({ type: 'engine', runId: 0, kernels: 'javascript', webAssemblyBlocked: true });
    expect(engineMessage(false, true)).toEqual({ type: 'engine', runId: 0, kernels: 'javascript', webAssemblyBlocked: false });
  });
});
