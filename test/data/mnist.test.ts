import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/idx';
import { firstExamples, PROBE_COUNT, splitMnist } from '../../src/data/mnist';

function fakeSet(count: number): { pixels: Uint8Array; labels: Uint8Array } {
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    pixels[k * 784] = k % 251; // first pixel tags the example
    labels[k] = k % 10;
  }
  return { pixels, labels };
}

describe('splitMnist', () => {
  it("keeps Nielsen's split: first 50,000 train, last 10,000 validation, the test file as test", () => {
    const train = fakeSet(60_000);
    const test = fakeSet(10_000);
    const split = splitMnist(train, test);
    expect(split.training.count).toBe(50_000);
    expect(split.validation.count).toBe(10_000);
    expect(split.test.count).toBe(10_000);
    expect(split.training.inputSize).toBe(784);
    expect(split.validation.inputs[0]).toBe(50_000 % 251);
    expect(split.validation.labels[0]).toBe(0);
    expect(split.validation.labels[1]).toBe(1);
    expect(split.training.inputs.length).toBe(50_000 * 784);
  });

  it('makes views, not copies', () => {
    const train = fakeSet(12_000);
    const test = fakeSet(5);
    const split = splitMnist(train, test);
    expect(split.training.inputs.buffer).toBe(train.pixels.buffer);
    expect(split.validation.labels.buffer).toBe(train.labels.buffer);
    expect(split.test.inputs.buffer).toBe(test.pixels.buffer);
    train.pixels[2_000 * 784] = 200;
    expect(split.validation.inputs[0]).toBe(200);
  });

  it('refuses a training file too small to hold back 10,000 validation images', () => {
    expect(() => splitMnist(fakeSet(10_000), fakeSet(1))).toThrow(DataFileError);
    expect(() => splitMnist(fakeSet(10_000), fakeSet(1))).toThrow('holds 10000 images, but the split needs more than 10000');
  });
});

describe('firstExamples', () => {
  it('is a view of the first examples, and clamps to what exists', () => {
    const set = splitMnist(fakeSet(11_000), fakeSet(2)).training;
    const probe = firstExamples(set, PROBE_COUNT);
    expect(probe.count).toBe(1000);
    expect(probe.inputs.length).toBe(1000 * 784);
    expect(probe.inputs.buffer).toBe(set.inputs.buffer);
    expect(Array.from(probe.labels.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(firstExamples(set, 5000).count).toBe(1000);
    expect(() => firstExamples(set, -1)).toThrow('example count must be a whole number');
  });
});
