/**
 * The service worker: after the first visit, the app and the gzip copies of MNIST come from the browser's
 * cache, so the lab opens and trains with the network off.
 *
 * It is small and written by hand rather than generated (Workbox through vite-plugin-pwa) because what it has
 * to do is narrow and unusual: precache 12 MB of data that the page has usually just downloaded, taking it from
 * the HTTP cache instead of downloading it a second time, and answer every request of the app from that one
 * cache. The build (build/serviceWorker.ts) turns this function into sw.js, called with the list of files of
 * that build and a version made from their hashed names, so a new build brings a new cache and the old one is
 * deleted when the new worker takes over.
 *
 * No imports: the build ships this function's own source, so everything it uses must be inside it.
 */

/** The parts of ServiceWorkerGlobalScope the worker uses, so tests can drive it with a stand-in. */
export interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  readonly caches: CacheStorage;
  fetch(request: Request): Promise<Response>;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/**
 * `appFiles` are paths relative to the worker's scope ('' is the page itself); `immutable` says which of them
 * never change under the same name (hashed assets), so the copy already in the HTTP cache will do. `dataFiles`
 * (the gzip copies of MNIST) live in `dataCacheName`, which the page's loader fills as it downloads them and
 * which outlives builds; the app's files live in a cache of this build's `version`.
 */
export function runServiceWorker(
  scope: ServiceWorkerScope,
  files: { app: readonly string[]; immutable: readonly string[]; data: readonly string[] },
  version: string,
  dataCacheName: string,
): void {
  const appCacheName = `gradient-lab-app-${version}`;
  const ours = (name: string) => name.startsWith('gradient-lab-');
  const base = scope.registration.scope;
  const absolute = (path: string) => new URL(path, base).href;
  const pageUrl = absolute('./');
  const appUrls = new Set(files.app.map(absolute));
  const keepAsIs = new Set(files.immutable.map(absolute));
  const dataUrls = new Set(files.data.map(absolute));

  const store = async (cache: Cache, url: string, mode: RequestCache) => {
    const response = await scope.fetch(new Request(url, { cache: mode }));
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await cache.put(url, response);
  };

  scope.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const app = await scope.caches.open(appCacheName);
        const data = await scope.caches.open(dataCacheName);
        await Promise.all([
          // Hashed assets: the page loaded them moments ago, so the HTTP cache has them ('force-cache');
          // the page itself is checked with the server ('no-cache').
          ...[...appUrls].map((url) => store(app, url, keepAsIs.has(url) ? 'force-cache' : 'no-cache')),
          // The data is normally in its cache already (the loader put it there); only what is missing is fetched.
          // The loader may still be writing the largest file when the page registers this worker, so a miss
          // waits a little for it before paying for a second download.
          ...[...dataUrls].map(async (url) => ((await cachedSoon(data, url)) ? undefined : store(data, url, 'force-cache'))),
        ]);
        await scope.skipWaiting();
      })(),
    );
  });

  scope.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const names = await scope.caches.keys();
        const stale = names.filter((name) => ours(name) && name !== appCacheName && name !== dataCacheName);
        await Promise.all(stale.map((name) => scope.caches.delete(name)));
        await scope.clients.claim();
      })(),
    );
  });

  scope.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    url.search = '';
    url.hash = '';
    // A navigation to the page, whatever its query (?layers=…), is answered with the cached page.
    const key = request.mode === 'navigate' && url.href === `${pageUrl}index.html` ? pageUrl : url.href;
    const cacheName = appUrls.has(key) ? appCacheName : dataUrls.has(key) ? dataCacheName : null;
    if (cacheName === null) return;
    event.respondWith(
      (async () => {
        const cache = await scope.caches.open(cacheName);
        const hit = await cache.match(key);
        return hit ?? scope.fetch(request);
      })(),
    );
  });
}

const CACHE_WAIT_MS = 10_000;
const CACHE_POLL_MS = 250;

/** True once `url` is in `cache`, checking every CACHE_POLL_MS for up to CACHE_WAIT_MS. */
async function cachedSoon(cache: Cache, url: string): Promise<boolean> {
  const deadline = Date.now() + CACHE_WAIT_MS;
  for (;;) {
    if (await cache.match(url)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, CACHE_POLL_MS));
  }
}
