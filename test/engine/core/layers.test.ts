import { describe, expect, it } from 'vitest';
import { LayerSpecError, MNIST_LAYER_LIMITS, parseLayers, validateLayers } from '../../../src/engine/core/layers';

const MNIST = { input: 784, output: 10 };

describe('validateLayers / parseLayers', () => {
  it('accepts good lists and returns numbers', () => {
    expect(validateLayers([784, 30, 30, 10], MNIST)).toEqual([784, 30, 30, 10]);
    expect(validateLayers(['784', '30', '10'], MNIST)).toEqual([784, 30, 10]);
    expect(parseLayers(' 784, 30 ,30,30,30, 10 ', MNIST)).toEqual([784, 30, 30, 30, 30, 10]);
    expect(parseLayers('784,10', MNIST)).toEqual([784, 10]);
    expect(validateLayers([3, 2])).toEqual([3, 2]);
  });

  it.each([
    ['784,0,10', 'layer 2 width 0 must be between 1 and 1000'],
    ['784,30,-3,10', 'layer 3 width -3 must be between 1 and 1000'],
    ['784,abc,10', 'layer 2 width "abc" is not a whole number'],
    ['784,1.5,10', 'layer 2 width "1.5" is not a whole number'],
    ['784,100000,10', 'layer 2 width 100000 must be between 1 and 1000'],
    ['100,30,10', 'input layer must be 784 (MNIST has 28×28 pixels), got 100'],
    ['784,30,7', 'output layer must be 10 (digits 0-9), got 7'],
    ['784', 'a network needs at least 2 layers (input and output), got 1 ("784")'],
    ['', 'no layers given: write widths separated by commas, e.g. "784,30,10"'],
    ['784,,10', 'layer 2 width is empty in "784,,10"'],
    [`784,${'5,'.repeat(11)}10`, 'at most 10 hidden layers are allowed, got 11'],
  ])('"%s" → %s', (text, message) => {
    expect(() => parseLayers(text, MNIST)).toThrow(LayerSpecError);
    expect(() => parseLayers(text, MNIST)).toThrow(message);
  });

  it('reports numbers as numbers and other values by kind', () => {
    expect(() => validateLayers([784, 1.5, 10])).toThrow('layer 2 width 1.5 is not a whole number');
    expect(() => validateLayers([784, Number.NaN, 10])).toThrow('layer 2 width NaN is not a whole number');
    expect(() => validateLayers([784, null, 10])).toThrow('layer 2 width null is not a whole number');
    expect(() => validateLayers([0, 10])).toThrow('layer 1 (input) width 0 must be between 1 and 4096');
    expect(() => validateLayers([784, 30, 5000])).toThrow('layer 3 (output) width 5000 must be between 1 and 4096');
  });

  it('exports the limits it enforces', () => {
    expect(MNIST_LAYER_LIMITS).toEqual({ input: 784, output: 10, maxHiddenWidth: 1000, maxHiddenLayers: 10 });
    expect(validateLayers([784, ...Array(10).fill(1000), 10], MNIST)).toHaveLength(12);
  });
});
