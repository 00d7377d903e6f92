/**
 * Moving through the lesson. A step sets the lab up through the store's ordinary actions, as a reader
 * changing the settings by hand would, so the URL, the notice line and the worker all follow. Closing the
 * lesson changes nothing but the lesson itself: the lab stays as the last step left it.
 */
import type { LabStore } from '../store/store';
import { LESSON_STEP_COUNT, lessonStep } from './steps';

/** Opens step `n` (from 1) and sets the lab up for it. */
export function goToLessonStep(store: LabStore, n: number): void {
  const step = lessonStep(n);
  store.getState().setLesson(n);
  const { config } = step.setup;
  if (config) {
    const before = store.getState().runId;
    store.getState().updateConfig({ ...config, ...(config.layers ? { layers: [...config.layers] } : {}) });
    // A step that names a network starts from that network at initialisation, as the chapter's figures do:
    // when the settings were already the step's, nothing was rebuilt, so the run starts again from the seed.
    if (store.getState().runId === before) store.getState().reset();
  }
}

/** The next step, or closes the lesson after the last one. Does nothing while the lesson is closed. */
export function nextLessonStep(store: LabStore): void {
  const current = store.getState().lesson;
  if (current === null) return;
  if (current >= LESSON_STEP_COUNT) store.getState().setLesson(null);
  else goToLessonStep(store, current + 1);
}

/** The step before, staying on the first. Does nothing while the lesson is closed. */
export function previousLessonStep(store: LabStore): void {
  const current = store.getState().lesson;
  if (current === null || current <= 1) return;
  goToLessonStep(store, current - 1);
}

export function closeLesson(store: LabStore): void {
  store.getState().setLesson(null);
}

/** A `lesson=N` link: the store already holds the step; this sets the lab up for it, once, after connect(). */
export function applyLessonFromUrl(store: LabStore): void {
  const step = store.getState().lesson;
  if (step !== null) goToLessonStep(store, step);
}
