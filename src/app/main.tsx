/**
 * Entry point: one worker client, one store, the URL kept in step with the configuration.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from '../worker/client';
import { createLabStore } from '../store/store';
import { mirrorConfigInUrl } from '../store/url';
import { persistPinnedRuns } from '../store/pinnedStorage';
import { followLang, initialLang } from '../i18n/document';
import { App } from './App';
import { applyPalette } from './palette';
// One stylesheet in five parts, in cascade order: later parts refine earlier ones at equal specificity.
import './styles/base.css';
import './styles/panels.css';
import './styles/charts.css';
import './styles/toolbar.css';
import './styles/screens.css';

// Before the first render, so the stylesheet's colour variables exist when anything is painted.
applyPalette(document.documentElement.style);

const storage = browserStorage();
const store = createLabStore({
  client: createWorkerClient(),
  search: window.location.search,
  defaultLang: initialLang(storage, navigator.languages ?? [navigator.language]),
});
mirrorConfigInUrl(store, window.history, window.location);
followLang(store, document, storage);
store.getState().connect();
// After connect(): configuring the first run clears the notice line, and a notice about unreadable
// pinned runs must survive it.
persistPinnedRuns(store, storage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);

/** localStorage, or null where merely touching it throws (some browsers' private modes, sandboxed frames). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
