/**
 * Parsing and validation of the IDX files MNIST ships in (LeCun's format: a big-endian header of 32-bit
 * integers, then raw unsigned bytes). Every check names the file and says what is wrong, because a
 * half-downloaded or hand-edited data file otherwise shows up much later as a mysteriously bad network.
 *
 * Images: magic 2051 (0x00000803: unsigned bytes, 3 dimensions), count, rows, cols, then count·rows·cols pixels.
 * Labels: magic 2049 (0x00000801: unsigned bytes, 1 dimension), count, then count labels.
 */

import { describeDataProblem, type Announced, type DataProblem, type IdxKind } from './problem.ts';

export const IMAGE_MAGIC = 2051;
export const LABEL_MAGIC = 2049;
export const IMAGE_HEADER_BYTES = 16;
export const LABEL_HEADER_BYTES = 8;
/** MNIST digits are 28×28; the networks' input layer (784) depends on it. */
export const IMAGE_ROWS = 28;
export const IMAGE_COLS = 28;
export const NUM_CLASSES = 10;

export type { Announced, DataProblem } from './problem';

/**
 * A data file (or URL) that cannot be used, with a message a user can act on: '<file>: <what is wrong>'.
 * `problem` says the same as data, so the page can word it in its own language.
 */
export class DataFileError extends Error {
  /** The file name or URL the problem is in. */
  readonly file: string;
  /** What is wrong, without the file name. */
  readonly problem: DataProblem;

  constructor(file: string, problem: DataProblem) {
    super(`${file}: ${describeDataProblem(problem)}`);
    this.name = 'DataFileError';
    this.file = file;
    this.problem = problem;
  }
}

function readUint32BE(bytes: Uint8Array, offset: number): number {
  // Multiplying instead of shifting keeps the top byte from turning the result negative.
  return bytes[offset] * 0x1000000 + ((bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]);
}

/** Does the file start like an HTML (or XML) document, after any byte-order mark and white space? */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
  if (bytes[i] !== 0x3c) return false; // '<'
  const next = bytes[i + 1];
  // '<!doctype', '<!--', '<?xml' or a tag name; an IDX file starts with two zero bytes, never with '<'.
  return next === 0x21 || next === 0x3f || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a);
}

/**
 * Names the usual wrong files in place of an IDX file before any number is read from them: an empty file, an
 * error page a web server sent instead (a wrong URL still "downloads"), and the .gz the files are published as.
 */
function checkNotForeign(bytes: Uint8Array, file: string, kind: IdxKind): void {
  if (bytes.length === 0) throw new DataFileError(file, { code: 'empty', kind });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new DataFileError(file, { code: 'gzip' });
  if (looksLikeMarkup(bytes)) throw new DataFileError(file, { code: 'html' });
}

function checkMagic(bytes: Uint8Array, file: string, expected: number, kind: IdxKind): void {
  const found = readUint32BE(bytes, 0);
  if (found === expected) return;
  const foundKind = found === IMAGE_MAGIC ? 'image' : found === LABEL_MAGIC ? 'label' : null;
  throw new DataFileError(file, { code: 'bad-magic', found, expected, kind, foundKind });
}

/** Validates the 16-byte image header alone (magic 2051, 28×28) and returns the announced count — used while streaming. */
export function readImageHeader(bytes: Uint8Array, file: string): { count: number; rows: number; cols: number } {
  // What the file is first: a wrong kind of file is a more useful thing to hear about than its length.
  checkNotForeign(bytes, file, 'image');
  if (bytes.length >= 4) checkMagic(bytes, file, IMAGE_MAGIC, 'image');
  if (bytes.length < IMAGE_HEADER_BYTES) {
    throw new DataFileError(file, { code: 'short-header', kind: 'image', headerBytes: IMAGE_HEADER_BYTES, actualBytes: bytes.length });
  }
  const count = readUint32BE(bytes, 4);
  const rows = readUint32BE(bytes, 8);
  const cols = readUint32BE(bytes, 12);
  if (rows !== IMAGE_ROWS || cols !== IMAGE_COLS) {
    throw new DataFileError(file, { code: 'image-size', rows, cols, expectedRows: IMAGE_ROWS, expectedCols: IMAGE_COLS });
  }
  return { count, rows, cols };
}

/**
 * Checks that a file holds exactly the bytes its header announces: fewer is a truncated download, more is a
 * corrupt or concatenated file. `announced` is the content, e.g. 60000 images of 28×28.
 */
export function checkByteLength(actual: number, file: string, expected: number, announced: Announced): void {
  if (actual < expected) throw new DataFileError(file, { code: 'too-short', announced, expectedBytes: expected, actualBytes: actual });
  if (actual > expected) throw new DataFileError(file, { code: 'too-long', announced, expectedBytes: expected, actualBytes: actual });
}

/** An image file's announced content, for the length checks. */
export function announcedImages(count: number, rows: number, cols: number): Announced {
  return { kind: 'images', count, rows, cols };
}

/** Parses an IDX image file. `pixels` is a view into `bytes` (no copy): image k is pixels[k·784 .. (k+1)·784). */
export function parseIdxImages(bytes: Uint8Array, file: string): { count: number; rows: number; cols: number; pixels: Uint8Array } {
  const { count, rows, cols } = readImageHeader(bytes, file);
  const pixelBytes = count * rows * cols;
  checkByteLength(bytes.length, file, IMAGE_HEADER_BYTES + pixelBytes, announcedImages(count, rows, cols));
  return { count, rows, cols, pixels: bytes.subarray(IMAGE_HEADER_BYTES, IMAGE_HEADER_BYTES + pixelBytes) };
}

/** Parses an IDX label file and checks every label is a digit 0-9. Returns a view into `bytes` (no copy). */
export function parseIdxLabels(bytes: Uint8Array, file: string): Uint8Array {
  checkNotForeign(bytes, file, 'label');
  if (bytes.length >= 4) checkMagic(bytes, file, LABEL_MAGIC, 'label');
  if (bytes.length < LABEL_HEADER_BYTES) {
    throw new DataFileError(file, { code: 'short-header', kind: 'label', headerBytes: LABEL_HEADER_BYTES, actualBytes: bytes.length });
  }
  const count = readUint32BE(bytes, 4);
  checkByteLength(bytes.length, file, LABEL_HEADER_BYTES + count, { kind: 'labels', count });
  const labels = bytes.subarray(LABEL_HEADER_BYTES, LABEL_HEADER_BYTES + count);
  for (let k = 0; k < labels.length; k++) {
    if (labels[k] >= NUM_CLASSES) {
      throw new DataFileError(file, { code: 'bad-label', label: labels[k], index: k });
    }
  }
  return labels;
}

/** An image file and its label file must describe the same examples, one label per image. */
export function checkCountsAgree(imageCount: number, imageFile: string, labelCount: number, labelFile: string): void {
  if (imageCount !== labelCount) {
    throw new DataFileError(labelFile, { code: 'count-mismatch', labelCount, imageFile, imageCount });
  }
}
