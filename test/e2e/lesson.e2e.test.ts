/**
 * The lesson as a reader meets it: the production build in Chromium, walked from the first step to the last in
 * both languages on a projector-sized screen (1280×720) and a phone (390×844), then opened by a lesson=N link in
 * presentation mode. At every step the lesson panel and the panel the step points at must be on screen; the
 * saturation and "Over 20 seeds" panels, where the page has none yet, are skipped and nothing breaks.
 *
 * It also takes the README's picture of a lesson step (docs/lesson-step4-1280x720.png), replacing it only when
 * asked (UPDATE_SCREENSHOT=1) or when there is none.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, type BuiltApp, type ServedApp, collectPageErrors, skipWithoutChromium, startLab, stopLab } from '../../support/browser';
import { BAR_SELECTOR } from '../../support/page';
import type { Lang } from '../../src/i18n/lang';
import { chapterLink, LESSON_STEP_COUNT, LESSON_STEPS, PANELS } from '../../src/lesson/steps';
import { LESSON_TEXT } from '../../src/lesson/text';

const skipLocally = skipWithoutChromium();

const SCREENSHOT_PATH = join(ROOT, 'docs', 'lesson-step4-1280x720.png');
const WRITE_SCREENSHOT = process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT_PATH);
const SCREENSHOT_MAX_BYTES = 300 * 1024;

const WALK_TIMEOUT = 300_000;
const POLL = { timeout: 30_000, interval: 200 };

interface Screen {
  width: number;
  height: number;
  phone: boolean;
}
const SCREENS: Screen[] = [
  { width: 1280, height: 720, phone: false },
  { width: 390, height: 844, phone: true },
];

/**
 * How much of the marked panel a reader sees: its height inside the window, less what the lesson itself covers
 * (a column at the right on a wide screen, a sheet along the bottom of a phone). null: no panel is marked.
 */
async function markedPanelInView(page: Page): Promise<{ id: string; visibleHeight: number; height: number } | null> {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-lesson-target]');
    const lesson = document.querySelector('.lesson-panel');
    if (panel === null || lesson === null) return null;
    const r = panel.getBoundingClientRect();
    const l = lesson.getBoundingClientRect();
    const sheet = l.left <= 1;
    const bottom = Math.min(r.bottom, sheet ? l.top : window.innerHeight);
    const right = Math.min(r.right, sheet ? window.innerWidth : l.left);
    const visibleHeight = right > Math.max(r.left, 0) ? Math.max(0, bottom - Math.max(r.top, 0)) : 0;
    const id = panel.id || panel.querySelector('h2')?.id || '';
    return { id, visibleHeight, height: r.height };
  });
}

/** The lesson panel lies wholly inside the window. */
async function lessonPanelOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const lesson = document.querySelector('.lesson-panel');
    if (lesson === null) return false;
    const r = lesson.getBoundingClientRect();
    return r.width > 0 && r.top >= -1 && r.left >= -1 && r.bottom <= window.innerHeight + 1 && r.right <= window.innerWidth + 1;
  });
}

describe.skipIf(skipLocally)('The lesson in Chromium (production build)', () => {
  let built: BuiltApp | undefined;
  let served: ServedApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ({ built, served, browser } = await startLab());
  }, 240_000);

  afterAll(async () => {
    await stopLab({ browser, served, built });
  }, 60_000);

  /** A fresh page on its own screen, collecting every console error and uncaught exception. */
  async function openPage(screen: Screen, search: string): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
    if (!browser || !served) throw new Error('the browser or the server did not start');
    const context = await browser.newContext({
      viewport: { width: screen.width, height: screen.height },
      deviceScaleFactor: 1,
      isMobile: screen.phone,
      hasTouch: screen.phone,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    collectPageErrors(page, errors);
    await page.goto(`${served.url}${search}`, { waitUntil: 'load' });
    await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
    return { page, errors, close: () => context.close() };
  }

  for (const screen of SCREENS) {
    for (const lang of ['en', 'zh-CN'] as Lang[]) {
      it(
        `walks every step in ${lang} at ${screen.width}×${screen.height}, each with its panel on screen and no console error`,
        async () => {
          const text = LESSON_TEXT[lang];
          const { page, errors, close } = await openPage(screen, `?lang=${lang}`);
          try {
            await page.getByRole('button', { name: text.ui.open, exact: true }).click();
            const lesson = page.getByRole('region', { name: text.ui.panelLabel, exact: true });
            for (const [i, step] of LESSON_STEPS.entries()) {
              const n = i + 1;
              const where = `step ${n} (${step.id})`;
              await expect.poll(() => lesson.getByText(text.ui.progress(n, LESSON_STEP_COUNT), { exact: true }).count(), POLL).toBe(1);
              expect(await lesson.getByRole('heading', { level: 2 }).textContent(), where).toBe(text.steps[step.id].title);
              expect(await lesson.getByRole('link').getAttribute('href'), where).toBe(chapterLink(step.section));
              expect(new URL(page.url()).searchParams.get('lesson'), where).toBe(String(n));
              expect(await lessonPanelOnScreen(page), `${where}: the lesson panel is on screen`).toBe(true);

              const absent = (await page.locator(`#${PANELS[step.panel]}`).count()) === 0;
              if (absent) {
                // The saturation and seeds panels are not on this page yet: nothing is marked, the step still works.
                expect(step.panel === 'activations' || step.panel === 'seeds', `${where}: missing panel ${step.panel}`).toBe(true);
                expect(await page.locator('[data-lesson-target]').count(), where).toBe(0);
              } else {
                await expect
                  .poll(
                    async () => {
                      const seen = await markedPanelInView(page);
                      return seen !== null && seen.visibleHeight >= Math.min(120, seen.height - 1) ? 'in view' : JSON.stringify(seen);
                    },
                    { ...POLL, message: `${where}: the marked panel is in view` },
                  )
                  .toBe('in view');
              }
              // The control the step asks the reader to touch is outlined somewhere on the page.
              expect(await page.locator('[data-lesson-control]').count(), `${where}: control`).toBe(1);

              // Both ways forward: the Next button, and → on a keyboard (focus on the page, not in a field).
              if (n % 2 === 0 && !screen.phone) {
                await page.locator('body').focus();
                await page.keyboard.press('ArrowRight');
              } else {
                await lesson.getByRole('button', { name: n === LESSON_STEP_COUNT ? text.ui.finish : text.ui.next, exact: true }).click();
              }
            }
            // Finish closes the lesson, leaves the lab as the last step set it and drops lesson= from the address.
            await expect.poll(() => lesson.count(), POLL).toBe(0);
            expect(new URL(page.url()).searchParams.get('lesson')).toBeNull();
            expect(new URL(page.url()).searchParams.get('activation')).toBe('relu');
            expect(await page.locator('[data-lesson-target], [data-lesson-control]').count()).toBe(0);
            expect(errors).toEqual([]);
          } finally {
            await close();
          }
        },
        WALK_TIMEOUT,
      );
    }
  }

  it(
    'a lesson=N link opens step N in presentation mode, showing the instrument the step is about',
    async () => {
      const { page, errors, close } = await openPage({ width: 1280, height: 720, phone: false }, '?lesson=8&present=1');
      try {
        const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
        await expect.poll(() => lesson.getByText('Step 8 of 12', { exact: true }).count(), POLL).toBe(1);
        // Presentation mode hides the instruments; the bound of eq. 123 comes back for this step, on screen.
        await expect
          .poll(async () => {
            const seen = await markedPanelInView(page);
            return seen?.id === 'bound-title' && seen.visibleHeight >= 120;
          }, POLL)
          .toBe(true);
        expect(await page.locator('.chain-instrument').isVisible()).toBe(false);
        // Back to step 2: the learning-speed chart, a presentation panel, with the run bar's Start outlined.
        await page.goto(page.url().replace('lesson=8', 'lesson=2'), { waitUntil: 'load' });
        await expect.poll(() => lesson.getByText('Step 2 of 12', { exact: true }).count(), POLL).toBe(1);
        await expect.poll(async () => (await markedPanelInView(page))?.id, POLL).toBe('speed-title');
        expect(await page.locator('.run-bar button.primary[data-lesson-control]').count()).toBe(1);
        expect(await page.locator('.bound-instrument').isVisible()).toBe(false);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    WALK_TIMEOUT,
  );

  it(
    'takes the README’s picture of step 4 at 1280×720, after pressing the control the step points at',
    async () => {
      const { page, errors, close } = await openPage({ width: 1280, height: 720, phone: false }, '?lesson=4');
      try {
        await expect.poll(async () => (await markedPanelInView(page))?.id, POLL).toBe('chain-title');
        // Let the smooth scroll and the outline's pulse settle, so the picture is the same every time.
        await page.waitForTimeout(5000);
        // Pressed as a reader would, then the chain's top brought back: a click scrolls the button to the middle.
        await page.getByRole('button', { name: 'Exploding recipe', exact: true }).click();
        await page.locator('[data-lesson-target]').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
        expect((await markedPanelInView(page))?.visibleHeight).toBeGreaterThan(500);
        const png = await page.screenshot({ animations: 'disabled' });
        expect(png.length).toBeGreaterThan(10 * 1024);
        expect(png.length).toBeLessThan(SCREENSHOT_MAX_BYTES);
        if (WRITE_SCREENSHOT) writeFileSync(SCREENSHOT_PATH, png);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
    WALK_TIMEOUT,
  );
});
