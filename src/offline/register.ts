/**
 * Registers the service worker (sw.js at the app's base path) once MNIST has finished loading, never sooner:
 * its install copies the app and the 12 MB of data into the offline cache, and by then the browser's HTTP cache
 * holds them, so a first visit does not download the data twice. Only the production build has a sw.js.
 */
import type { LabStore } from '../store/store';

export function registerServiceWorkerOnceLoaded(store: LabStore, container: ServiceWorkerContainer | undefined, base: string): void {
  if (container === undefined) return;
  let registered = false;
  const registerIfLoaded = () => {
    if (registered || store.getState().dataReady !== 'all') return;
    registered = true;
    unsubscribe();
    // A relative base ('./') is resolved against the page, which is where sw.js sits.
    container.register(`${base}sw.js`).catch(() => {
      // No service worker (a private window, a file: URL): the lab works the same, only not offline.
    });
  };
  const unsubscribe = store.subscribe(registerIfLoaded);
  registerIfLoaded();
}
