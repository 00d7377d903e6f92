import { describe, expect, it } from 'vitest';
import { checkCountsAgree, DataFileError, parseIdxImages, parseIdxLabels, readImageHeader } from '../../src/data/idx';

function header(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    view.setUint32(i * 4, v, false);
  });
  return bytes;
}

function imageFile(count: number, rows = 28, cols = 28, magic = 2051, extra = 0): Uint8Array {
  const head = header([magic, count, rows, cols]);
  const bytes = new Uint8Array(16 + count * rows * cols + extra);
  bytes.set(head);
  for (let i = 16; i < bytes.length; i++) bytes[i] = i % 256;
  return bytes;
}

function labelFile(labels: number[], magic = 2049): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  bytes.set(header([magic, labels.length]));
  bytes.set(labels, 8);
  return bytes;
}

function errorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}

describe('parseIdxImages', () => {
  it('reads the header and returns the pixels as a view, not a copy', () => {
    const bytes = imageFile(3);
    const parsed = parseIdxImages(bytes, 'imgs');
    expect(parsed).toMatchObject({ count: 3, rows: 28, cols: 28 });
    expect(parsed.pixels.length).toBe(3 * 784);
    expect(parsed.pixels.buffer).toBe(bytes.buffer);
    expect(parsed.pixels[0]).toBe(16);
    bytes[16] = 99;
    expect(parsed.pixels[0]).toBe(99);
  });

  it('rejects a label file given as images by its magic number', () => {
    const err = errorOf(() => parseIdxImages(labelFile([1, 2]), 'train-images-idx3-ubyte'));
    expect(err.file).toBe('train-images-idx3-ubyte');
    expect(err.message).toBe(
      'train-images-idx3-ubyte: magic number is 0x00000801 (that is a label file), expected 0x00000803 for an IDX image file',
    );
  });

  it('rejects an unknown magic number, shown in hex as the format defines it', () => {
    expect(() => parseIdxImages(imageFile(1, 28, 28, 0x12345678), 'x')).toThrow(
      'x: magic number is 0x12345678, expected 0x00000803 for an IDX image file',
    );
  });

  it('says what the bytes are when they are an HTML page, a gzip file or nothing at all', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    // What a web server's error page or an app's fallback page looks like when saved under the file's name.
    const page = text('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body></body></html>\n');
    const html = 'looks like an HTML page, not an IDX file — was an error page saved in its place?';
    expect(errorOf(() => parseIdxImages(page, 'imgs')).message).toBe(`imgs: ${html}`);
    expect(errorOf(() => parseIdxLabels(page, 'labs')).message).toBe(`labs: ${html}`);
    expect(errorOf(() => parseIdxLabels(text('\ufeff\n  <html lang="en">'), 'labs')).message).toBe(`labs: ${html}`);
    // The header of train-labels-idx1-ubyte.gz as published: 1f 8b, deflate, a stored file name.
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x08, 0x6e, 0x2a, 0x5e, 0x4a, 0x00, 0x03, 0x74, 0x72, 0x61, 0x69, 0x6e, 0x2d, 0x6c]);
    const gz = 'is gzip-compressed (it starts with 1f 8b); decompress it first';
    expect(errorOf(() => parseIdxImages(gzip, 'imgs')).message).toBe(`imgs: ${gz}`);
    expect(errorOf(() => parseIdxLabels(gzip, 'labs')).message).toBe(`labs: ${gz}`);
    expect(errorOf(() => parseIdxImages(new Uint8Array(0), 'imgs')).message).toBe('imgs: is empty (0 bytes), expected an IDX image file');
    expect(errorOf(() => parseIdxLabels(new Uint8Array(0), 'labs')).message).toBe('labs: is empty (0 bytes), expected an IDX label file');
    // A '<' further in is just a pixel or a count, not markup.
    expect(parseIdxImages(imageFile(1, 28, 28, 2051), 'imgs').count).toBe(1);
  });

  it('rejects images that are not 28×28', () => {
    expect(() => parseIdxImages(imageFile(2, 32, 32), 'imgs')).toThrow('imgs: images are 32×32, expected 28×28 (MNIST)');
  });

  it('rejects a file shorter than its header', () => {
    expect(() => parseIdxImages(imageFile(1).subarray(0, 10), 'imgs')).toThrow(
      'imgs: truncated: an image file starts with a 16-byte header, but it has only 10 bytes',
    );
  });

  it('rejects a truncated file, saying how much is missing', () => {
    const bytes = imageFile(2).subarray(0, 16 + 784 + 5);
    expect(() => parseIdxImages(bytes, 'imgs')).toThrow(
      'imgs: truncated: the header announces 2 images of 28×28 (1584 bytes), but the file has only 805 bytes',
    );
  });

  it('rejects trailing bytes instead of ignoring them', () => {
    expect(() => parseIdxImages(imageFile(2, 28, 28, 2051, 3), 'imgs')).toThrow(
      'imgs: 3 trailing bytes after the 2 images of 28×28 the header announces (expected 1584 bytes, found 1587)',
    );
  });

  it('readImageHeader validates the header alone and returns the announced count', () => {
    expect(readImageHeader(imageFile(5).subarray(0, 16), 'imgs')).toEqual({ count: 5, rows: 28, cols: 28 });
    expect(() => readImageHeader(imageFile(5, 28, 27).subarray(0, 16), 'imgs')).toThrow('images are 28×27');
  });
});

describe('parseIdxLabels', () => {
  it('returns the labels as a view', () => {
    const bytes = labelFile([5, 0, 4, 1, 9]);
    const labels = parseIdxLabels(bytes, 'labs');
    expect(Array.from(labels)).toEqual([5, 0, 4, 1, 9]);
    expect(labels.buffer).toBe(bytes.buffer);
  });

  it('names a label that is not a digit and where it is', () => {
    const labels = new Array<number>(40).fill(3);
    labels[37] = 12;
    expect(() => parseIdxLabels(labelFile(labels), 'train-labels-idx1-ubyte')).toThrow(
      'train-labels-idx1-ubyte: label 12 at index 37 is not a digit 0-9',
    );
  });

  it('rejects image files, truncation and trailing bytes', () => {
    expect(() => parseIdxLabels(imageFile(1), 'labs')).toThrow(
      'labs: magic number is 0x00000803 (that is an image file), expected 0x00000801 for an IDX label file',
    );
    expect(() => parseIdxLabels(labelFile([1, 2, 3]).subarray(0, 10), 'labs')).toThrow(
      'labs: truncated: the header announces 3 labels (11 bytes), but the file has only 10 bytes',
    );
    const long = new Uint8Array(12);
    long.set(labelFile([1, 2, 3]));
    expect(() => parseIdxLabels(long, 'labs')).toThrow('labs: 1 trailing byte after the 3 labels');
    expect(() => parseIdxLabels(labelFile([1]).subarray(0, 6), 'labs')).toThrow(
      'labs: truncated: a label file starts with an 8-byte header, but it has only 6 bytes',
    );
    expect(() => parseIdxLabels(new Uint8Array(2), 'labs')).toThrow('labs: truncated');
  });
});

describe('checkCountsAgree', () => {
  it('names the label file and both counts', () => {
    expect(() => checkCountsAgree(3, 'imgs', 4, 'labs')).toThrow(
      'labs: holds 4 labels but imgs holds 3 images; they must match one to one',
    );
    expect(() => checkCountsAgree(3, 'imgs', 3, 'labs')).not.toThrow();
  });
});
