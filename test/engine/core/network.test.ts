import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/core/network';
import { createRng } from '../../../src/engine/core/rng';
import { ACTIVATIONS, OUTPUTS } from '../../../src/engine/core/types';
import { refExampleCost } from '../reference';

describe('Network', () => {
  it('lays out every weight and bias in one Float32Array, per-layer views in order', () => {
    const net = new Network({ layers: [784, 30, 30, 10] });
    expect(net.params.length).toBe(784 * 30 + 30 + 30 * 30 + 30 + 30 * 10 + 10);
    expect(net.numHidden).toBe(2);
    expect(net.weights.map((w) => w.length)).toEqual([784 * 30, 900, 300]);
    expect(net.biases.map((b) => b.length)).toEqual([30, 30, 10]);
    for (const v of [...net.weights, ...net.biases]) expect(v.buffer).toBe(net.params.buffer);
    expect(net.biases[0].byteOffset).toBe(784 * 30 * 4);
    expect(net.weights[1].byteOffset).toBe((784 * 30 + 30) * 4);
    expect([net.activation, net.output, net.cost]).toEqual(['sigmoid', 'sigmoid', 'cross-entropy']);
  });

  it('weights[l][j·nIn + i] connects input i to neuron j', () => {
    const net = new Network({ layers: [3, 2], activation: 'relu' });
    net.weights[0][1 * 3 + 2] = 4; // input 2 → neuron 1
    const out = new Float32Array(2);
    net.feedforward(Float32Array.from([0, 0, 1]), out);
    expect(out[0]).toBeCloseTo(0.5, 7);
    expect(out[1]).toBeCloseTo(1 / (1 + Math.exp(-4)), 7);
  });

  it.each(ACTIVATIONS.flatMap((activation) => OUTPUTS.map((output) => ({ activation, output }))))(
    'feedforward matches the float64 reference ($activation, $output)',
    ({ activation, output }) => {
      const layers = [5, 4, 3];
      const net = new Network({ layers, activation, output, cost: 'quadratic' });
      net.initialize('default', createRng(2));
      const x = [0.1, 0.9, 0, 0.5, 1];
      const out = new Float32Array(3);
      net.feedforward(Float32Array.from(x), out);
      // The quadratic cost of label 0 pins down all outputs through ½Σ(a − y)²; compare it.
      const expected = refExampleCost({ layers, activation, output, cost: 'quadratic', params: Float64Array.from(net.params) }, x, 0);
      const actual = 0.5 * ((out[0] - 1) ** 2 + out[1] ** 2 + out[2] ** 2);
      expect(actual).toBeCloseTo(expected, 6);
      if (output === 'softmax') expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 6);
    },
  );

  it('rejects bad options with clear messages', () => {
    expect(() => new Network({ layers: [784, 0, 10] })).toThrow('layer 2 width 0 must be between 1 and 1000');
    // @ts-expect-error deliberately wrong name
    expect(() => new Network({ layers: [3, 2], activation: 'swish' })).toThrow('unknown activation "swish" (expected sigmoid, tanh, relu)');
    // @ts-expect-error deliberately wrong name
    expect(() => new Network({ layers: [3, 2], cost: 'hinge' })).toThrow('unknown cost "hinge"');
    const net = new Network({ layers: [3, 2] });
    expect(() => net.feedforward(new Float32Array(4), new Float32Array(2))).toThrow(
      'feedforward: input has 4 values, the network expects 3',
    );
  });
});
