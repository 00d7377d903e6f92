/**
 * Plumbing for everything that drives the built app in Chromium: the end-to-end walk
 * (test/e2e/lab.e2e.test.ts) and the page benchmarks (bench/page.bench.ts). It lives outside test/ and
 * bench/ so that neither has to reach into the other.
 *
 * The app is built once into a fresh temporary folder (never dist/, which someone may be previewing)
 * and served by `vite preview` on a free loopback port, so what we measure is what users download.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

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

/**
 * The gate every end-to-end suite opens with: true (skip the suite) only where Chromium is missing outside CI,
 * and then said loudly. Under CI a missing Chromium is not skipped: the suite's set-up fails (requireChromium).
 */
export function skipWithoutChromium(): boolean {
  const skip = !chromiumAvailable() && !runningInCi();
  if (skip) console.warn(CHROMIUM_MISSING_BANNER);
  return skip;
}

/** Fails a suite's set-up where Chromium is missing; only CI gets here without it, and it must fail. */
export function requireChromium(): void {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; CI needs it for the end-to-end tests (apt-get install -y chromium)`);
  }
}

export interface BuiltApp {
  outDir: string;
  /** Removes the build folder. */
  dispose(): void;
}

/**
 * Names a folder that every test file of one run shares for its build (set by test/support/sharedBuild.ts).
 * Several end-to-end files each need the production build; building it once per run instead of once per
 * file keeps the suite's time flat as walks are added.
 */
export const SHARED_BUILD_ENV = 'GRADIENT_LAB_SHARED_BUILD';

/**
 * The production build. Inside a test run that set SHARED_BUILD_ENV, the first caller builds into the
 * shared folder and later callers (in other test processes) wait for it and reuse it; disposing it is then
 * the run's job, not the caller's. Anywhere else (scripts, benchmarks) every call builds afresh.
 */
export async function buildApp(): Promise<BuiltApp> {
  const shared = process.env[SHARED_BUILD_ENV];
  if (shared) return sharedBuild(shared);
  const outDir = mkdtempSync(join(tmpdir(), 'gradient-lab-build-'));
  try {
    await buildInto(outDir);
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
  return { outDir, dispose: () => rmSync(outDir, { recursive: true, force: true }) };
}

const SHARED_BUILD_WAIT_MS = 300_000;

/**
 * mkdir is atomic, so exactly one process wins the lock and builds; the others poll for the marker it
 * writes when done (or the failure it records, so a broken build fails every file with the same error).
 */
async function sharedBuild(root: string): Promise<BuiltApp> {
  const outDir = join(root, 'dist');
  const lock = join(root, 'building');
  const done = join(root, 'done');
  const failed = join(root, 'failed');
  mkdirSync(root, { recursive: true });
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Somebody else is building.
  }
  if (mine) {
    try {
      await buildInto(outDir);
      writeFileSync(done, '');
    } catch (err) {
      writeFileSync(failed, err instanceof Error ? (err.stack ?? err.message) : String(err));
      throw err;
    }
  } else {
    const deadline = Date.now() + SHARED_BUILD_WAIT_MS;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`the shared build failed:\n${readFileSync(failed, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the shared build in ${root} did not finish within ${SHARED_BUILD_WAIT_MS / 1000} s`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  }
  return { outDir, dispose: () => {} };
}

/**
 * Production build through Vite's JS API. NODE_ENV is forced to "production" for the duration because
 * Vite takes React's mode from it, and the test runner sets it to "test" (which would ship React's
 * development build and its console warnings).
 */
async function buildInto(outDir: string): Promise<void> {
  const previousNodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, reportCompressedSize: false },
    });
  } finally {
    if (previousNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousNodeEnv;
  }
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

/** What an end-to-end suite sets up once: the production build, served, and a Chromium to open it in. */
export interface LabSession {
  built: BuiltApp;
  served: ServedApp;
  browser: Browser;
}

/** Builds, serves and launches for a suite's beforeAll; whatever started is torn down again if a later part fails. */
export async function startLab(): Promise<LabSession> {
  requireChromium();
  const started: Partial<LabSession> = {};
  try {
    started.built = await buildApp();
    started.served = await serveApp(started.built.outDir);
    started.browser = await launchChromium();
    return started as LabSession;
  } catch (error) {
    await stopLab(started);
    throw error;
  }
}

/** Tears down what startLab (or a suite by hand) set up, whatever part of it started. */
export async function stopLab(lab: Partial<LabSession>): Promise<void> {
  await lab.browser?.close();
  await lab.served?.close();
  lab.built?.dispose();
}

/**
 * Collects what a page reports going wrong into `errors`: uncaught exceptions, console errors and a crash,
 * each named for what it was, and for `where` when a walk has several pages.
 */
export function collectPageErrors(page: Page, errors: string[], where = ''): void {
  const at = where === '' ? '' : ` (${where})`;
  page.on('pageerror', (err) => errors.push(`uncaught${at}: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error${at}: ${msg.text()}`);
  });
  page.on('crash', () => errors.push(`the page crashed${at}`));
}
