/**
 * The activations panel in the production build: on the book's [784, 30, 30, 30, 10] network, after a few
 * epochs, one band and one mean line per hidden layer and a histogram per layer whose bars are big enough
 * to see, at a laptop's and a phone's width. Skipped loudly without Chromium, failed under CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type BuiltApp, type ServedApp, collectPageErrors, skipWithoutChromium, startLab, stopLab } from '../../support/browser';

const skipLocally = skipWithoutChromium();

const STEP_TIMEOUT = 180_000;
const POLL = { timeout: 120_000, interval: 250 };
const HIDDEN_LAYERS = 3;

/** What the panel shows, in CSS pixels as laid out on screen. */
interface PanelReading {
  bands: { width: number; height: number }[];
  means: number;
  histograms: number;
  /** Per histogram, the on-screen height of its tallest bar and the count of its bars. */
  tallestBars: number[];
  barCounts: number[];
  text: string;
}

async function readPanel(page: Page): Promise<PanelReading> {
  return page.evaluate(() => {
    const panel = document.getElementById('activations-panel');
    if (panel === null) throw new Error('no element with id "activations-panel"');
    const size = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    };
    const chart = panel.querySelector('svg[role="group"]');
    const bands = chart === null ? [] : Array.from(chart.querySelectorAll('path.band')).map(size);
    const means = chart === null ? 0 : chart.querySelectorAll('path.series').length;
    const figures = Array.from(panel.querySelectorAll('.histograms svg[role="img"]'));
    const heights = figures.map((f) => Array.from(f.querySelectorAll('rect')).map((r) => r.getBoundingClientRect().height));
    return {
      bands,
      means,
      histograms: figures.length,
      tallestBars: heights.map((h) => Math.max(0, ...h)),
      barCounts: heights.map((h) => h.length),
      text: panel.textContent ?? '',
    };
  });
}

describe.skipIf(skipLocally)('Activations per layer in Chromium (production build)', () => {
  let built: BuiltApp | undefined;
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ built, served, browser } = await startLab());
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    collectPageErrors(page, errors);
    await page.goto(`${served.url}?layers=784,30,30,30,10&speed=fast&pauseAt=20`, { waitUntil: 'load' });
  }, 240_000);

  afterAll(async () => {
    await stopLab({ browser, served, built });
  }, 60_000);

  it(
    'shows a band per hidden layer and a histogram per layer with visible bars, during training',
    async () => {
      await expect.poll(async () => (await readPanel(page)).histograms, POLL).toBe(HIDDEN_LAYERS);
      await page.getByRole('button', { name: 'Start', exact: true }).first().click();
      // Paused at epoch 20 as asked: the bands then span 20 epochs of the chart.
      await expect.poll(async () => (await page.getByText('Paused at epoch 20 as asked').count()) > 0, POLL).toBe(true);
      await page.locator('#activations-panel').scrollIntoViewIfNeeded();
      const r = await readPanel(page);
      expect(r.bands).toHaveLength(HIDDEN_LAYERS);
      expect(r.means).toBe(HIDDEN_LAYERS);
      // A band across 20 epochs is wide on screen, and a 2-98 % spread is more than a hairline.
      for (const b of r.bands) {
        expect(b.width).toBeGreaterThan(200);
        expect(b.height).toBeGreaterThan(4);
      }
      expect(r.histograms).toBe(HIDDEN_LAYERS);
      for (let h = 0; h < HIDDEN_LAYERS; h++) {
        expect(r.barCounts[h], `bars of layer ${h + 1}`).toBeGreaterThan(1);
        // The fullest bin fills the plot: far more than the 3 px that would not be seen.
        expect(r.tallestBars[h], `tallest bar of layer ${h + 1}`).toBeGreaterThan(30);
      }
      expect(r.text).toMatch(/saturated \(σ < 0\.01 or > 0\.99\): /);
      expect(r.text).not.toMatch(/NaN|Infinity|undefined/);
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'keeps the histograms readable on a 390 px phone',
    async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('#activations-panel').scrollIntoViewIfNeeded();
      await expect.poll(async () => (await readPanel(page)).histograms, POLL).toBe(HIDDEN_LAYERS);
      const r = await readPanel(page);
      for (const b of r.bands) expect(b.width).toBeGreaterThan(100);
      for (const t of r.tallestBars) expect(t).toBeGreaterThan(20);
      const overflow = await page.evaluate(() => {
        const panel = document.getElementById('activations-panel') as HTMLElement;
        return panel.scrollWidth - panel.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(1);
    },
    STEP_TIMEOUT,
  );
});
