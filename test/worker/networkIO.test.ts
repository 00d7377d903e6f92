import { describe, expect, it } from 'vitest';
import { baseConfig, createHarness, ManualSource, ofType, syntheticSplit } from './harness';

function ready() {
  const source = new ManualSource(syntheticSplit());
  const h = createHarness(source.load);
  h.send({ type: 'configure', runId: 1, config: baseConfig({ layers: [784, 5, 4, 10] }) });
  source.deliverProbe();
  h.take();
  return h;
}

describe('the network in and out of the worker', () => {
  it('answers read-network with copies of every layer, row-major (n_out, n_in)', () => {
    const h = ready();
    h.send({ type: 'read-network', runId: 1, requestId: 7 });
    const [answer] = ofType(h.take(), 'network');
    expect(answer.requestId).toBe(7);
    expect(answer.sizes).toEqual([784, 5, 4, 10]);
    expect(answer.weights.map((w) => w.length)).toEqual([784 * 5, 5 * 4, 4 * 10]);
    expect(answer.biases.map((b) => b.length)).toEqual([5, 4, 10]);
    // Transferred copies: the worker can still answer again with the same numbers.
    h.send({ type: 'read-network', runId: 1, requestId: 8 });
    const [again] = ofType(h.take(), 'network');
    expect(Array.from(again.weights[1])).toEqual(Array.from(answer.weights[1]));
  });

  it('puts loaded weights in place, probes them, and a reset returns to them', () => {
    const h = ready();
    const weights = [new Float32Array(784 * 5).fill(0.01), new Float32Array(5 * 4).fill(-0.5), new Float32Array(4 * 10).fill(0.25)];
    const biases = [new Float32Array(5).fill(0.1), new Float32Array(4), new Float32Array(10).fill(-1)];
    h.send({ type: 'load-network', runId: 1, weights, biases });
    const after = h.take();
    expect(h.snapshots(after)).toHaveLength(1);
    h.send({ type: 'read-network', runId: 1, requestId: 1 });
    const [read] = ofType(h.take(), 'network');
    expect(Array.from(read.weights[1])).toEqual(Array.from(weights[1]));
    expect(Array.from(read.biases[2])).toEqual(Array.from(biases[2]));
    h.send({ type: 'reset', runId: 2 });
    h.send({ type: 'read-network', runId: 2, requestId: 2 });
    const [afterReset] = ofType(h.take(), 'network');
    expect(Array.from(afterReset.weights[0])).toEqual(Array.from(weights[0]));
  });

  it('loads weights sent before the probe images arrive once they do', () => {
    const source = new ManualSource(syntheticSplit());
    const h = createHarness(source.load);
    h.send({ type: 'configure', runId: 1, config: baseConfig({ layers: [784, 2, 10] }) });
    const weights = [new Float32Array(784 * 2).fill(0.5), new Float32Array(20).fill(0.5)];
    const biases = [new Float32Array(2), new Float32Array(10)];
    h.send({ type: 'load-network', runId: 1, weights, biases });
    source.deliverProbe();
    h.send({ type: 'read-network', runId: 1, requestId: 1 });
    const [read] = ofType(h.take(), 'network');
    expect(read.weights[0][100]).toBe(0.5);
  });

  it('refuses weights of the wrong shape or not finite, and keeps the network', () => {
    const h = ready();
    h.send({ type: 'load-network', runId: 1, weights: [new Float32Array(3)], biases: [new Float32Array(3)] });
    expect(ofType(h.take(), 'error')[0].message).toMatch(/the network has 3 layers of weights and biases/);
    const weights = [new Float32Array(784 * 5), new Float32Array(5 * 4), new Float32Array(4 * 10)];
    const biases = [new Float32Array(5), new Float32Array(4), new Float32Array(9)];
    h.send({ type: 'load-network', runId: 1, weights, biases });
    expect(ofType(h.take(), 'error')[0].message).toMatch(/layer 3 must have 40 weights and 10 biases/);
    biases[2] = new Float32Array(10);
    weights[1][3] = Number.NaN;
    h.send({ type: 'load-network', runId: 1, weights, biases });
    expect(ofType(h.take(), 'error')[0].message).toMatch(/layer 2 has a weight that is not finite/);
  });
});
