/**
 * Getting curves, figures and the network out of the page and back in, in Debian's Chromium against the
 * production build: every download is parsed, not just counted. One page trains a short learning-speed run
 * and exports everything; fresh pages (fresh browser storage) reproduce the run from its link, load the
 * network file and load the workspace file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type BuiltApp, type ServedApp, collectPageErrors, skipWithoutChromium, startLab, stopLab } from '../../support/browser';
import { BAR_SELECTOR, button, readBars, shownEpoch } from '../../support/page';

const skipLocally = skipWithoutChromium();

const STEP_TIMEOUT = 180_000;
const POLL = { timeout: 120_000, interval: 250 };
/** A short run that pauses by itself: six probes (epochs 0 to 5), the same on every page that opens this link. */
const RUN_QUERY = '?layers=784,30,30,10&mode=learning-speed&seed=3&speed=full&pauseAt=5';
const SPEED_MENU = 'Export the learning-speed chart';
const BARS_MENU = 'Export the network and its bars';
const TOOLBAR_MENU = 'Export curves, network or workspace';

interface Downloaded {
  name: string;
  body: Buffer;
}

function menu(page: Page, name: string) {
  return page.locator('details.export-menu').filter({ has: page.locator(`summary[aria-label="${name}"]`) });
}

/** A download that has not started by then will not start: fail long before the step's timeout. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

async function exportFrom(page: Page, menuName: string, item: string): Promise<Downloaded> {
  const details = menu(page, menuName);
  await details.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: DOWNLOAD_TIMEOUT_MS }).catch(async (err: Error) => {
      // A download that never came is explained by the notice line (why the network could not be read out, say).
      const notice =
        (await page
          .locator('.notice')
          .textContent()
          .catch(() => null)) ?? '(no notice)';
      throw new Error(`no download of "${item}": ${err.message}; the page says: ${notice}`);
    }),
    details.getByRole('button', { name: item, exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path) };
}

/** What a person does by dragging a file from the desktop onto the page. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );
}

async function trainToPause(page: Page): Promise<void> {
  await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
  await button(page, 'Start').first().click();
  // A locator wait rather than expect.poll: this also runs in beforeAll, outside any test.
  await page.locator('.notice', { hasText: 'Paused at epoch 5 as asked' }).waitFor({ timeout: POLL.timeout });
  expect(await shownEpoch(page)).toBe(5);
}

const dataLines = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('#'));
const withoutDate = (csv: string) => csv.split('\n').filter((l) => !l.startsWith('# exported:'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function svgTexts(page: Page, svg: string): Promise<{ error: boolean; texts: string[] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
    };
  }, svg);
}

describe.skipIf(skipLocally)('exporting and re-importing in Chromium', () => {
  let built: BuiltApp | undefined;
  let served: ServedApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  let originalCsv = '';
  let networkFile = '';
  let workspaceFile = '';
  let pinnedLabels: string[] = [];

  const freshPage = async (): Promise<Page> => {
    const fresh = await browser!.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
    const p = await fresh.newPage();
    p.setDefaultTimeout(STEP_TIMEOUT);
    p.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    return p;
  };

  beforeAll(async () => {
    ({ built, served, browser } = await startLab());
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url.replace(/\/$/, '') });
    page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    collectPageErrors(page, errors);
    await page.goto(`${served.url}${RUN_QUERY}`, { waitUntil: 'load' });
    await trainToPause(page);
  }, 300_000);

  afterAll(async () => {
    await stopLab({ browser, served, built });
  }, 60_000);

  it(
    'exports the learning-speed curves as CSV (one row per probe) and JSON, each naming configuration, seed, mode, version and date',
    async () => {
      const csv = await exportFrom(page, SPEED_MENU, 'Curves as CSV');
      originalCsv = csv.body.toString('utf8');
      expect(csv.name).toBe('gradient-lab-learning-speed-784-30-30-10-seed3.csv');
      expect(originalCsv).toMatch(/^# Gradient Lab \d+\.\d+\.\d+: /);
      expect(originalCsv).toContain('# configuration: ?layers=784,30,30,10&mode=learning-speed&');
      expect(originalCsv).toContain('# seed: 3\n# mode: learning-speed\n# exported: 20');
      const lines = dataLines(originalCsv);
      expect(lines[0]).toBe('epoch,norm_layer1,norm_layer2');
      // Probes at epochs 0..5: one row each, every ‖δˡ‖ a positive number.
      expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([0, 1, 2, 3, 4, 5]);
      for (const l of lines.slice(1)) for (const v of l.split(',').slice(1)) expect(Number(v)).toBeGreaterThan(0);

      const json = JSON.parse((await exportFrom(page, SPEED_MENU, 'Curves as JSON')).body.toString('utf8'));
      expect(json).toMatchObject({ format: 'gradient-lab-curves', seed: 3, mode: 'learning-speed' });
      expect(json.tables.map((t: { id: string }) => t.id)).toEqual(['learning-speed', 'layers']);
      expect(json.tables[0].rows).toHaveLength(6);
      expect(json.tables[1].columns.map((c: { name: string }) => c.name)).toContain('factor_norm_eq124');
      expect(json.tables[1].rows).toHaveLength(2);
    },
    STEP_TIMEOUT,
  );

  it(
    'exports the chart as SVG (title, axes, legend) and as PNG at twice its on-screen size',
    async () => {
      const svg = (await exportFrom(page, SPEED_MENU, 'Figure as SVG')).body.toString('utf8');
      const parsed = await svgTexts(page, svg);
      expect(parsed.error).toBe(false);
      expect(parsed.texts).toContain('Learning speed of each hidden layer');
      expect(parsed.texts).toContain('Epochs, full batch of 1,000 images');
      expect(parsed.texts).toContain('‖δˡ‖ (log scale)');
      expect(parsed.texts).toContain('Hidden layer 2');
      expect(svg).not.toContain('class=');
      expect(svg).not.toContain('var(--');

      const box = await page.locator('.speed-panel figure.chart > svg').boundingBox();
      const png = (await exportFrom(page, SPEED_MENU, 'Figure as PNG (2×)')).body;
      const size = pngSize(png);
      expect(size.width).toBe(2 * Math.round(box!.width));
      expect(size.height).toBeGreaterThan(2 * box!.height);
      const decoded = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        // The corner is the white paper.
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, corner: Array.from(ctx.getImageData(1, 1, 1, 1).data) };
      }, png.toString('base64'));
      expect(decoded.width).toBe(size.width);
      expect(decoded.corner).toEqual([255, 255, 255, 255]);
    },
    STEP_TIMEOUT,
  );

  it(
    'exports the bars panel as SVG and PNG with every hidden layer',
    async () => {
      const svg = (await exportFrom(page, BARS_MENU, 'Figure as SVG')).body.toString('utf8');
      const parsed = await svgTexts(page, svg);
      expect(parsed.error).toBe(false);
      expect(parsed.texts).toContain('Network: how fast each neuron learns');
      expect(parsed.texts).toEqual(expect.arrayContaining(['Hidden layer 1', 'Hidden layer 2', 'Input', 'Output']));
      expect(parsed.texts.some((t) => t.startsWith('Full bar ='))).toBe(true);
      expect((svg.match(/data-grad=/g) ?? []).length).toBe((await readBars(page)).count);
      const box = await page.locator('.network-panel .network').boundingBox();
      expect(pngSize((await exportFrom(page, BARS_MENU, 'Figure as PNG (2×)')).body).width).toBe(2 * Math.round(box!.width));
    },
    STEP_TIMEOUT,
  );

  it(
    'a run reproduced from the copied link exports the same CSV to the printed precision',
    async () => {
      expect(originalCsv).not.toBe('');
      await button(page, 'Copy link').click();
      await expect
        .poll(async () => (await page.locator('.notice').textContent()) ?? '', POLL)
        .toContain('Link copied. It reproduces this configuration');
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain('seed=3');
      const other = await freshPage();
      await other.goto(link, { waitUntil: 'load' });
      await trainToPause(other);
      const again = (await exportFrom(other, SPEED_MENU, 'Curves as CSV')).body.toString('utf8');
      expect(withoutDate(again)).toEqual(withoutDate(originalCsv));
      await other.context().close();
    },
    STEP_TIMEOUT,
  );

  // The export waits on the worker's answer to 'read-network', which now always comes: the network, or a reason
  // the notice line names (test/store/networkRequests.test.ts, test/worker/trainer.test.ts).
  it("exports the network in network2.py's format and a dropped copy loads back with the same weights and draws its bars", {
    timeout: STEP_TIMEOUT,
  }, async () => {
    const exported = await exportFrom(page, BARS_MENU, 'Network (network2.py JSON)');
    networkFile = exported.body.toString('utf8');
    const net = JSON.parse(networkFile);
    expect(Object.keys(net).sort()).toEqual(['biases', 'cost', 'sizes', 'weights']);
    expect(net.sizes).toEqual([784, 30, 30, 10]);
    expect(net.cost).toBe('CrossEntropyCost');
    expect([net.weights[0].length, net.weights[0][0].length, net.biases[2].length, net.biases[2][0].length]).toEqual([30, 784, 10, 1]);

    // A fresh page with another network: the file decides the architecture.
    const other = await freshPage();
    await other.goto(`${served!.url}?layers=784,20,10`, { waitUntil: 'load' });
    await other.waitForSelector(BAR_SELECTOR, { state: 'attached' });
    await dropFile(other, exported.name, networkFile);
    await expect
      .poll(async () => (await other.locator('.notice').textContent()) ?? '', POLL)
      .toContain(`Loaded the network in "${exported.name}"`);
    await expect.poll(async () => (await readBars(other)).layers, POLL).toBe(2);
    const bars = await readBars(other);
    for (const g of bars.signature.split(',')) expect(Number.isFinite(Number(g))).toBe(true);
    const back = JSON.parse((await exportFrom(other, BARS_MENU, 'Network (network2.py JSON)')).body.toString('utf8'));
    expect(back).toEqual(net);

    // A corrupt copy is refused with the reason, and the loaded network stays.
    await dropFile(other, 'broken.json', networkFile.replace('[784, 30, 30, 10]', '[784, 30, 30, 12]'));
    await expect
      .poll(async () => (await other.locator('.notice').textContent()) ?? '', POLL)
      .toBe('"broken.json" was not loaded: the output layer has 12 neurons; MNIST has 10 digits.');
    await other.context().close();
  });

  it(
    'pinned runs survive a reload, and a workspace file dropped on a fresh page shows the same pinned runs',
    async () => {
      await button(page, 'Pin this run').click();
      await page.reload({ waitUntil: 'load' });
      await expect.poll(() => page.locator('.pinned-label').count(), POLL).toBe(1);
      await expect(button(page, 'Remove all pinned runs').isVisible()).resolves.toBe(true);
      pinnedLabels = await page.locator('.pinned-label').allTextContents();
      expect(pinnedLabels[0]).toMatch(/^Pinned run 1: /);

      workspaceFile = (await exportFrom(page, TOOLBAR_MENU, 'Workspace (configuration and pinned runs)')).body.toString('utf8');
      const other = await freshPage();
      await other.goto(served!.url, { waitUntil: 'load' });
      await other.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      expect(await other.locator('.pinned-label').count()).toBe(0);
      await dropFile(other, 'workspace.json', workspaceFile);
      await expect.poll(() => other.locator('.pinned-label').allTextContents(), POLL).toEqual(pinnedLabels);
      expect(other.url()).toContain('layers=784,30,30,10');
      expect(other.url()).toContain('seed=3');
      // The pinned curves are drawn on the learning-speed chart.
      expect(await other.locator('.speed-panel path.series.pinned').count()).toBe(2);
      await other.context().close();
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
