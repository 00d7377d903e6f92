import { describe, expect, it } from 'vitest';
import {
  float32Text,
  MAX_NETWORK_FILE_MB,
  NetworkFileError,
  networkToJson,
  parseNetwork,
  type NetworkWeights,
} from '../../src/export/network2';
import { createRng } from '../../src/engine';

/** A [784, 3, 10] network with seeded weights of all magnitudes, including float32's awkward ones. */
function smallNetwork(): NetworkWeights {
  const rng = createRng(7);
  const sizes = [784, 3, 10];
  const weights = [new Float32Array(3 * 784), new Float32Array(10 * 3)];
  const biases = [new Float32Array(3), new Float32Array(10)];
  for (const a of [...weights, ...biases])
    for (let i = 0; i < a.length; i++) a[i] = rng.normal() * 10 ** Math.round(rng.uniform() * 12 - 8);
  weights[0][0] = 0;
  weights[0][1] = 1e-30;
  weights[0][2] = -3.4e38;
  return { sizes, weights, biases, cost: 'CrossEntropyCost' };
}

describe("network2.py's save() format", () => {
  it('writes sizes, weights as rows (n_out, n_in), biases as columns (n_out, 1) and the cost name', () => {
    const net = smallNetwork();
    const data = JSON.parse(networkToJson(net));
    expect(Object.keys(data).sort()).toEqual(['biases', 'cost', 'sizes', 'weights']);
    expect(data.sizes).toEqual([784, 3, 10]);
    expect(data.cost).toBe('CrossEntropyCost');
    expect(data.weights[0]).toHaveLength(3);
    expect(data.weights[0][0]).toHaveLength(784);
    expect(data.weights[1]).toHaveLength(10);
    expect(data.weights[1][9]).toHaveLength(3);
    // Row j holds the weights into neuron j: w[j * nIn + i].
    expect(Math.fround(data.weights[1][4][2])).toBe(net.weights[1][4 * 3 + 2]);
    expect(data.biases[1]).toHaveLength(10);
    expect(data.biases[1][7]).toHaveLength(1);
    expect(Math.fround(data.biases[1][7][0])).toBe(net.biases[1][7]);
  });

  it('round-trips every weight and bias bit for bit', () => {
    const net = smallNetwork();
    const back = parseNetwork(JSON.parse(networkToJson(net)));
    expect(back.sizes).toEqual(net.sizes);
    expect(back.cost).toBe(net.cost);
    for (let l = 0; l < 2; l++) {
      expect(Array.from(back.weights[l])).toEqual(Array.from(net.weights[l]));
      expect(Array.from(back.biases[l])).toEqual(Array.from(net.biases[l]));
    }
  });

  it('writes each float32 in the fewest digits that read back as the same float32', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(0.5)).toBe('0.5');
    const awkward = Math.fround(1 / 3);
    expect(Math.fround(Number(float32Text(awkward)))).toBe(awkward);
    expect(float32Text(awkward).replace(/^0\.|-/g, '').length).toBeLessThanOrEqual(9);
    expect(() => float32Text(Number.NaN)).toThrow(/not finite/);
  });

  it('reads a bias column written as plain numbers, as some hand-made files do', () => {
    const data = JSON.parse(networkToJson(smallNetwork()));
    data.biases[0] = data.biases[0].map((b: number[]) => b[0]);
    expect(parseNetwork(data).biases[0]).toHaveLength(3);
  });

  it('reads a QuadraticCost network', () => {
    const data = JSON.parse(networkToJson({ ...smallNetwork(), cost: 'QuadraticCost' }));
    expect(parseNetwork(data).cost).toBe('QuadraticCost');
  });
});

describe('a wrong or corrupt network file gets a specific error', () => {
  const good = () => JSON.parse(networkToJson(smallNetwork()));
  const refuse = (data: unknown, message: RegExp) => {
    let caught: unknown;
    try {
      parseNetwork(data);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NetworkFileError);
    expect((caught as Error).message).toMatch(message);
  };

  it('not an object', () => refuse([1, 2], /JSON object with sizes, weights, biases and cost, got a list/));
  it('a missing key', () => {
    const data = good();
    delete data.biases;
    refuse(data, /"biases" is missing/);
  });
  it('sizes not a list', () => refuse({ ...good(), sizes: '784,30,10' }, /"sizes" must be a list/));
  it('a size that is not a whole number', () => refuse({ ...good(), sizes: [784, 2.5, 10] }, /sizes\[1\] must be a whole number/));
  it('input ≠ 784', () => refuse({ ...good(), sizes: [100, 3, 10] }, /input layer has 100 neurons; MNIST images have 784 pixels/));
  it('output ≠ 10', () => refuse({ ...good(), sizes: [784, 3, 9] }, /output layer has 9 neurons; MNIST has 10 digits/));
  it('no hidden layer', () => refuse({ ...good(), sizes: [784, 10] }, /no hidden layer/));
  it('too deep', () => refuse({ ...good(), sizes: [784, ...Array(11).fill(5), 10] }, /too big for the lab: at most 10 hidden layers/));
  it('too wide', () => refuse({ ...good(), sizes: [784, 5000, 10] }, /too big for the lab: .*between 1 and 1000/));
  it('an unknown cost', () => refuse({ ...good(), cost: 'LogLikelihoodCost' }, /"cost" must be "CrossEntropyCost" or "QuadraticCost"/));
  it('sizes inconsistent with the number of matrices', () =>
    refuse({ ...good(), sizes: [784, 3, 3, 10] }, /"weights" must hold 3 matrices for sizes \[784, 3, 3, 10\], got 2/));
  it('a weight matrix with the wrong number of rows', () => {
    const data = good();
    data.weights[1].pop();
    refuse(data, /weights\[1\] must have 10 rows/);
  });
  it('a row of the wrong length', () => {
    const data = good();
    data.weights[0][2].push(0);
    refuse(data, /weights\[0\]\[2\] must be a list of 784 numbers, got 785/);
  });
  it('a bias column of the wrong shape', () => {
    const data = good();
    data.biases[1][3] = [1, 2];
    refuse(data, /biases\[1\]\[3\] must be a list of 1 number, got 2/);
  });
  it('a string where a number belongs', () => {
    const data = good();
    data.weights[1][0][1] = '0.5';
    refuse(data, /weights\[1\]\[0\]\[1\] is not a number: the text "0.5"/);
  });
  it('null where a number belongs', () => {
    const data = good();
    data.biases[0][0] = [null];
    refuse(data, /biases\[0\]\[0\] is not a number: null/);
  });
  it('a number beyond 32-bit floats', () => {
    const data = good();
    data.weights[0][0][0] = 1e39;
    refuse(data, /weights\[0\]\[0\]\[0\] = 1e\+39 is too large for the lab's 32-bit numbers/);
  });
  it('a number JSON reads as infinite', () => {
    const data = JSON.parse(
      networkToJson(smallNetwork()).replace(
        /^\{"sizes": \[784, 3, 10\], "weights": \[\[\[[^,]+/,
        '{"sizes": [784, 3, 10], "weights": [[[1e400',
      ),
    );
    refuse(data, /weights\[0\]\[0\]\[0\] is not a number: Infinity/);
  });
  it('has a size limit worth stating', () => expect(MAX_NETWORK_FILE_MB).toBeGreaterThan(100));
});
