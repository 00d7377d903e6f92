import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './build/csp.ts';
import { mnistFromNodeModules } from './build/mnist.ts';
import { serviceWorker } from './build/serviceWorker.ts';

export default defineConfig({
  plugins: [react(), mnistFromNodeModules(), contentSecurityPolicy(), serviceWorker()],
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
