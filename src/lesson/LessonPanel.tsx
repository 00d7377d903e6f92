/**
 * The lesson beside the lab: the step's explanation, what to look for and one question, with Back and Next,
 * a dot per step and a link to the chapter. It sits in a column of its own on a wide screen and as a sheet
 * along the bottom of a phone, so the panel the step points at stays in view next to it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useLab, useLabStore } from '../store/hooks';
import { closeLesson, goToLessonStep, nextLessonStep, previousLessonStep } from './apply';
import { markStep } from './marks';
import { chapterLink, LESSON_STEP_COUNT, LESSON_STEPS, lessonStep } from './steps';
import { lessonText } from './text';
import './lesson.css';

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function LessonPanel() {
  const store = useLabStore();
  const stepNumber = useLab((s) => s.lesson);
  const lang = useLab((s) => s.lang);
  // What is rendered changes with these, so the marks are placed again (a new column of bars, the sidebar
  // hidden in presentation mode).
  const presenting = useLab((s) => s.presenting);
  const depth = useLab((s) => s.config.layers.length);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: presenting and depth change what is rendered, so the marks go on again
  useEffect(() => {
    if (stepNumber === null) return;
    const marked = markStep(document, lessonStep(stepNumber), { scroll: prefersReducedMotion() ? 'auto' : 'smooth' });
    return () => marked.clear();
  }, [stepNumber, presenting, depth]);

  // Opening the lesson takes the focus to it, so a screen reader reads the step; moving between steps does
  // not, so the focus stays on Next for the next press.
  useEffect(() => {
    const open = stepNumber !== null;
    if (open && !wasOpen.current) heading.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [stepNumber]);

  if (stepNumber === null) return null;
  const step = lessonStep(stepNumber);
  const text = lessonText(lang);
  const { ui } = text;
  const words = text.steps[step.id];
  const last = stepNumber === LESSON_STEP_COUNT;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    // Ours, not presentation mode's: the page's key handler skips a handled key.
    e.preventDefault();
    closeLesson(store);
  };

  return (
    <section className="lesson-panel" aria-label={ui.panelLabel} onKeyDown={onKeyDown} lang={lang}>
      <div className="lesson-top">
        <p className="lesson-progress" aria-live="polite">
          <span className="lesson-name">{ui.heading}</span> <span>{ui.progress(stepNumber, LESSON_STEP_COUNT)}</span>
        </p>
        <button type="button" className="lesson-close" aria-label={ui.closeLabel} title={ui.closeLabel} onClick={() => closeLesson(store)}>
          {ui.close}
        </button>
      </div>
      <ol className="lesson-dots" aria-label={ui.stepsLabel}>
        {LESSON_STEPS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className={i + 1 < stepNumber ? 'done' : undefined}
              aria-label={ui.goToStep(i + 1, text.steps[s.id].title)}
              aria-current={i + 1 === stepNumber ? 'step' : undefined}
              onClick={() => goToLessonStep(store, i + 1)}
            />
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1}>
        {words.title}
      </h2>
      <p className="lesson-where">{ui.where(text.sections[step.section], words.cite)}</p>
      <p className="lesson-chapter">
        <a href={chapterLink(step.section)} target="_blank" rel="noopener noreferrer">
          {ui.chapterLink}
        </a>
        {ui.translationNote !== '' && <span className="lesson-translation">{ui.translationNote}</span>}
      </p>
      <p className="lesson-explain">{words.explain}</p>
      <dl className="lesson-tasks">
        <dt>{ui.lookLabel}</dt>
        <dd>{words.look}</dd>
        <dt>{ui.questionLabel}</dt>
        <dd>{words.question}</dd>
      </dl>
      <div className="lesson-nav">
        {/* aria-disabled, not disabled: Back pressed on step 2 must keep the focus when it lands on step 1. */}
        <button type="button" onClick={() => previousLessonStep(store)} aria-disabled={stepNumber === 1}>
          {ui.back}
        </button>
        <span className="hint lesson-keys">{ui.keysHint}</span>
        <button type="button" className="primary" onClick={() => nextLessonStep(store)}>
          {last ? ui.finish : ui.next}
        </button>
      </div>
    </section>
  );
}

/** The toolbar's way into the lesson (and out of it). */
export function LessonButton() {
  const store = useLabStore();
  const open = useLab((s) => s.lesson !== null);
  const lang = useLab((s) => s.lang);
  return (
    <button
      type="button"
      aria-pressed={open}
      className={open ? 'primary' : undefined}
      onClick={() => (open ? closeLesson(store) : goToLessonStep(store, 1))}
    >
      {lessonText(lang).ui.open}
    </button>
  );
}
