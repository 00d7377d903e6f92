/**
 * The README's pictures of the lab in class: a projector in presentation mode, a laptop and a phone, each with
 * the book's four-hidden-layer network part-way through training. Builds the app, serves it, drives Chromium
 * (the same plumbing as the end-to-end walk) and writes docs/present-1280x720.png, docs/laptop-1366x768.png and
 * docs/phone-390x844.png. Run by hand with `npm run screenshots`; the tests never write into docs/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launchChromium, ROOT, serveApp } from '../support/browser';
import { BAR_SELECTOR, button } from '../support/page';

const DOCS = join(ROOT, 'docs');
/** Small enough to keep in the repository. */
const MAX_BYTES = 250 * 1024;
/** Long enough for the early layers' bars to have shrunk visibly, short enough that the run is still going. */
const TRAIN_MS = 10_000;
const FOUR_HIDDEN = '?layers=784,30,30,30,30,10';

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  search: string;
  phone: boolean;
  /** Where the picture looks once the run is under way. */
  frame: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    file: 'present-1280x720.png',
    viewport: { width: 1280, height: 720 },
    search: `${FOUR_HIDDEN}&present=1`,
    phone: false,
    frame: async () => {},
  },
  { file: 'laptop-1366x768.png', viewport: { width: 1366, height: 768 }, search: FOUR_HIDDEN, phone: false, frame: async () => {} },
  {
    file: 'phone-390x844.png',
    viewport: { width: 390, height: 844 },
    search: FOUR_HIDDEN,
    phone: true,
    // The headline at the top of the screen and the bars under it, as a student scrolls to them.
    frame: async (page) => {
      await page.getByTestId('headline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const runBar = await page.getByRole('group', { name: 'Run', exact: true }).boundingBox();
      await page.evaluate((by) => window.scrollBy(0, -by), (runBar?.height ?? 0) + 8);
    },
  },
];

async function take(browser: Browser, url: string, shot: Shot): Promise<number> {
  const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: 1, isMobile: shot.phone, hasTouch: shot.phone });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${url}${shot.search}`, { waitUntil: 'load' });
    await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
    await button(page, 'Start').filter({ visible: true }).click();
    await page.waitForTimeout(TRAIN_MS);
    await shot.frame(page);
    const png = await page.screenshot({ type: 'png', animations: 'disabled' });
    if (png.byteLength > MAX_BYTES) throw new Error(`${shot.file} is ${png.byteLength} bytes, more than ${MAX_BYTES}`);
    writeFileSync(join(DOCS, shot.file), png);
    return png.byteLength;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const built = await buildApp();
  const served = await serveApp(built.outDir);
  const browser = await launchChromium();
  try {
    mkdirSync(DOCS, { recursive: true });
    for (const shot of SHOTS) {
      const bytes = await take(browser, served.url, shot);
      console.log(`docs/${shot.file}: ${Math.round(bytes / 1024)} kB`);
    }
  } finally {
    await browser.close();
    await served.close();
    built.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
