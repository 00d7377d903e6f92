/**
 * Keeps the address bar in step with the configuration, so a teacher can bookmark or share an experiment.
 * replaceState, not pushState: every tweak of η should not become a Back-button step.
 */
import { serialiseQuery } from './config';
import { lessonQuery } from '../lesson/query';
import { presentationQuery } from './presentation';
import type { LabStore } from './store';
import { serialiseView } from './view';

export function mirrorConfigInUrl(
  store: LabStore,
  history: Pick<History, 'replaceState'>,
  location: Pick<Location, 'pathname' | 'hash'>,
): () => void {
  const write = () => {
    const { config, view, presenting, lesson } = store.getState();
    history.replaceState(
      null,
      '',
      `${location.pathname}${serialiseQuery(config)}&${serialiseView(view)}${presentationQuery(presenting)}${lessonQuery(lesson)}${location.hash}`,
    );
  };
  write();
  return store.subscribe((state, prev) => {
    if (state.config !== prev.config || state.view !== prev.view || state.presenting !== prev.presenting || state.lesson !== prev.lesson)
      write();
  });
}
