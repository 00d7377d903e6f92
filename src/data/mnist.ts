/**
 * MNIST as the chapter uses it: Nielsen's mnist_loader keeps the first 50,000 images of the official
 * training file for training, holds its last 10,000 back for validation (the accuracies the chapter quotes
 * are validation accuracies), and leaves the 10,000 official test images for the end.
 * Everything here is a view into the downloaded bytes; nothing is copied.
 */
import type { Samples } from '../engine';
import { checkCountsAgree, DataFileError, IMAGE_COLS, IMAGE_ROWS, parseIdxImages, parseIdxLabels } from './idx';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Sizes of the official files, used to estimate download progress before a server says how big a file is. */
export const MNIST_FILE_BYTES = {
  trainImages: 47_040_016,
  trainLabels: 60_008,
  testImages: 7_840_016,
  testLabels: 10_008,
} as const;

export const INPUT_SIZE = IMAGE_ROWS * IMAGE_COLS;
/** Examples held back from the end of the training file (mnist_loader: training_data[50000:]). */
export const VALIDATION_COUNT = 10_000;
/** The chapter's probe set: ‖δˡ‖ is averaged over the first 1000 training images (generate_gradient.py). */
export const PROBE_COUNT = 1000;

export interface MnistSplit {
  /** First 50,000 images of the training file. */
  training: Samples;
  /** Last 10,000 images of the training file: the accuracies the chapter reports. */
  validation: Samples;
  /** The 10,000 images of the test file. */
  test: Samples;
}

function view(pixels: Uint8Array, labels: Uint8Array, start: number, count: number): Samples {
  return {
    inputs: pixels.subarray(start * INPUT_SIZE, (start + count) * INPUT_SIZE),
    labels: labels.subarray(start, start + count),
    inputSize: INPUT_SIZE,
    count,
  };
}

/**
 * Nielsen's split: training = all but the last 10,000 examples of the training file (50,000 for MNIST),
 * validation = those last 10,000, test = the test file. Pixels and labels must already be validated
 * (one label per 784-byte image); the result is made of views into them.
 */
export function splitMnist(
  train: { pixels: Uint8Array; labels: Uint8Array },
  test: { pixels: Uint8Array; labels: Uint8Array },
): MnistSplit {
  const trainCount = train.labels.length;
  if (train.pixels.length !== trainCount * INPUT_SIZE) {
    throw new DataFileError(MNIST_FILES.trainImages, {
      code: 'pixel-bytes',
      pixelBytes: train.pixels.length,
      images: trainCount,
      imageBytes: INPUT_SIZE,
    });
  }
  if (test.pixels.length !== test.labels.length * INPUT_SIZE) {
    throw new DataFileError(MNIST_FILES.testImages, {
      code: 'pixel-bytes',
      pixelBytes: test.pixels.length,
      images: test.labels.length,
      imageBytes: INPUT_SIZE,
    });
  }
  if (trainCount <= VALIDATION_COUNT) {
    throw new DataFileError(MNIST_FILES.trainImages, { code: 'too-few-images', count: trainCount, heldBack: VALIDATION_COUNT });
  }
  const trainingCount = trainCount - VALIDATION_COUNT;
  return {
    training: view(train.pixels, train.labels, 0, trainingCount),
    validation: view(train.pixels, train.labels, trainingCount, VALIDATION_COUNT),
    test: view(test.pixels, test.labels, 0, test.labels.length),
  };
}

/** A view of the first `count` examples (all of them if there are fewer), e.g. the probe set of 1000. */
export function firstExamples(samples: Samples, count: number): Samples {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`example count must be a whole number ≥ 0, got ${count}`);
  }
  const n = Math.min(count, samples.count);
  return {
    inputs: samples.inputs.subarray(0, n * samples.inputSize),
    labels: samples.labels.subarray(0, n),
    inputSize: samples.inputSize,
    count: n,
  };
}

export type MnistFileKey = keyof typeof MNIST_FILES;

/**
 * Validates the four downloaded files and splits them. `names` is what error messages call each file
 * (the file name on disk, or its URL in the browser).
 */
export function parseMnistFiles(bytes: Record<MnistFileKey, Uint8Array>, names: Record<MnistFileKey, string> = MNIST_FILES): MnistSplit {
  const trainLabels = parseIdxLabels(bytes.trainLabels, names.trainLabels);
  const trainImages = parseIdxImages(bytes.trainImages, names.trainImages);
  checkCountsAgree(trainImages.count, names.trainImages, trainLabels.length, names.trainLabels);
  const testLabels = parseIdxLabels(bytes.testLabels, names.testLabels);
  const testImages = parseIdxImages(bytes.testImages, names.testImages);
  checkCountsAgree(testImages.count, names.testImages, testLabels.length, names.testLabels);
  if (trainImages.count <= VALIDATION_COUNT) {
    throw new DataFileError(names.trainImages, { code: 'too-few-images', count: trainImages.count, heldBack: VALIDATION_COUNT });
  }
  return splitMnist({ pixels: trainImages.pixels, labels: trainLabels }, { pixels: testImages.pixels, labels: testLabels });
}
