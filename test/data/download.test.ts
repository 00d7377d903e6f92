import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Samples } from '../../src/engine';
import { loadMnistInBrowser, type LoadProgress } from '../../src/data/browser';
import { DEFAULT_STALL_TIMEOUT_MS, DownloadStalledError, openDownload } from '../../src/data/download';
import { DataFileError } from '../../src/data/idx';
import { MNIST_FILES } from '../../src/data/mnist';
import { defaultMnistDir } from '../../src/data/node';

const dir = defaultMnistDir();
const rawFiles = new Map<string, Uint8Array>(
  Object.values(MNIST_FILES).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]),
);
const gzipFiles = new Map<string, Uint8Array>([...rawFiles].map(([name, bytes]) => [`${name}.gz`, new Uint8Array(gzipSync(bytes))]));

interface Route {
  body: Uint8Array;
  headers?: Record<string, string>;
  /** Send this many bytes, then nothing more, ever (the connection stays open). */
  stallAfter?: number;
  /** Never answer the request at all. */
  neverAnswer?: boolean;
}

interface Server {
  fetch: typeof fetch;
  requested: string[];
  /** The signal of every request, so a test can see the transfer was stopped. */
  signals: AbortSignal[];
}

/** A fetch over `routes` (by file name) that streams in 64 kB chunks; anything not routed is a 404. */
function server(routes: Record<string, Route>): Server {
  const requested: string[] = [];
  const signals: AbortSignal[] = [];
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    requested.push(url);
    if (init?.signal) signals.push(init.signal);
    const route = routes[url.slice(url.lastIndexOf('/') + 1)];
    if (!route) return Promise.resolve(new Response('not here', { status: 404, statusText: 'Not Found' }));
    if (route.neverAnswer) return new Promise<Response>(() => undefined);
    const end = route.stallAfter ?? route.body.length;
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= end) {
          // A stalled server: the pull never completes, so no chunk and no end ever arrive.
          if (route.stallAfter !== undefined) return new Promise<void>(() => undefined);
          controller.close();
          return;
        }
        const next = Math.min(offset + 64 * 1024, end);
        controller.enqueue(route.body.slice(offset, next));
        offset = next;
      },
    });
    const headers = new Headers({ 'Content-Length': String(route.body.length), ...route.headers });
    return Promise.resolve(new Response(stream, { status: 200, headers }));
  };
  return { fetch: fetchFn as typeof fetch, requested, signals };
}

function routesFrom(files: Map<string, Uint8Array>, overrides: Record<string, Partial<Route>> = {}): Record<string, Route> {
  const out: Record<string, Route> = {};
  for (const [name, body] of files) out[name] = { body, ...overrides[name] };
  return out;
}

/** Whether `promise` has settled, without waiting for it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('loading the gzip copies', () => {
  it('decompresses them as they stream and still hands over the probe images before the rest', async () => {
    const fake = server(routesFrom(gzipFiles));
    let probe: Samples | null = null;
    let loadedAtProbe = -1;
    const progress: LoadProgress[] = [];
    const split = await loadMnistInBrowser({
      fetchFn: fake.fetch,
      compressed: true,
      onProgress: (p) => progress.push(p),
      onProbeReady: (p) => {
        probe = p;
        loadedAtProbe = progress[progress.length - 1].loadedBytes;
      },
    });
    expect(fake.requested).toEqual(Object.values(orderedNames()).map((name) => `/mnist/${name}.gz`));
    const p = probe as unknown as Samples;
    expect(p.count).toBe(1000);
    expect(Array.from(p.inputs.subarray(300, 310))).toEqual(Array.from(rawFiles.get(MNIST_FILES.trainImages)!.subarray(316, 326)));
    // The probe came while the 47 MB image file was still far from complete.
    expect(loadedAtProbe).toBeLessThan(5_000_000);
    expect(split.training.count).toBe(50_000);
    expect(split.test.labels[0]).toBe(7);
    // Progress counts the data set's own bytes, so "of 55.0 MB" still means the same thing.
    expect(progress[progress.length - 1]).toEqual({ stage: 'test', loadedBytes: 54_950_048, totalBytes: 54_950_048 });
  });

  it('reads a .gz answer that the browser already decompressed (Content-Encoding: gzip) as it is', async () => {
    const decoded = new Map([...rawFiles].map(([name, bytes]) => [`${name}.gz`, bytes]));
    const fake = server(routesFrom(decoded));
    const split = await loadMnistInBrowser({ fetchFn: fake.fetch, compressed: true });
    expect(split.validation.count).toBe(10_000);
    expect(fake.requested.every((u) => u.endsWith('.gz'))).toBe(true);
  });

  it('falls back to the raw file where a .gz copy is missing, and fetches only raw files when told not to decompress', async () => {
    const mixed = new Map([...rawFiles, ['train-labels-idx1-ubyte.gz', gzipFiles.get('train-labels-idx1-ubyte.gz')!]]);
    const fake = server(routesFrom(mixed));
    await loadMnistInBrowser({ fetchFn: fake.fetch, compressed: true });
    expect(fake.requested.slice(0, 3)).toEqual([
      '/mnist/train-labels-idx1-ubyte.gz',
      '/mnist/train-images-idx3-ubyte.gz',
      '/mnist/train-images-idx3-ubyte',
    ]);

    const raw = server(routesFrom(rawFiles));
    await loadMnistInBrowser({ fetchFn: raw.fetch, compressed: false });
    expect(raw.requested.some((u) => u.endsWith('.gz'))).toBe(false);
  });

  it('names a .gz copy that breaks off in the middle', async () => {
    const whole = gzipFiles.get('t10k-labels-idx1-ubyte.gz')!;
    const files = new Map([...gzipFiles, ['t10k-labels-idx1-ubyte.gz', whole.slice(0, whole.length - 40)]]);
    const err = await loadMnistInBrowser({ fetchFn: server(routesFrom(files)).fetch, compressed: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as Error).message).toMatch(/^\/mnist\/t10k-labels-idx1-ubyte\.gz: /);
  });
});

function orderedNames(): string[] {
  return [MNIST_FILES.trainLabels, MNIST_FILES.trainImages, MNIST_FILES.testLabels, MNIST_FILES.testImages];
}

describe('a stalled download', () => {
  it('fails with DownloadStalledError once no byte has come for the timeout, and stops the transfer', async () => {
    // Raw files: with nothing to decompress on Node's thread pool, the fake clock alone decides what happens.
    // (The gzip path goes through the same watchdog; the end-to-end check stalls a real .gz download.)
    vi.useFakeTimers();
    const fake = server(routesFrom(rawFiles, { 'train-images-idx3-ubyte': { stallAfter: 2 * 1024 * 1024 } }));
    let probeReady = false;
    const load = loadMnistInBrowser({ fetchFn: fake.fetch, compressed: false, onProbeReady: () => (probeReady = true) });
    const outcome = load.catch((e: unknown) => e);
    // The first 2 MB hold the probe images; then the server goes quiet.
    await vi.advanceTimersByTimeAsync(DEFAULT_STALL_TIMEOUT_MS - 1000);
    expect(probeReady).toBe(true);
    expect(await settled(load)).toBe(false);
    await vi.advanceTimersByTimeAsync(2000);
    const err = await outcome;
    expect(err).toBeInstanceOf(DownloadStalledError);
    expect((err as Error).name).toBe('DownloadStalledError');
    expect((err as Error).message).toBe('/mnist/train-images-idx3-ubyte: the download stalled: no data for 15 s after 2.1 MB');
    expect(fake.signals[1].aborted).toBe(true);
  });

  it('catches a stalled label file, which would otherwise mean no bars ever', async () => {
    vi.useFakeTimers();
    const fake = server(routesFrom(rawFiles, { 'train-labels-idx1-ubyte': { stallAfter: 0 } }));
    const load = loadMnistInBrowser({ fetchFn: fake.fetch, compressed: false, stallTimeoutMs: 5000 });
    const outcome = load.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5001);
    const err = await outcome;
    expect((err as Error).message).toBe(
      '/mnist/train-labels-idx1-ubyte: the download stalled: no data for 5 s before the first byte arrived',
    );
  });

  it('catches a server that never answers the request', async () => {
    vi.useFakeTimers();
    const fake = server(routesFrom(rawFiles, { 'train-labels-idx1-ubyte': { neverAnswer: true } }));
    const opened = openDownload('/mnist/train-labels-idx1-ubyte', { fetchFn: fake.fetch, compressed: false, stallTimeoutMs: 3000 });
    const outcome = opened.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(3001);
    expect(await outcome).toBeInstanceOf(DownloadStalledError);
    expect(fake.signals[0].aborted).toBe(true);
  });

  it('keeps a slow download that still sends bytes', async () => {
    vi.useFakeTimers();
    const body = rawFiles.get(MNIST_FILES.testLabels)!;
    let offset = 0;
    // One 1 kB chunk every 4 s: 40 s in all, but never 5 s without a byte.
    const slow: typeof fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          async pull(controller) {
            await new Promise((r) => setTimeout(r, 4000));
            if (offset >= body.length) return controller.close();
            controller.enqueue(body.slice(offset, offset + 1000));
            offset += 1000;
          },
        }),
      );
    const opened = await openDownload('/t', { fetchFn: slow, compressed: false, stallTimeoutMs: 5000 });
    let total = 0;
    const reading = (async () => {
      for (let chunk = await opened.read(); chunk !== null; chunk = await opened.read()) total += chunk.length;
    })();
    await vi.advanceTimersByTimeAsync(60_000);
    await reading;
    expect(total).toBe(body.length);
  });

  it('passes an abort from the caller through as the abort itself, mid-stream', async () => {
    const controller = new AbortController();
    const fake = server(routesFrom(rawFiles, { 'train-images-idx3-ubyte': { stallAfter: 1024 * 1024 } }));
    const load = loadMnistInBrowser({
      fetchFn: fake.fetch,
      compressed: false,
      signal: controller.signal,
      onProbeReady: () => controller.abort(),
    });
    await expect(load).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.signals[fake.signals.length - 1].aborted).toBe(true);
  });
});
