/**
 * What can be wrong with an MNIST file or its download, as data. The loader runs in the worker and in Node,
 * far from the page's language, so it names the problem and its numbers; the page words it from its
 * catalogue (src/i18n/groups/loadErrors.*.ts) and Node prints the English of describeDataProblem below.
 */

/** Which of the two IDX file kinds a check expected. */
export type IdxKind = 'image' | 'label';

/** What an IDX header announces: `count` images of rows×cols, or `count` labels. */
export type Announced = { kind: 'images'; count: number; rows: number; cols: number } | { kind: 'labels'; count: number };

/** An HTTP answer, for the messages that quote it: 404 and "Not Found" ('' when the server sent no text). */
export interface HttpStatus {
  code: number;
  text: string;
}

export type DataProblem =
  // ---- the download
  /** No byte for `seconds` s, after `receivedBytes` had arrived (0: before the first byte). */
  | { code: 'stalled'; seconds: number; receivedBytes: number }
  /** The request itself failed (network down, blocked); `reason` is the browser's own words. */
  | { code: 'fetch-failed'; reason: string }
  | { code: 'http-error'; status: HttpStatus }
  | { code: 'no-body'; status: HttpStatus }
  /** The stream broke off (or its decompression failed, when `decompressing`) after `receivedBytes`. */
  | {
      code: 'broke-off';
      decompressing: boolean;
      receivedBytes: number;
      announcedBytes: number | null;
      status: HttpStatus;
      reason: string;
    }
  /** The server announced `announcedBytes` and closed the stream after `receivedBytes`. */
  | { code: 'download-truncated'; receivedBytes: number; announcedBytes: number; status: HttpStatus }
  // ---- what the bytes are
  | { code: 'empty'; kind: IdxKind }
  | { code: 'gzip' }
  | { code: 'html' }
  /** `found` is the magic number read; `foundKind` names it when it is the other kind's. */
  | { code: 'bad-magic'; found: number; expected: number; kind: IdxKind; foundKind: IdxKind | null }
  | { code: 'short-header'; kind: IdxKind; headerBytes: number; actualBytes: number }
  | { code: 'image-size'; rows: number; cols: number; expectedRows: number; expectedCols: number }
  | { code: 'too-short'; announced: Announced; expectedBytes: number; actualBytes: number }
  | { code: 'too-long'; announced: Announced; expectedBytes: number; actualBytes: number }
  | { code: 'bad-label'; label: number; index: number }
  /** This label file holds `labelCount` labels, the image file `imageFile` holds `imageCount` images. */
  | { code: 'count-mismatch'; labelCount: number; imageFile: string; imageCount: number }
  | { code: 'pixel-bytes'; pixelBytes: number; images: number; imageBytes: number }
  | { code: 'too-few-images'; count: number; heldBack: number }
  // ---- files on disk (Node)
  | { code: 'not-found'; dir: string }
  | { code: 'is-folder'; dir: string }
  | { code: 'no-permission'; dir: string }
  | { code: 'unreadable'; dir: string; reason: string };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** "HTTP 404 Not Found", as the browser's network panel writes it. */
export function httpStatusText(status: HttpStatus): string {
  return `HTTP ${status.code}${status.text ? ` ${status.text}` : ''}`;
}

export function announcedText(a: Announced): string {
  return a.kind === 'images' ? `${plural(a.count, 'image')} of ${a.rows}×${a.cols}` : plural(a.count, 'label');
}

/** The problem in English, without the file name: the words Node prints and the page's English catalogue uses. */
export function describeDataProblem(p: DataProblem): string {
  switch (p.code) {
    case 'stalled':
      return `the download stalled: no data for ${p.seconds} s ${
        p.receivedBytes === 0 ? 'before the first byte arrived' : `after ${(p.receivedBytes / 1e6).toFixed(1)} MB`
      }`;
    case 'fetch-failed':
      return `could not be fetched (${p.reason})`;
    case 'http-error':
      return `the server answered ${httpStatusText(p.status)} instead of the file`;
    case 'no-body':
      return `the ${httpStatusText(p.status)} response has no body`;
    case 'broke-off': {
      const of = p.announcedBytes === null || p.decompressing ? '' : ` of ${p.announcedBytes}`;
      const what = p.decompressing ? 'download or decompression broke off' : 'download broke off';
      return `${what} after ${p.receivedBytes}${of} bytes (${httpStatusText(p.status)}): ${p.reason}`;
    }
    case 'download-truncated':
      return `truncated download: received ${p.receivedBytes} of the ${p.announcedBytes} bytes announced (${httpStatusText(p.status)})`;
    case 'empty':
      return `is empty (0 bytes), expected an IDX ${p.kind} file`;
    case 'gzip':
      return 'is gzip-compressed (it starts with 1f 8b); decompress it first';
    case 'html':
      return 'looks like an HTML page, not an IDX file — was an error page saved in its place?';
    case 'bad-magic': {
      const other = p.foundKind === null ? '' : ` (that is ${p.foundKind === 'image' ? 'an image' : 'a label'} file)`;
      return `magic number is ${hex32(p.found)}${other}, expected ${hex32(p.expected)} for an IDX ${p.kind} file`;
    }
    case 'short-header':
      return `truncated: ${p.kind === 'image' ? 'an image' : 'a label'} file starts with ${p.headerBytes === 8 ? 'an' : 'a'} ${p.headerBytes}-byte header, but it has only ${plural(p.actualBytes, 'byte')}`;
    case 'image-size':
      return `images are ${p.rows}×${p.cols}, expected ${p.expectedRows}×${p.expectedCols} (MNIST)`;
    case 'too-short':
      return `truncated: the header announces ${announcedText(p.announced)} (${plural(p.expectedBytes, 'byte')}), but the file has only ${plural(p.actualBytes, 'byte')}`;
    case 'too-long':
      return `${plural(p.actualBytes - p.expectedBytes, 'trailing byte')} after the ${announcedText(p.announced)} the header announces (expected ${plural(p.expectedBytes, 'byte')}, found ${p.actualBytes})`;
    case 'bad-label':
      return `label ${p.label} at index ${p.index} is not a digit 0-9`;
    case 'count-mismatch':
      return `holds ${plural(p.labelCount, 'label')} but ${p.imageFile} holds ${plural(p.imageCount, 'image')}; they must match one to one`;
    case 'pixel-bytes':
      return `${p.pixelBytes} pixel bytes do not make ${p.images} images of ${p.imageBytes}`;
    case 'too-few-images':
      return `holds ${p.count} images, but the split needs more than ${p.heldBack} (the last ${p.heldBack} are held back for validation)`;
    case 'not-found':
      return `not found in ${p.dir}`;
    case 'is-folder':
      return `is a folder, not a file, in ${p.dir}`;
    case 'no-permission':
      return `cannot be read in ${p.dir} (permission denied)`;
    case 'unreadable':
      return `cannot be read in ${p.dir} (${p.reason})`;
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}
