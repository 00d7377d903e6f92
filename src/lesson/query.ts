/**
 * The lesson in the address bar (`lesson=4`), so a teacher can send a class straight to step 4. Like
 * presentation mode it is a way of looking at the lab, not part of the run; a bad hand-edited value is
 * ignored and named in the page's URL notices, like the configuration's parameters.
 */
import type { Lang } from '../i18n/lang';
import { LESSON_STEP_COUNT } from './steps';
import { lessonText } from './text';

export const LESSON_KEY = 'lesson';

export interface ParsedLesson {
  /** The step to open (from 1), or null for no lesson. */
  step: number | null;
  notice: string | null;
}

export function parseLessonQuery(search: string, lang: Lang, total = LESSON_STEP_COUNT): ParsedLesson {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const raw = params.get(LESSON_KEY);
  if (raw === null) return { step: null, notice: null };
  const trimmed = raw.trim();
  const step = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isInteger(step) && step >= 1 && step <= total) return { step, notice: null };
  return { step: null, notice: lessonText(lang).ui.badLink(raw, total) };
}

/** The query-string suffix for the open step: "&lesson=4", or nothing when the lesson is closed. */
export function lessonQuery(step: number | null): string {
  return step === null ? '' : `&${LESSON_KEY}=${step}`;
}
