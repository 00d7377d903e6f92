/**
 * What the end-to-end walk and the page benchmarks read off the page, by the names a user sees
 * (roles and accessible names) plus the data-* attributes the bar charts publish for machines.
 */
import type { Locator, Page } from 'playwright-core';

/** One rect per hidden neuron: data-layer (1 = nearest the input), data-neuron, data-grad = ∂C/∂b. */
export const BAR_SELECTOR = 'svg rect[data-layer][data-neuron][data-grad]';
/** One rect per neuron of the instruments' chain (eqs. 114-121): data-j, data-grad = ∂C/∂b_j. */
export const CHAIN_SELECTOR = 'svg rect[data-j][data-grad]';

export const LEARNING_TABLE_NAME = 'Layer learning speed';

export function learningTable(page: Page): Locator {
  return page.getByRole('table', { name: LEARNING_TABLE_NAME, exact: true });
}

export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/** The exploding-gradient toggle may be an ARIA switch or a plain checkbox; its name is fixed. */
export function explodingToggle(page: Page): Locator {
  const name = 'Exploding gradients';
  return page.getByRole('switch', { name, exact: true }).or(page.getByRole('checkbox', { name, exact: true }));
}

/** The text of every body row of the learning-speed table, read in one go so rows never mix two snapshots. */
export async function tableRows(page: Page): Promise<string[][]> {
  const table = learningTable(page);
  if ((await table.count()) === 0) return [];
  return table.first().evaluate((el) => {
    const t = el as HTMLTableElement;
    const bodies = t.tBodies.length > 0 ? Array.from(t.tBodies) : [t];
    return bodies.flatMap((b) =>
      Array.from((b as HTMLTableSectionElement).rows)
        .filter((r) => r.parentElement?.tagName !== 'THEAD' && r.querySelector('td') !== null)
        .map((r) => Array.from(r.cells).map((c) => (c.textContent ?? '').trim())),
    );
  });
}

/** ‖δʰ‖ for each hidden layer as the table prints it (second cell of each body row); NaN where unreadable. */
export async function layerNorms(page: Page): Promise<number[]> {
  return (await tableRows(page)).map((cells) => parseDisplayedNumber(cells[1] ?? ''));
}

export interface BarReading {
  layers: number;
  count: number;
  /** Every bar's data-grad in document order, joined; changes whenever a new snapshot is drawn. */
  signature: string;
}

export async function readBars(page: Page): Promise<BarReading> {
  return page.evaluate((selector) => {
    const rects = Array.from(document.querySelectorAll(selector));
    const layers = new Set(rects.map((r) => r.getAttribute('data-layer')));
    return { layers: layers.size, count: rects.length, signature: rects.map((r) => r.getAttribute('data-grad')).join(',') };
  }, BAR_SELECTOR);
}

/** The completed epoch the status line reports ("Epoch 77 of 500"); NaN when the line says no such thing. */
export async function shownEpoch(page: Page): Promise<number> {
  const text = (await page.getByRole('status').first().textContent()) ?? '';
  const m = /Epoch\s+(\d+)\s+of\s+\d+/.exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

/** |∂C/∂b_j| of the instruments' chain, indexed by j (1-based; index 0 unused). */
export async function chainGrads(page: Page): Promise<Map<number, number>> {
  const pairs = await page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(selector)).map((r) => [r.getAttribute('data-j'), r.getAttribute('data-grad')] as const),
    CHAIN_SELECTOR,
  );
  const out = new Map<number, number>();
  for (const [j, g] of pairs) out.set(Number(j), Math.abs(Number(g)));
  return out;
}

/**
 * Reads a number as the page prints it: "0.0123", "1.2e-3", "−4.5", "1.2 × 10⁻³" or "1.2×10^-3".
 * Returns NaN when the text holds no number, so a caller's assertion names the text it could not read.
 */
export function parseDisplayedNumber(text: string): number {
  const superscripts: Record<string, string> = {
    '⁰': '0',
    '¹': '1',
    '²': '2',
    '³': '3',
    '⁴': '4',
    '⁵': '5',
    '⁶': '6',
    '⁷': '7',
    '⁸': '8',
    '⁹': '9',
    '⁻': '-',
    '⁺': '+',
  };
  const plain = text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]/g, (c) => superscripts[c] ?? c)
    .replace(/[−–]/g, '-')
    .replace(/\u00a0|\u202f|,/g, '')
    .trim();
  const m = /(-?\d+(?:\.\d+)?|-?\.\d+)(?:\s*(?:[eE]([+-]?\d+)|\s*[×x·*]\s*10\^?\s*([+-]?\d+)))?/.exec(plain);
  if (m === null) return Number.NaN;
  const mantissa = Number(m[1]);
  const exponent = m[2] ?? m[3];
  return exponent === undefined ? mantissa : mantissa * 10 ** Number(exponent);
}

export interface BarFractions {
  /** Longest live bar as a fraction of its track (the row's baseline), over every hidden layer. */
  longest: number;
  /** Longest live bar of each hidden layer as a fraction of its track, layer 1 first. */
  byLayer: number[];
}

/**
 * How much of its track each layer's longest bar fills, from the rects' on-screen sizes: what a viewer
 * sees, whatever the scale's arithmetic says.
 */
export async function barFractions(page: Page): Promise<BarFractions> {
  return page.evaluate((selector) => {
    const byLayer = new Map<number, number>();
    for (const rect of Array.from(document.querySelectorAll(selector))) {
      const track = rect.closest('svg')?.querySelector('line.baseline');
      if (!track) continue;
      const fraction = rect.getBoundingClientRect().width / track.getBoundingClientRect().width;
      const layer = Number(rect.getAttribute('data-layer'));
      byLayer.set(layer, Math.max(byLayer.get(layer) ?? 0, fraction));
    }
    const layers = Array.from(byLayer.keys()).sort((a, b) => a - b);
    const values = layers.map((l) => byLayer.get(l) ?? 0);
    return { longest: values.length > 0 ? Math.max(...values) : 0, byLayer: values };
  }, BAR_SELECTOR);
}

/** The headline sentence above the bars ("Layer 1 learns 134× slower than layer 4"). */
export async function headline(page: Page): Promise<string> {
  return ((await page.getByTestId('headline').textContent()) ?? '').trim();
}
