/**
 * What reaching the lab costs a visitor, measured against the build served by a plain static server that
 * compresses nothing itself (support/staticServer.ts), as most school web space would:
 *   - bytes the server sent for a first visit (the page, the app, MNIST, and the service worker filling its
 *     cache) and for a second visit in the same browser;
 *   - time from navigation to the first bars, and to the whole data set, on a throttled connection
 *     (10 Mbit/s down and up, 40 ms round trip, through the DevTools protocol's Network.emulateNetworkConditions).
 */
import type { Browser, Page } from 'playwright-core';
import { BAR_SELECTOR } from '../support/page';
import { startStaticServer } from '../support/staticServer';

export const THROTTLE = { megabitsPerSecond: 10, roundTripMs: 40 } as const;

export interface DeliveryFigures {
  firstVisitBytes: number;
  secondVisitBytes: number;
  throttled: {
    megabitsPerSecond: number;
    roundTripMs: number;
    /** Navigation to the first bars painted (median of the loads). */
    firstBarsMs: number;
    firstBarsSamplesMs: number[];
    /** Navigation to the moment all of MNIST is in (the status line stops saying it is loading). */
    allDataMs: number;
  };
}

/** The in-page predicates are strings, which the shipped policy's lack of 'unsafe-eval' would refuse; bytes do not depend on it. */
const CONTEXT = { viewport: { width: 1280, height: 800 }, bypassCSP: true };

/** In-page script (a string, so no helper of the TypeScript runner leaks in): when the frame with the first bar was made. */
const WATCH_FIRST_BARS = `(() => {
  window.__firstBarsPainted = null;
  const observer = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(BAR_SELECTOR)}) === null) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstBarsPainted = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

async function loadedEverything(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[role=status]')?.textContent ?? '';
      return (
        !/still loading/.test(status) &&
        document.querySelector('progress') === null &&
        document.querySelector('svg rect[data-grad]') !== null
      );
    },
    undefined,
    { timeout: 300_000, polling: 100 },
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function measureDelivery(browser: Browser, outDir: string, loads: number, log: (m: string) => void): Promise<DeliveryFigures> {
  const server = await startStaticServer({ root: outDir });
  try {
    // First and second visit in one fresh browser context (empty caches, no service worker yet).
    const context = await browser.newContext(CONTEXT);
    const first = await context.newPage();
    await first.goto(server.url);
    await loadedEverything(first);
    await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
    // Let the service worker's install settle before the count is read.
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const firstVisitBytes = server.bytesSent();
    log(`first visit: ${(firstVisitBytes / 1e6).toFixed(2)} MB sent by the server`);
    await first.close();
    server.resetCount();
    const second = await context.newPage();
    await second.goto(server.url);
    await loadedEverything(second);
    const secondVisitBytes = server.bytesSent();
    log(`second visit: ${(secondVisitBytes / 1e6).toFixed(3)} MB sent by the server (${server.log().join(', ') || 'no request'})`);
    await context.close();

    const samples: number[] = [];
    let allDataMs = Number.NaN;
    for (let i = 0; i < loads; i++) {
      const throttledContext = await browser.newContext(CONTEXT);
      const page = await throttledContext.newPage();
      const cdp = await throttledContext.newCDPSession(page);
      await cdp.send('Network.enable');
      const bytesPerSecond = (THROTTLE.megabitsPerSecond * 1e6) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLE.roundTripMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
      await page.addInitScript({ content: WATCH_FIRST_BARS });
      const started = Date.now();
      await page.goto(server.url);
      await page.waitForFunction('window.__firstBarsPainted !== null', undefined, { timeout: 120_000 });
      const firstBarsMs = (await page.evaluate('window.__firstBarsPainted')) as number;
      samples.push(firstBarsMs);
      if (i === 0) {
        await loadedEverything(page);
        allDataMs = Date.now() - started;
      }
      log(`throttled load ${i + 1}/${loads}: first bars ${firstBarsMs.toFixed(0)} ms${i === 0 ? `, all data ${allDataMs} ms` : ''}`);
      await throttledContext.close();
    }
    return {
      firstVisitBytes,
      secondVisitBytes,
      throttled: { ...THROTTLE, firstBarsMs: Math.round(median(samples)), firstBarsSamplesMs: samples.map(Math.round), allDataMs },
    };
  } finally {
    await server.close();
  }
}

/** The benchmark table's rows for these figures: [what, measured, target, mark]. */
export function deliveryRows(d: DeliveryFigures): [string, string, string, string][] {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const link = `${d.throttled.megabitsPerSecond} Mbit/s, ${d.throttled.roundTripMs} ms RTT`;
  return [
    ['first visit: bytes sent by a plain static server', mb(d.firstVisitBytes), '< 15 MB', d.firstVisitBytes < 15e6 ? 'ok  ' : 'MISS'],
    ['second visit: bytes sent', mb(d.secondVisitBytes), '', ''],
    [`first bars at ${link} (median)`, `${d.throttled.firstBarsMs} ms (${d.throttled.firstBarsSamplesMs.join(', ')})`, '', ''],
    [`all of MNIST in at ${link}`, `${d.throttled.allDataMs} ms`, '', ''],
  ];
}
