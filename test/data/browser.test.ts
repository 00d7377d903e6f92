import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Samples } from '../../src/engine';
import { loadMnistInBrowser, type LoadProgress } from '../../src/data/browser';
import { DataFileError } from '../../src/data/idx';
import { MNIST_FILES } from '../../src/data/mnist';
import { defaultMnistDir } from '../../src/data/node';

const dir = defaultMnistDir();
const realFiles = new Map<string, Uint8Array>(
  Object.values(MNIST_FILES).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]),
);

interface Served {
  /** Body to stream; defaults to the real file. */
  body?: Uint8Array;
  /** Content-Length to announce; defaults to the body's length. */
  contentLength?: number | null;
  status?: number;
  statusText?: string;
  /** Break the stream with this error after this many bytes. */
  breakAfter?: number;
}

interface FakeServer {
  fetch: typeof fetch;
  requested: string[];
  /** Chunks handed out so far, per URL. */
  chunksSent: Map<string, number>;
  chunkCounts: Map<string, number>;
}

/** A fetch that streams files in small chunks, pulled one at a time like a slow network. */
function fakeServer(chunkSize: number, overrides: Record<string, Served> = {}): FakeServer {
  const requested: string[] = [];
  const chunksSent = new Map<string, number>();
  const chunkCounts = new Map<string, number>();
  const fetchFn = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    requested.push(url);
    const name = url.slice(url.lastIndexOf('/') + 1);
    const served = overrides[name] ?? {};
    const status = served.status ?? 200;
    if (status !== 200) return new Response('not here', { status, statusText: served.statusText ?? '' });
    const body = served.body ?? realFiles.get(name);
    if (!body) return new Response('not here', { status: 404, statusText: 'Not Found' });
    const end = served.breakAfter ?? body.length;
    let offset = 0;
    chunksSent.set(url, 0);
    chunkCounts.set(url, Math.ceil(body.length / chunkSize));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= end) {
          if (served.breakAfter !== undefined) controller.error(new TypeError('network connection lost'));
          else controller.close();
          return;
        }
        const next = Math.min(offset + chunkSize, end);
        controller.enqueue(body.slice(offset, next));
        offset = next;
        chunksSent.set(url, (chunksSent.get(url) ?? 0) + 1);
      },
    });
    const headers = new Headers({ 'Content-Type': 'application/octet-stream' });
    const length = served.contentLength === undefined ? body.length : served.contentLength;
    if (length !== null) headers.set('Content-Length', String(length));
    return new Response(stream, { status, headers });
  };
  return { fetch: fetchFn as typeof fetch, requested, chunksSent, chunkCounts };
}

async function rejection(promise: Promise<unknown>): Promise<DataFileError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected the load to fail');
}

describe('loadMnistInBrowser', () => {
  it('streams the real files, hands over the probe set early, and splits 50k/10k/10k', async () => {
    const server = fakeServer(64 * 1024);
    const trainUrl = '/mnist/train-images-idx3-ubyte';
    let probe: Samples | null = null;
    let chunksAtProbe = -1;
    let stageAtProbe: string | null = null;
    const progress: LoadProgress[] = [];
    const split = await loadMnistInBrowser({
      fetchFn: server.fetch,
      compressed: false,
      onProgress: (p) => progress.push(p),
      onProbeReady: (p) => {
        probe = p;
        chunksAtProbe = server.chunksSent.get(trainUrl) ?? -1;
        stageAtProbe = progress[progress.length - 1]?.stage ?? null;
      },
    });

    // The small label file comes first, so the probe has its labels.
    expect(server.requested[0]).toBe('/mnist/train-labels-idx1-ubyte');
    expect(server.requested[1]).toBe(trainUrl);
    expect(server.requested).toHaveLength(4);

    // Header + 1000 images are 784,016 bytes: 12 chunks of 64 kB (plus the one the stream pulls ahead),
    // out of 718 for the whole file.
    expect(probe).not.toBeNull();
    const p = probe as unknown as Samples;
    expect(p.count).toBe(1000);
    expect(p.inputs.length).toBe(784_000);
    expect(p.labels[0]).toBe(5);
    expect(chunksAtProbe).toBeGreaterThanOrEqual(12);
    expect(chunksAtProbe).toBeLessThanOrEqual(13);
    expect(chunksAtProbe).toBeLessThan(server.chunkCounts.get(trainUrl)!);
    expect(stageAtProbe).toBe('probe');
    // The probe holds exactly the first images of the file.
    expect(Array.from(p.inputs.subarray(150, 160))).toEqual(
      Array.from(realFiles.get(MNIST_FILES.trainImages)!.subarray(16 + 150, 16 + 160)),
    );

    expect(split.training.count).toBe(50_000);
    expect(split.validation.count).toBe(10_000);
    expect(split.test.count).toBe(10_000);
    expect(split.training.labels[0]).toBe(5);
    expect(split.test.labels[0]).toBe(7);
    expect(split.training.inputs.buffer).toBe(split.validation.inputs.buffer);

    // Progress runs over all four files and ends complete.
    const last = progress[progress.length - 1];
    expect(last).toEqual({ stage: 'test', loadedBytes: 54_950_048, totalBytes: 54_950_048 });
    expect(progress.some((q) => q.stage === 'train')).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i].loadedBytes).toBeGreaterThanOrEqual(progress[i - 1].loadedBytes);
  });

  it('rejects a 404 naming the URL and the status', async () => {
    const server = fakeServer(4096, { 't10k-labels-idx1-ubyte': { status: 404, statusText: 'Not Found' } });
    const err = await rejection(loadMnistInBrowser({ baseUrl: '/data', fetchFn: server.fetch }));
    expect(err.file).toBe('/data/t10k-labels-idx1-ubyte');
    expect(err.message).toBe('/data/t10k-labels-idx1-ubyte: the server answered HTTP 404 Not Found instead of the file');
  });

  it('rejects a body shorter than its Content-Length', async () => {
    const labels = realFiles.get(MNIST_FILES.trainLabels)!;
    const server = fakeServer(4096, {
      'train-labels-idx1-ubyte': { body: labels.subarray(0, 30_000), contentLength: labels.length },
    });
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch }));
    expect(err.message).toBe('/mnist/train-labels-idx1-ubyte: truncated download: received 30000 of the 60008 bytes announced (HTTP 200)');
  });

  it('rejects a truncated image file even when the server announces no length', async () => {
    const images = realFiles.get(MNIST_FILES.trainImages)!;
    const server = fakeServer(256 * 1024, {
      'train-images-idx3-ubyte': { body: images.subarray(0, 1_000_000), contentLength: null },
    });
    let probeFired = false;
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch, onProbeReady: () => (probeFired = true) }));
    expect(err.message).toBe(
      '/mnist/train-images-idx3-ubyte: truncated: the header announces 60000 images of 28×28 (47040016 bytes), but the file has only 1000000 bytes',
    );
    expect(probeFired).toBe(true);
  });

  it('rejects an image file whose Content-Length disagrees with its header before streaming it', async () => {
    const images = realFiles.get(MNIST_FILES.trainImages)!;
    const server = fakeServer(4096, { 'train-images-idx3-ubyte': { body: images.subarray(0, 2_000_000) } });
    let probeFired = false;
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch, onProbeReady: () => (probeFired = true) }));
    expect(err.message).toBe(
      '/mnist/train-images-idx3-ubyte: truncated: the header announces 60000 images of 28×28 (47040016 bytes), but the file has only 2000000 bytes',
    );
    expect(probeFired).toBe(false);
    expect(server.chunksSent.get('/mnist/train-images-idx3-ubyte')).toBeLessThan(5);
  });

  it('rejects a stream that breaks off, with the bytes received and the status', async () => {
    const server = fakeServer(8192, { 't10k-images-idx3-ubyte': { breakAfter: 81_920 } });
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch }));
    expect(err.message).toBe(
      '/mnist/t10k-images-idx3-ubyte: download broke off after 81920 of 7840016 bytes (HTTP 200): network connection lost',
    );
  });

  it('rejects a wrong image header as soon as it arrives, without the probe', async () => {
    const bad = realFiles.get(MNIST_FILES.trainImages)!.slice(0, 16 + 784 * 2000);
    bad[15] = 32;
    const server = fakeServer(4096, { 'train-images-idx3-ubyte': { body: bad } });
    let probeFired = false;
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch, onProbeReady: () => (probeFired = true) }));
    expect(err.message).toBe('/mnist/train-images-idx3-ubyte: images are 28×32, expected 28×28 (MNIST)');
    expect(probeFired).toBe(false);
    expect(server.chunksSent.get('/mnist/train-images-idx3-ubyte')).toBeLessThan(5);
  });

  it('names an HTML page served in place of a file, as a fallback page of a web app would be', async () => {
    const page = new TextEncoder().encode(
      '<!doctype html>\n<html lang="en"><head><meta charset="UTF-8" /><title>Gradient Lab</title></head></html>\n',
    );
    const html = 'looks like an HTML page, not an IDX file — was an error page saved in its place?';
    const labels = await rejection(loadMnistInBrowser({ fetchFn: fakeServer(4096, { 'train-labels-idx1-ubyte': { body: page } }).fetch }));
    expect(labels.message).toBe(`/mnist/train-labels-idx1-ubyte: ${html}`);
    // The streamed image file goes through the same check as soon as its header has arrived.
    const images = await rejection(loadMnistInBrowser({ fetchFn: fakeServer(8, { 'train-images-idx3-ubyte': { body: page } }).fetch }));
    expect(images.message).toBe(`/mnist/train-images-idx3-ubyte: ${html}`);
  });

  it('names a gzip file served in place of a file, and an empty one', async () => {
    const gzip = new Uint8Array([
      0x1f, 0x8b, 0x08, 0x08, 0x6e, 0x2a, 0x5e, 0x4a, 0x00, 0x03, 0x74, 0x72, 0x61, 0x69, 0x6e, 0x2d, 0x69, 0x6d,
    ]);
    const zipped = await rejection(loadMnistInBrowser({ fetchFn: fakeServer(4096, { 't10k-images-idx3-ubyte': { body: gzip } }).fetch }));
    expect(zipped.message).toBe('/mnist/t10k-images-idx3-ubyte: is gzip-compressed (it starts with 1f 8b); decompress it first');
    const empty = await rejection(
      loadMnistInBrowser({ fetchFn: fakeServer(4096, { 'train-images-idx3-ubyte': { body: new Uint8Array(0) } }).fetch }),
    );
    expect(empty.message).toBe('/mnist/train-images-idx3-ubyte: is empty (0 bytes), expected an IDX image file');
  });

  it('rejects trailing bytes after the announced images', async () => {
    const real = realFiles.get(MNIST_FILES.testImages)!;
    const longer = new Uint8Array(real.length + 5);
    longer.set(real);
    const server = fakeServer(1 << 20, { 't10k-images-idx3-ubyte': { body: longer } });
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch }));
    expect(err.message).toBe(
      '/mnist/t10k-images-idx3-ubyte: 5 trailing bytes after the 10000 images of 28×28 the header announces (expected 7840016 bytes, found 7840021)',
    );
  });

  it('rejects a label that is not a digit, naming the URL', async () => {
    const labels = realFiles.get(MNIST_FILES.trainLabels)!.slice();
    labels[8 + 37] = 12;
    const server = fakeServer(4096, { 'train-labels-idx1-ubyte': { body: labels } });
    const err = await rejection(loadMnistInBrowser({ fetchFn: server.fetch }));
    expect(err.message).toBe('/mnist/train-labels-idx1-ubyte: label 12 at index 37 is not a digit 0-9');
  });

  it('rejects when the request itself fails, naming the URL', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const err = await rejection(loadMnistInBrowser({ fetchFn: offline, compressed: false }));
    expect(err.message).toBe('/mnist/train-labels-idx1-ubyte: could not be fetched (Failed to fetch)');
  });

  it('passes an abort through as the abort itself', async () => {
    const controller = new AbortController();
    const server = fakeServer(4096);
    const abortingFetch: typeof fetch = async (input, init) => {
      controller.abort();
      init?.signal?.throwIfAborted();
      return server.fetch(input, init);
    };
    await expect(loadMnistInBrowser({ fetchFn: abortingFetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
