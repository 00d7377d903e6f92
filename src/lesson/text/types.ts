/**
 * The shape of the lesson's words in one language. Every step id must have every field, and every label of
 * the lesson panel must be there, so a language that forgets one does not type-check.
 */
import type { LessonStepId, SectionId } from '../steps';

export interface LessonStepText {
  title: string;
  /** The equation or figure of the chapter the step rests on: "Eq. 122", "Figs. 5-7". */
  cite: string;
  /** What is going on, in a few sentences of our own. */
  explain: string;
  /** What to look at in the lab once the step has set it up. */
  look: string;
  /** One question the reader answers by trying things in the lab. */
  question: string;
}

export interface LessonUiText {
  /** The toolbar button that opens the lesson. */
  open: string;
  /** The lesson panel's name for assistive technology. */
  panelLabel: string;
  heading: string;
  progress: (step: number, total: number) => string;
  back: string;
  next: string;
  /** Next's place on the last step: closes the lesson. */
  finish: string;
  close: string;
  closeLabel: string;
  lookLabel: string;
  questionLabel: string;
  /** "§ The vanishing gradient problem · Fig. 4". */
  where: (section: string, cite: string) => string;
  /** The link to the chapter itself. */
  chapterLink: string;
  /** For readers of a translation: the chapter's title there. Empty when there is none to name. */
  translationNote: string;
  keysHint: string;
  /** The progress bar's name, and one dot's, for a screen reader. */
  stepsLabel: string;
  goToStep: (step: number, title: string) => string;
  /** A `lesson=` in the address bar that names no step. */
  badLink: (raw: string, total: number) => string;
}

export interface LessonText {
  sections: Record<SectionId, string>;
  steps: Record<LessonStepId, LessonStepText>;
  ui: LessonUiText;
}
