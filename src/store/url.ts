/**
 * Keeps the address bar in step with the configuration (and the language, so a shared link opens in it), so a teacher can bookmark or share an experiment.
 * replaceState, not pushState: every tweak of η should not become a Back-button step.
 */
import { LANG_KEY } from '../i18n/lang';
import { serialiseQuery } from './config';
import { presentationQuery } from './presentation';
import type { LabStore } from './store';
import { serialiseView } from './view';

export function mirrorConfigInUrl(
  store: LabStore,
  history: Pick<History, 'replaceState'>,
  location: Pick<Location, 'pathname' | 'hash'>,
): () => void {
  const write = () => {
    const { config, view, presenting, lang } = store.getState();
    history.replaceState(
      null,
      '',
      `${location.pathname}${serialiseQuery(config)}&${serialiseView(view)}&${LANG_KEY}=${lang}${presentationQuery(presenting)}${location.hash}`,
    );
  };
  write();
  return store.subscribe((state, prev) => {
    const changed =
      state.config !== prev.config || state.view !== prev.view || state.presenting !== prev.presenting || state.lang !== prev.lang;
    if (changed) write();
  });
}
