/**
 * Plumbing for everything that drives the built app in Chromium: the end-to-end walk
 * (test/e2e/lab.e2e.test.ts) and the page benchmarks (bench/page.bench.ts). It lives outside test/ and
 * bench/ so that neither has to reach into the other.
 *
 * The app is built once into a fresh temporary folder (never dist/, which someone may be previewing)
 * and served by `vite preview` on a free loopback port, so what we measure is what users download.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium; we never download a browser of our own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_MISSING_BANNER = [
  '',
  '*'.repeat(78),
  `E2E SKIPPED: Chromium not found at ${CHROMIUM_PATH} — apt-get install -y chromium`,
  '(under CI=true this is a failure, not a skip)',
  '*'.repeat(78),
  '',
].join('\n');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function runningInCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export interface BuiltApp {
  outDir: string;
  /** Removes the build folder. */
  dispose(): void;
}

/**
 * Production build through Vite's JS API. NODE_ENV is forced to "production" for the duration because
 * Vite takes React's mode from it, and the test runner sets it to "test" (which would ship React's
 * development build and its console warnings).
 */
export async function buildApp(): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'gradient-lab-build-'));
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
  return { outDir, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Serves a finished build on 127.0.0.1 and a port the OS picks. */
export async function serveApp(outDir: string): Promise<ServedApp> {
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not report a TCP address (got ${String(address)})`);
  }
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/**
 * Flags that keep a headless Chromium quiet and comparable between runs: no network chatter,
 * no GPU, and no throttling of timers or animation frames for a page nobody is looking at.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...extra });
}
