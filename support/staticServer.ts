/**
 * A plain static file server for a finished build, as a school's or a university's web space would be: no
 * compression of its own, Last-Modified and If-Modified-Since like most, and the content types Python's
 * http.server would send. It counts the bytes it sends, so a test or a benchmark can say what a visit cost,
 * and it can add headers (a Content-Security-Policy) or make one file stall after a number of bytes.
 */
import { createReadStream, type Stats, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.gz': 'application/gzip',
};

export interface StaticServerOptions {
  /** The build folder. */
  root: string;
  /** The path the build is served under, '/' or '/some/path/'. */
  base?: string;
  /** Headers added to every answer. */
  headers?: Record<string, string>;
  /** Paths (below base) that send headers and this many bytes of the file, then nothing, until the server closes. */
  stall?: Record<string, number>;
  /**
   * Paths (below base) answered with a small HTML page and status 200 while they are in the set, as a host that
   * serves its home page for a missing file does. The set stays the caller's: deleting a path mends the host.
   */
  htmlInPlaceOf?: Set<string>;
}

export interface StaticServer {
  url: string;
  /** Bytes written to the network (headers and bodies) since the start or the last reset. */
  bytesSent(): number;
  resetCount(): void;
  /** Requests answered, as "<status> <path>", since the start or the last reset. */
  log(): string[];
  close(): Promise<void>;
}

function fileFor(root: string, path: string): { file: string; stats: Stats } | null {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) {
      const index = join(file, 'index.html');
      return { file: index, stats: statSync(index) };
    }
    return { file, stats };
  } catch {
    return null;
  }
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = normalize(options.root);
  const base = options.base ?? '/';
  /** Bytes written by sockets that have closed, and the sockets still open. */
  let closedBytes = 0;
  const sockets = new Set<Socket>();
  let countedFrom = 0;
  const written = () => closedBytes + [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
  let log: string[] = [];
  const held = new Set<ServerResponse>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const finish = (status: number, headers: Record<string, string>, body?: string) => {
      res.writeHead(status, { ...options.headers, ...headers });
      res.end(body);
      log.push(`${status} ${path}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(405, { 'Content-Type': 'text/plain' }, 'method not allowed');
    if (!path.startsWith(base)) return finish(404, { 'Content-Type': 'text/plain' }, 'not found');
    const relative = path.slice(base.length);
    if (options.htmlInPlaceOf?.has(relative) === true)
      return finish(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, '<!doctype html><title>Home</title>');
    const found = fileFor(root, relative);
    if (found === null) return finish(404, { 'Content-Type': 'text/plain' }, 'not found');
    const { file, stats } = found;
    const lastModified = new Date(Math.floor(stats.mtimeMs / 1000) * 1000).toUTCString();
    const since = req.headers['if-modified-since'];
    if (since !== undefined && Date.parse(since) >= Date.parse(lastModified)) return finish(304, { 'Last-Modified': lastModified });
    const headers = {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(stats.size),
      'Last-Modified': lastModified,
    };
    const stallAfter = options.stall?.[relative];
    if (req.method === 'HEAD') return finish(200, headers);
    res.writeHead(200, { ...options.headers, ...headers });
    log.push(`200 ${path}`);
    const stream = createReadStream(file, stallAfter === undefined ? {} : { end: stallAfter - 1 });
    if (stallAfter === undefined) {
      stream.pipe(res);
      return;
    }
    // Headers and the first bytes, then silence: the connection stays open until the server closes.
    held.add(res);
    stream.on('data', (chunk) => res.write(chunk));
  };

  const server = createServer(answer);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    bytesSent: () => written() - countedFrom,
    resetCount: () => {
      countedFrom = written();
      log = [];
    },
    log: () => [...log],
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
