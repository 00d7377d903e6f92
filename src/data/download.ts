/**
 * One MNIST file over HTTP, as a stream of chunks: the gzip copy where the browser can decompress it, the raw
 * file where it cannot, and a watchdog that turns a download which stops sending bytes into an error instead
 * of a wait without end.
 *
 * The build writes a gzip copy beside every IDX file (55 MB raw, under 12 MB compressed). Whether a response
 * still needs decompressing is read from its first two bytes, not from its headers: a static host may send
 * the .gz file as it is, or with `Content-Encoding: gzip` (the browser then decompresses it already), and an
 * IDX file never starts with gzip's 1f 8b.
 */
import { DataFileError } from './idx.ts';
import type { HttpStatus } from './problem';

/** No byte for this long, and the download counts as stalled. A school network is slow, but never silent this long. */
export const DEFAULT_STALL_TIMEOUT_MS = 15_000;

/** A download that stopped sending bytes: a named error, so the page can offer Retry. */
export class DownloadStalledError extends DataFileError {
  constructor(url: string, receivedBytes: number, timeoutMs: number) {
    super(url, { code: 'stalled', seconds: Math.round(timeoutMs / 1000), receivedBytes });
    this.name = 'DownloadStalledError';
  }
}

/**
 * The Cache Storage cache that keeps the gzip copies for offline use. The loader fills it as it downloads, since
 * a 10 MB file may be too big for the browser's HTTP cache to keep; the service worker answers from it. MNIST
 * never changes, so the cache outlives builds; the number changes only if the files ever do.
 */
export const MNIST_CACHE_NAME = 'gradient-lab-mnist-1';

export interface DownloadOptions {
  fetchFn: typeof fetch;
  /** Keep a copy of every gzip file downloaded in this Cache Storage cache (where the browser has one). */
  offlineCache?: string;
  /** Ask for `<url>.gz` and decompress it; false (or no DecompressionStream) fetches the raw file. */
  compressed: boolean;
  stallTimeoutMs: number;
  signal?: AbortSignal;
}

export interface OpenedDownload {
  /** The URL that answered (the .gz copy, or the raw file). */
  url: string;
  /** The server's answer (200, "OK"), for messages. */
  status: HttpStatus;
  /** Length of the IDX bytes this stream yields, when the server announced it for an uncompressed body. */
  declaredLength: number | null;
  /** The IDX bytes, decompressed; null at the end. Rejects with DownloadStalledError after stallTimeoutMs of silence. */
  read(): Promise<Uint8Array | null>;
  /** Stops the transfer (after an error of ours, or when the caller gives up). */
  cancel(): void;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function canDecompressGzip(): boolean {
  return typeof DecompressionStream === 'function';
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (err instanceof Error && err.name === 'AbortError');
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The body length we can check against, or null when the server did not say or the body is compressed. */
function declaredLength(response: Response): number | null {
  const encoding = response.headers.get('Content-Encoding');
  if (encoding && encoding !== 'identity') return null;
  const header = response.headers.get('Content-Length');
  if (header === null) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Waits for `promise`, but rejects with DownloadStalledError once `timeoutMs` pass first, or with the abort
 * reason as soon as `signal` aborts (a stream that is not sending anything may never notice an abort). The
 * timer is a plain setTimeout so tests can drive it with fake timers.
 */
function beforeStall<T>(
  promise: Promise<T>,
  timeoutMs: number,
  stalled: () => DownloadStalledError,
  signal: AbortSignal | undefined,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(stalled()), timeoutMs);
    if (signal) {
      onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return Promise.race([promise, watchdog]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

/**
 * Stores a copy of `response` (through a clone, so the caller's stream is untouched) unless the cache has one.
 * A copy that breaks off is never stored: Cache.put only commits a complete body. Failures only cost the
 * offline copy, so they are ignored.
 */
function keepCopy(cacheName: string, url: string, response: Response): void {
  if (typeof caches === 'undefined') return;
  const copy = response.clone();
  const key = new URL(url, globalThis.location?.href).href;
  caches
    .open(cacheName)
    .then(async (cache) => {
      if (await cache.match(key)) await copy.body?.cancel();
      else await cache.put(key, copy);
    })
    .catch(() => copy.body?.cancel().catch(() => undefined));
}

/** `first`, then whatever `rest` still yields: the chunk read to sniff the format goes back in front. */
function prepend(first: Uint8Array, rest: ReadableStreamDefaultReader<Uint8Array>): ReadableStream<Uint8Array> {
  let firstSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!firstSent) {
        firstSent = true;
        controller.enqueue(first);
        return;
      }
      const next = await rest.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(why) {
      return rest.cancel(why);
    },
  });
}

function isGzip(chunk: Uint8Array): boolean {
  return chunk.length >= 2 && chunk[0] === GZIP_MAGIC[0] && chunk[1] === GZIP_MAGIC[1];
}

/**
 * Opens `url` (or `url.gz`; a missing .gz copy falls back to the raw file). Rejects with a DataFileError naming
 * the URL when the request fails, the server answers with an error, or nothing arrives in time; an abort through
 * `signal` rejects with the AbortError itself.
 */
export async function openDownload(rawUrl: string, opts: DownloadOptions): Promise<OpenedDownload> {
  const compressed = opts.compressed && canDecompressGzip();
  // Our own controller, so a stall can stop the transfer without the caller's signal being involved.
  const transfer = new AbortController();
  const outer = opts.signal;
  const abortTransfer = () => transfer.abort(outer?.reason);
  if (outer?.aborted) abortTransfer();
  else outer?.addEventListener('abort', abortTransfer, { once: true });
  const release = () => outer?.removeEventListener('abort', abortTransfer);

  let url = compressed ? `${rawUrl}.gz` : rawUrl;
  /** IDX bytes handed to the caller so far (after decompression). */
  let received = 0;
  const stalled = () => {
    const err = new DownloadStalledError(url, received, opts.stallTimeoutMs);
    transfer.abort(err);
    return err;
  };

  const request = async (target: string): Promise<Response> => {
    try {
      return await beforeStall(opts.fetchFn(target, { signal: transfer.signal }), opts.stallTimeoutMs, stalled, outer);
    } catch (err) {
      if (err instanceof DownloadStalledError || isAbort(err, outer)) throw err;
      throw new DataFileError(target, { code: 'fetch-failed', reason: reason(err) });
    }
  };

  let response: Response;
  try {
    response = await request(url);
    if (compressed && response.status === 404) {
      url = rawUrl;
      response = await request(url);
    }
  } catch (err) {
    release();
    throw err;
  }
  const status: HttpStatus = { code: response.status, text: response.statusText };
  const fail = (code: 'http-error' | 'no-body'): never => {
    release();
    response.body?.cancel().catch(() => undefined);
    throw new DataFileError(url, { code, status });
  };
  if (!response.ok) fail('http-error');
  if (!response.body) fail('no-body');
  if (opts.offlineCache !== undefined && url !== rawUrl) keepCopy(opts.offlineCache, url, response);
  const network = response.body!.getReader();
  const announced = declaredLength(response);

  let reader: ReadableStreamDefaultReader<Uint8Array> = network;
  let gzipped = false;
  let done = false;

  const readGuarded = async (from: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> => {
    try {
      return await beforeStall(from.read(), opts.stallTimeoutMs, stalled, outer);
    } catch (err) {
      from.cancel().catch(() => undefined);
      transfer.abort();
      release();
      if (err instanceof DownloadStalledError || isAbort(err, outer)) throw err;
      throw new DataFileError(url, {
        code: 'broke-off',
        decompressing: gzipped,
        receivedBytes: received,
        announcedBytes: announced,
        status,
        reason: reason(err),
      });
    }
  };

  if (url !== rawUrl) {
    // The first chunk of a .gz answer decides whether it still needs decompressing.
    const first = await readGuarded(network);
    if (first.done) {
      reader = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() }).getReader();
    } else if (isGzip(first.value)) {
      gzipped = true;
      // The DOM typings declare the writable side as taking any BufferSource; chunks are Uint8Arrays either way.
      const gunzip = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
      reader = prepend(first.value, network).pipeThrough(gunzip).getReader();
    } else {
      reader = prepend(first.value, network).getReader();
    }
  }

  return {
    url,
    status,
    declaredLength: gzipped ? null : announced,
    async read() {
      if (done) return null;
      const next = await readGuarded(reader);
      if (next.done) {
        done = true;
        release();
        return null;
      }
      received += next.value.length;
      return next.value;
    },
    cancel() {
      done = true;
      reader.cancel().catch(() => undefined);
      transfer.abort();
      release();
    },
  };
}
