import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/idx';
import { MNIST_FILES } from '../../src/data/mnist';
import { defaultMnistDir, loadMnist } from '../../src/data/node';

const realDir = defaultMnistDir();
const folders: string[] = [];

/** A folder with the four real files, linked rather than copied so only the corrupted one costs disk. */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-'));
  folders.push(dir);
  for (const name of Object.values(MNIST_FILES)) symlinkSync(join(realDir, name), join(dir, name));
  return dir;
}

/** Replaces one file of the folder by a modified copy of the real one. */
function corrupt(dir: string, name: string, change: (bytes: Uint8Array) => Uint8Array): void {
  const bytes = new Uint8Array(readFileSync(join(realDir, name)));
  rmSync(join(dir, name));
  writeFileSync(join(dir, name), change(bytes));
}

function loadError(dir: string): DataFileError {
  try {
    loadMnist(dir);
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected loadMnist to fail');
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadMnist on the real files', () => {
  it('parses 60,000 training and 10,000 test images into the 50k/10k/10k split', () => {
    const split = loadMnist();
    expect(split.training.count).toBe(50_000);
    expect(split.validation.count).toBe(10_000);
    expect(split.test.count).toBe(10_000);
    expect(split.training.labels[0]).toBe(5);
    expect(Array.from(split.training.labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
    expect(split.test.labels[0]).toBe(7);
    expect(split.training.inputs.length).toBe(50_000 * 784);
    // The first training digit is a 5 with ink in the middle and a blank border.
    expect(split.training.inputs[0]).toBe(0);
    expect(Math.max(...split.training.inputs.subarray(0, 784))).toBe(255);
    // Validation continues where training stops: one buffer, no copy.
    expect(split.validation.inputs.buffer).toBe(split.training.inputs.buffer);
    expect(split.validation.inputs.byteOffset).toBe(split.training.inputs.byteOffset + 50_000 * 784);
  });
});

describe('loadMnist on broken folders', () => {
  it('names the missing file and the folder', () => {
    const dir = dataFolder();
    rmSync(join(dir, MNIST_FILES.testImages));
    const err = loadError(dir);
    expect(err.file).toBe('t10k-images-idx3-ubyte');
    expect(err.message).toBe(`t10k-images-idx3-ubyte: not found in ${dir}`);
  });

  it('bad magic number', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.testImages, (b) => {
      b[3] = 0x01;
      return b;
    });
    expect(loadError(dir).message).toBe(
      't10k-images-idx3-ubyte: magic number is 0x00000801 (that is a label file), expected 0x00000803 for an IDX image file',
    );
  });

  it('an HTML page or a gzip file saved under the name of an IDX file, or an empty one', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.trainLabels, () => new TextEncoder().encode('<!DOCTYPE html>\n<html><body>Not Found</body></html>\n'));
    expect(loadError(dir).message).toBe(
      'train-labels-idx1-ubyte: looks like an HTML page, not an IDX file — was an error page saved in its place?',
    );
    corrupt(dir, MNIST_FILES.trainLabels, (b) => b);
    corrupt(dir, MNIST_FILES.trainImages, () => new Uint8Array([0x1f, 0x8b, 0x08, 0x08, 0x6e, 0x2a, 0x5e, 0x4a, 0x00, 0x03]));
    expect(loadError(dir).message).toBe('train-images-idx3-ubyte: is gzip-compressed (it starts with 1f 8b); decompress it first');
    corrupt(dir, MNIST_FILES.trainImages, (b) => b);
    corrupt(dir, MNIST_FILES.testLabels, () => new Uint8Array(0));
    expect(loadError(dir).message).toBe('t10k-labels-idx1-ubyte: is empty (0 bytes), expected an IDX label file');
  });

  it('wrong dimensions', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.testImages, (b) => {
      b[11] = 27;
      return b;
    });
    expect(loadError(dir).message).toBe('t10k-images-idx3-ubyte: images are 27×28, expected 28×28 (MNIST)');
  });

  it('truncated file', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.testImages, (b) => b.subarray(0, b.length - 1000));
    expect(loadError(dir).message).toBe(
      't10k-images-idx3-ubyte: truncated: the header announces 10000 images of 28×28 (7840016 bytes), but the file has only 7839016 bytes',
    );
  });

  it('trailing bytes', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.trainLabels, (b) => {
      const longer = new Uint8Array(b.length + 2);
      longer.set(b);
      return longer;
    });
    expect(loadError(dir).message).toBe(
      'train-labels-idx1-ubyte: 2 trailing bytes after the 60000 labels the header announces (expected 60008 bytes, found 60010)',
    );
  });

  it('image and label counts disagree', () => {
    const dir = dataFolder();
    // A label file that consistently announces and holds one label fewer.
    corrupt(dir, MNIST_FILES.testLabels, (b) => {
      const shorter = b.slice(0, b.length - 1);
      new DataView(shorter.buffer).setUint32(4, 9999, false);
      return shorter;
    });
    expect(loadError(dir).message).toBe(
      't10k-labels-idx1-ubyte: holds 9999 labels but t10k-images-idx3-ubyte holds 10000 images; they must match one to one',
    );
  });

  it('a label that is not a digit', () => {
    const dir = dataFolder();
    corrupt(dir, MNIST_FILES.trainLabels, (b) => {
      b[8 + 37] = 10;
      return b;
    });
    const err = loadError(dir);
    expect(err.file).toBe('train-labels-idx1-ubyte');
    expect(err.message).toBe('train-labels-idx1-ubyte: label 10 at index 37 is not a digit 0-9');
  });

  it('a file swapped for another', () => {
    const dir = dataFolder();
    rmSync(join(dir, MNIST_FILES.trainLabels));
    copyFileSync(join(realDir, MNIST_FILES.testLabels), join(dir, MNIST_FILES.trainLabels));
    expect(loadError(dir).message).toBe(
      'train-labels-idx1-ubyte: holds 10000 labels but train-images-idx3-ubyte holds 60000 images; they must match one to one',
    );
  });
});
