/**
 * What a step points at on the page: the panel it brings into view and the control it outlines. These are
 * marked with data attributes rather than classes, because React owns each element's class list and would
 * drop a class it did not set on its next render; it leaves attributes it never set alone.
 *
 * A panel or control that is not on the page (the saturation and "Over 20 seeds" panels where this build
 * has none) or not rendered (display: none) is skipped: the step still shows its text and sets the lab up.
 */
import { type ControlTarget, type LessonStep, PANELS, type PanelName } from './steps';

export const PANEL_MARK = 'data-lesson-target';
export const CONTROL_MARK = 'data-lesson-control';

/** True when the element takes up room on screen; false under display: none. */
export function isRendered(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** The panel named by the step: a heading's id stands for the section around it, any other id for itself. */
export function findPanel(doc: Document, name: PanelName): HTMLElement | null {
  const el = doc.getElementById(PANELS[name]);
  if (el === null) return null;
  return /^H[1-6]$/.test(el.tagName) ? (el.closest('section') ?? el) : el;
}

/** The first rendered element a control target names (or the ancestor it asks to outline), or null. */
export function findControl(doc: Document, target: ControlTarget, rendered: (el: Element) => boolean = isRendered): HTMLElement | null {
  for (const selector of target.selectors) {
    for (const found of Array.from(doc.querySelectorAll<HTMLElement>(selector))) {
      const shown = target.outline === undefined ? found : found.closest<HTMLElement>(target.outline);
      if (shown !== null && rendered(shown)) return shown;
    }
  }
  return null;
}

export interface MarkOptions {
  /** How to scroll: 'smooth' for a reader, 'auto' when motion is unwelcome; null not to scroll at all. */
  scroll: ScrollBehavior | null;
  rendered?: (el: Element) => boolean;
}

export interface Marked {
  panel: HTMLElement | null;
  control: HTMLElement | null;
  /** Takes the marks off again. */
  clear(): void;
}

/**
 * Marks the step's panel and control and brings the panel into view. The panel is marked before anything is
 * measured, because the mark itself can reveal it (the stylesheet shows a marked instrument in presentation
 * mode, where the instruments are otherwise hidden).
 */
export function markStep(doc: Document, step: LessonStep, options: MarkOptions): Marked {
  const rendered = options.rendered ?? isRendered;
  const panel = findPanel(doc, step.panel);
  panel?.setAttribute(PANEL_MARK, '');
  const control = findControl(doc, step.control, rendered);
  control?.setAttribute(CONTROL_MARK, '');
  let stopFollowing = () => {};
  if (options.scroll !== null) {
    if (panel !== null && rendered(panel)) {
      panel.scrollIntoView({ block: 'start', behavior: options.scroll });
      stopFollowing = followWhileLayoutSettles(doc, panel);
    }
    // No panel to show: at least bring the control the step asks the reader to touch into view.
    else if (control !== null) control.scrollIntoView({ block: 'nearest', behavior: options.scroll });
  }
  return {
    panel,
    control,
    clear() {
      stopFollowing();
      panel?.removeAttribute(PANEL_MARK);
      control?.removeAttribute(CONTROL_MARK);
    },
  };
}

const SETTLE_MS = 2000;

/**
 * A step often changes the network, and the panels above the one it points at then grow or shrink as their
 * new content arrives (the seeds view, the activation histograms), pushing the panel out of view just after
 * it was scrolled to. For a short while after the step, every change of the page's height scrolls it back.
 */
function followWhileLayoutSettles(doc: Document, panel: HTMLElement): () => void {
  const view = doc.defaultView;
  if (view === null || typeof view.ResizeObserver !== 'function') return () => {};
  let lastHeight = doc.body.scrollHeight;
  const observer = new view.ResizeObserver(() => {
    const height = doc.body.scrollHeight;
    if (height === lastHeight) return;
    lastHeight = height;
    panel.scrollIntoView({ block: 'start', behavior: 'auto' });
  });
  observer.observe(doc.body);
  const timer = view.setTimeout(() => observer.disconnect(), SETTLE_MS);
  return () => {
    view.clearTimeout(timer);
    observer.disconnect();
  };
}
