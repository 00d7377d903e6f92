/**
 * Loading MNIST over HTTP in the page or the worker (fetch + ReadableStream, no DOM).
 *
 * The training images are 47 MB, but the chapter's first picture only needs the first 1000 of them
 * (the probe set). So the label file (60 kB) comes first, and the image file is parsed as it streams:
 * the probe set is handed over as soon as its bytes are in, and the bars can be drawn while the
 * rest of the data set is still arriving.
 */
import type { Samples } from '../engine';
import {
  checkByteLength,
  checkCountsAgree,
  DataFileError,
  announcedImages,
  IMAGE_COLS,
  IMAGE_HEADER_BYTES,
  IMAGE_ROWS,
  parseIdxLabels,
  readImageHeader,
} from './idx';
import { canDecompressGzip, DEFAULT_STALL_TIMEOUT_MS, openDownload } from './download';
import { INPUT_SIZE, MNIST_FILE_BYTES, MNIST_FILES, parseMnistFiles, PROBE_COUNT, type MnistFileKey, type MnistSplit } from './mnist';

export interface LoadProgress {
  /** 'probe' until the probe set is ready, 'train' for the rest of the training images, 'test' for the test files. */
  stage: 'probe' | 'train' | 'test';
  /** Bytes received so far, all four files together. */
  loadedBytes: number;
  /** All four files together: Content-Length where the server has sent one, the official MNIST size where not yet. */
  totalBytes: number;
}

export interface BrowserLoadOptions {
  /** Where the four IDX files are served, under their usual names. Default '/mnist/'. */
  baseUrl?: string;
  fetchFn?: typeof fetch;
  onProgress?(p: LoadProgress): void;
  onProbeReady?(probe: Samples): void;
  /** Cancels every download; the load rejects with the AbortError itself. */
  signal?: AbortSignal;
  /** Fetch the gzip copies and decompress them here. Default: wherever the browser has DecompressionStream. */
  compressed?: boolean;
  /** A file that sends no byte for this long fails with DownloadStalledError. Default 15 s. */
  stallTimeoutMs?: number;
  /** Keep the gzip copies in this Cache Storage cache, for the service worker to answer from offline. */
  offlineCache?: string;
}

const LOAD_ORDER: readonly MnistFileKey[] = ['trainLabels', 'trainImages', 'testLabels', 'testImages'];

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Assembles the training image file while it streams and says how many whole images have arrived.
 * The header is validated as soon as its 16 bytes are in, so a wrong file fails at once, not after 47 MB.
 */
class ImageStream {
  private readonly header = new Uint8Array(IMAGE_HEADER_BYTES);
  private headerFill = 0;
  private file: Uint8Array | null = null;
  private fill = 0;
  private extra = 0;
  /** Content-Length of the response, when the server sent a usable one. */
  declaredLength: number | null = null;
  count = 0;

  constructor(
    private readonly url: string,
    private readonly labelCount: number,
    private readonly labelUrl: string,
  ) {}

  push(chunk: Uint8Array): void {
    let offset = 0;
    if (this.file === null) {
      offset = Math.min(IMAGE_HEADER_BYTES - this.headerFill, chunk.length);
      this.header.set(chunk.subarray(0, offset), this.headerFill);
      this.headerFill += offset;
      if (this.headerFill < IMAGE_HEADER_BYTES) return;
      const { count } = readImageHeader(this.header, this.url);
      checkCountsAgree(count, this.url, this.labelCount, this.labelUrl);
      // A file whose size disagrees with its own header is known to be bad now; no need to wait for 47 MB
      // (or to allocate whatever a corrupt count announces).
      if (this.declaredLength !== null) {
        const announced = IMAGE_HEADER_BYTES + count * INPUT_SIZE;
        checkByteLength(this.declaredLength, this.url, announced, announcedImages(count, IMAGE_ROWS, IMAGE_COLS));
      }
      this.count = count;
      this.file = new Uint8Array(IMAGE_HEADER_BYTES + count * INPUT_SIZE);
      this.file.set(this.header);
      this.fill = IMAGE_HEADER_BYTES;
    }
    const rest = chunk.subarray(offset);
    const room = this.file.length - this.fill;
    if (rest.length > room) {
      // Keep counting so the error can say how many bytes too many there were.
      this.extra += rest.length - room;
    }
    this.file.set(rest.subarray(0, Math.min(room, rest.length)), this.fill);
    this.fill += Math.min(room, rest.length);
  }

  /** Whole images received so far. */
  imagesReady(): number {
    return this.file === null ? 0 : Math.floor((this.fill - IMAGE_HEADER_BYTES) / INPUT_SIZE);
  }

  /** Pixels of the first `n` images, a view that stays valid as more arrive. */
  pixels(n: number): Uint8Array {
    return this.file === null ? new Uint8Array(0) : this.file.subarray(IMAGE_HEADER_BYTES, IMAGE_HEADER_BYTES + n * INPUT_SIZE);
  }

  /** The complete file, after checking nothing is missing and nothing is left over. */
  finish(): Uint8Array {
    if (this.file === null) {
      readImageHeader(this.header.subarray(0, this.headerFill), this.url);
      // unreachable: the line above throws for any header shorter than 16 bytes
      throw new DataFileError(this.url, {
        code: 'short-header',
        kind: 'image',
        headerBytes: IMAGE_HEADER_BYTES,
        actualBytes: this.headerFill,
      });
    }
    checkByteLength(this.fill + this.extra, this.url, this.file.length, announcedImages(this.count, IMAGE_ROWS, IMAGE_COLS));
    return this.file;
  }
}

/**
 * Fetches the four files from baseUrl (default '/mnist/'), parsing the training images AS THEY STREAM:
 * onProbeReady fires as soon as the labels and the first PROBE_COUNT training images have arrived
 * (well before the 47 MB file is complete), so the first bars never wait for the whole set.
 * Rejects with a DataFileError naming the URL (and the HTTP status) when a file is missing, breaks off
 * or is not valid MNIST; an abort through `signal` rejects with the AbortError itself.
 */
export async function loadMnistInBrowser(opts: BrowserLoadOptions = {}): Promise<MnistSplit> {
  const base = opts.baseUrl ?? '/mnist/';
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const fetchFn: typeof fetch = opts.fetchFn ?? ((input, init) => fetch(input, init));
  const signal = opts.signal;
  const compressed = opts.compressed ?? canDecompressGzip();
  const stallTimeoutMs = opts.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const urls = {} as Record<MnistFileKey, string>;
  for (const key of LOAD_ORDER) urls[key] = prefix + MNIST_FILES[key];

  const sizes: Record<MnistFileKey, number> = { ...MNIST_FILE_BYTES };
  let loadedBefore = 0;
  let stage: LoadProgress['stage'] = 'probe';
  const report = (loadedInFile: number) => {
    if (!opts.onProgress) return;
    let totalBytes = 0;
    for (const key of LOAD_ORDER) totalBytes += sizes[key];
    const loadedBytes = loadedBefore + loadedInFile;
    opts.onProgress({ stage, loadedBytes, totalBytes: Math.max(totalBytes, loadedBytes) });
  };

  async function download(
    key: MnistFileKey,
    onChunk: (chunk: Uint8Array) => void,
    onLength?: (declared: number | null) => void,
  ): Promise<void> {
    const opened = await openDownload(urls[key], { fetchFn, compressed, stallTimeoutMs, signal, offlineCache: opts.offlineCache });
    const expected = opened.declaredLength;
    if (expected !== null) sizes[key] = expected;
    onLength?.(expected);
    let received = 0;
    try {
      for (;;) {
        const chunk = await opened.read();
        if (chunk === null) break;
        received += chunk.length;
        onChunk(chunk);
        report(received);
      }
    } catch (err) {
      opened.cancel();
      throw err;
    }
    if (expected !== null && received < expected) {
      throw new DataFileError(opened.url, {
        code: 'download-truncated',
        receivedBytes: received,
        announcedBytes: expected,
        status: opened.status,
      });
    }
    loadedBefore += received;
    sizes[key] = received;
  }

  async function downloadWhole(key: MnistFileKey): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    await download(key, (chunk) => chunks.push(chunk));
    return concat(chunks);
  }

  report(0);
  const trainLabelBytes = await downloadWhole('trainLabels');
  const trainLabels = parseIdxLabels(trainLabelBytes, urls.trainLabels);

  const images = new ImageStream(urls.trainImages, trainLabels.length, urls.trainLabels);
  let probeSent = false;
  const sendProbeWhenReady = () => {
    if (probeSent) return;
    const n = Math.min(PROBE_COUNT, images.count);
    if (images.count > 0 && images.imagesReady() >= n) {
      probeSent = true;
      stage = 'train';
      opts.onProbeReady?.({ inputs: images.pixels(n), labels: trainLabels.subarray(0, n), inputSize: INPUT_SIZE, count: n });
    }
  };
  await download(
    'trainImages',
    (chunk) => {
      images.push(chunk);
      sendProbeWhenReady();
    },
    (declared) => (images.declaredLength = declared),
  );
  const trainImageBytes = images.finish();

  stage = 'test';
  const testLabelBytes = await downloadWhole('testLabels');
  const testImageBytes = await downloadWhole('testImages');
  return parseMnistFiles(
    { trainLabels: trainLabelBytes, trainImages: trainImageBytes, testLabels: testLabelBytes, testImages: testImageBytes },
    urls,
  );
}
