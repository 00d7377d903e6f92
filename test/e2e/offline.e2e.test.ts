/**
 * How the built lab reaches a browser, in Chromium against a plain static server (support/staticServer.ts, which
 * compresses nothing itself, like most school and university web space): a first visit costs under 15 MB,
 * a second one works with the network off, a data file that stops sending turns into a named error with
 * Retry, and the page says when a Content-Security-Policy keeps WebAssembly out.
 *
 * Without Chromium the suite says so loudly and is skipped locally; under CI it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { policyText, SHIPPED_CSP, SHIPPED_CSP_DIRECTIVES } from '../../build/csp';
import { en } from '../../src/i18n/en';
import { buildApp, launchChromium, type BuiltApp, skipWithoutChromium, requireChromium } from '../../support/browser';
import { BAR_SELECTOR, button, shownEpoch } from '../../support/page';
import { startStaticServer, type StaticServer } from '../../support/staticServer';

const skipLocally = skipWithoutChromium();

const STEP_TIMEOUT = 180_000;
const POLL = { timeout: 90_000, interval: 250 };
/** What a first visit may cost: the raw IDX files alone were 55 MB. */
const FIRST_VISIT_LIMIT_BYTES = 15e6;

describe.skipIf(skipLocally)('the built lab over a plain static server', () => {
  let built: BuiltApp | undefined;
  let browser: Browser | undefined;
  const servers: StaticServer[] = [];
  const contexts: BrowserContext[] = [];

  const serve = async (options: Omit<Parameters<typeof startStaticServer>[0], 'root'> = {}) => {
    const server = await startStaticServer({ root: built!.outDir, ...options });
    servers.push(server);
    return server;
  };

  const freshPage = async (): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 720 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    return { context, page, errors };
  };

  const statusText = async (page: Page) => (await page.getByRole('status').first().textContent()) ?? '';

  beforeAll(async () => {
    requireChromium();
    built = await buildApp();
    browser = await launchChromium();
  }, 400_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    for (const server of servers) await server.close();
    built?.dispose();
  }, 60_000);

  it(
    'a first visit costs under 15 MB, and the second one loads and trains with the network off',
    async () => {
      const server = await serve();
      const { context, page, errors } = await freshPage();
      await page.goto(server.url);
      await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      // The service worker is registered once all of MNIST is in, and takes over the page when installed.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: STEP_TIMEOUT });
      await expect.poll(() => statusText(page), POLL).not.toContain('still loading');
      const firstVisit = server.bytesSent();
      if (firstVisit >= FIRST_VISIT_LIMIT_BYTES) console.log('LOG', server.log().join(' | '));
      expect(server.log()).toContain('200 /mnist/train-images-idx3-ubyte.gz');
      expect(server.log()).not.toContain('200 /mnist/train-images-idx3-ubyte');
      expect(firstVisit).toBeLessThan(FIRST_VISIT_LIMIT_BYTES);

      // No server and no network: everything must come from the browser's own copy.
      await server.close();
      await context.setOffline(true);
      const offline = await context.newPage();
      await offline.goto(`${server.url}?layers=784,30,30,30,10`);
      await offline.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      await expect.poll(async () => (await offline.$$(BAR_SELECTOR)).length, POLL).toBeGreaterThanOrEqual(18);
      await button(offline, 'Start').click();
      await expect.poll(() => shownEpoch(offline), POLL).toBeGreaterThanOrEqual(3);
      // The whole data set came out of the cache, not only the probe images.
      await expect.poll(() => statusText(offline), POLL).not.toContain('still loading');
      expect(await offline.getByRole('alert').count()).toBe(0);
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT * 2,
  );

  it(
    'a training-image file that stops sending ends in the named error with Retry, and the loading text goes',
    async () => {
      const server = await serve({ stall: { 'mnist/train-images-idx3-ubyte.gz': 2_000_000 } });
      const { page } = await freshPage();
      const started = Date.now();
      await page.goto(server.url);
      // The first 2 MB hold the probe images, so the bars come; then the file goes quiet.
      await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect(await alert.textContent()).toMatch(/train-images-idx3-ubyte\.gz: the download stalled: no data for 15 s after \d+\.\d MB/);
      // The stall timeout is 15 s; a generous bound for a loaded machine, but far from "minutes".
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(await button(page, 'Retry').isVisible()).toBe(true);
      expect(await statusText(page)).not.toContain('still loading');
      expect(await page.getByRole('progressbar', { name: 'Loading MNIST' }).count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'under a policy without wasm-unsafe-eval the page says it trains on JavaScript; under the shipped policy it does not',
    async () => {
      const { 'script-src': _scriptSrc, ...rest } = SHIPPED_CSP_DIRECTIVES;
      const strict = policyText({ ...rest, 'script-src': "'self'" });
      expect(strict).not.toContain('wasm-unsafe-eval');

      const strictServer = await serve({ headers: { 'Content-Security-Policy': strict } });
      const strictPage = (await freshPage()).page;
      await strictPage.goto(strictServer.url);
      await strictPage.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      await strictPage.getByText(en.engine.blocked).waitFor({ timeout: 60_000 });

      const shippedServer = await serve({ headers: { 'Content-Security-Policy': SHIPPED_CSP } });
      const { page, errors } = await freshPage();
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(shippedServer.url);
      await page.waitForSelector(BAR_SELECTOR, { state: 'attached' });
      await button(page, 'Start').click();
      await expect.poll(() => shownEpoch(page), POLL).toBeGreaterThanOrEqual(2);
      expect(await page.getByText(/slower JavaScript engine/).count()).toBe(0);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
