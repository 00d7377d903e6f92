/**
 * The README's pictures of the lab in class: a projector in presentation mode, a laptop and a phone, each with
 * the book's four-hidden-layer network part-way through training. Builds the app, serves it, drives Chromium
 * (the same plumbing as the end-to-end walk) and writes docs/present-1280x720.png, docs/laptop-1366x768.png and
 * docs/phone-390x844.png, and the Chinese page (a browser set to zh-CN) at 1280×720 and 390×844 in
 * docs/zh-CN-1280x720.png and docs/zh-CN-390x844.png. Run by hand with `npm run screenshots`, or
 * `npm run screenshots -- zh-CN` for the pictures whose file name contains zh-CN; the tests never write into docs/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launchChromium, ROOT, serveApp } from '../support/browser';
import { BAR_SELECTOR, button } from '../support/page';
import { t } from '../src/i18n/catalogue';
import type { Lang } from '../src/i18n/lang';

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
  /** The browser's language; the page opens in it. English when left out. */
  lang?: Lang;
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
    frame: (page) => scrollToHeadline(page, 'en'),
  },
  {
    file: 'zh-CN-1280x720.png',
    viewport: { width: 1280, height: 720 },
    search: FOUR_HIDDEN,
    phone: false,
    lang: 'zh-CN',
    frame: async () => {},
  },
  {
    file: 'zh-CN-390x844.png',
    viewport: { width: 390, height: 844 },
    search: FOUR_HIDDEN,
    phone: true,
    lang: 'zh-CN',
    frame: (page) => scrollToHeadline(page, 'zh-CN'),
  },
];

/** The headline at the top of the screen and the bars under it, as a student scrolls to them. */
async function scrollToHeadline(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('headline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const runBar = await page.getByRole('group', { name: t(lang).controls.run, exact: true }).boundingBox();
  await page.evaluate((by) => window.scrollBy(0, -by), (runBar?.height ?? 0) + 8);
}

async function take(browser: Browser, url: string, shot: Shot): Promise<number> {
  const context = await browser.newContext({
    viewport: shot.viewport,
    deviceScaleFactor: 1,
    isMobile: shot.phone,
    hasTouch: shot.phone,
    locale: shot.lang ?? 'en-GB',
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${url}${shot.search}`, { waitUntil: 'load' });
    await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
    await button(page, t(shot.lang ?? 'en').controls.start)
      .filter({ visible: true })
      .click();
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
    const only = process.argv[2];
    for (const shot of SHOTS.filter((s) => only === undefined || s.file.includes(only))) {
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
