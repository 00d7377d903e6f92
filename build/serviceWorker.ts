/**
 * Writes sw.js into the build: the function of src/offline/serviceWorker.ts, stripped of its types, called
 * with this build's list of files. The version is a hash of the file names (the assets' names carry their
 * content hash) and of index.html, so any change to the app or the data gives a new cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';
import { MNIST_CACHE_NAME } from '../src/data/download.ts';
import { MNIST_FILES, MNIST_FOLDER } from './mnist.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

const SOURCE = fileURLToPath(new URL('../src/offline/serviceWorker.ts', import.meta.url));

function publicFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch {
    return [];
  }
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'gradient-lab:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    async generateBundle(_options, bundle) {
      const raw = new Set<string>(MNIST_FILES.map((name) => `${MNIST_FOLDER}${name}`));
      const built = Object.keys(bundle).filter((name) => !name.endsWith('.map') && !raw.has(name) && name !== 'index.html');
      // Raw MNIST stays out: a browser with a service worker decompresses the gzip copies.
      const data = built.filter((name) => name.startsWith(MNIST_FOLDER)).sort();
      const app = ['', ...built.filter((name) => !data.includes(name)), ...publicFiles(publicDir)].sort();
      const immutable = app.filter((name) => name.startsWith('assets/'));
      const page = bundle['index.html'];
      const hash = createHash('sha256').update([...app, ...data].join('\n'));
      if (page?.type === 'asset') hash.update(page.source);
      const version = hash.digest('hex').slice(0, 16);

      const source = readFileSync(SOURCE, 'utf8');
      const { code } = await transformWithOxc(source, SOURCE, { lang: 'ts', sourcemap: false });
      const body = code.replace(/^export function runServiceWorker/m, 'function runServiceWorker').replace(/^export \{\s*\};?\s*$/m, '');
      const files = JSON.stringify({ app, immutable, data });
      const call = `runServiceWorker(self, ${files}, ${JSON.stringify(version)}, ${JSON.stringify(MNIST_CACHE_NAME)});\n`;
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: `${body}\n${call}` });
    },
  };
}
