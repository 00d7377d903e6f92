/**
 * Entry point: one worker client, one store, the URL kept in step with the configuration.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from '../worker/client';
import { createLabStore } from '../store/store';
import { mirrorConfigInUrl } from '../store/url';
import { App } from './App';
import { applyPalette } from './palette';
import './theme.css';

// Before the first render, so the stylesheet's colour variables exist when anything is painted.
applyPalette(document.documentElement.style);

const store = createLabStore({ client: createWorkerClient(), search: window.location.search });
mirrorConfigInUrl(store, window.history, window.location);
store.getState().connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
