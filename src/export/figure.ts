/**
 * A chart as a standalone figure: its title, its SVG and its legend in one SVG document that looks the
 * same outside the page, and that document drawn to a PNG at twice the on-screen size.
 *
 * The page styles its charts with classes and CSS variables, which do not travel with a lone SVG file, so
 * every element's computed style (the properties SVG painting reads) is written onto the copy inline.
 * Texts are taken from the page as it is shown, so the figure is in the page's current language.
 */
import { palette } from '../app/palette';

/** One piece of chart placed in the figure, in CSS pixels relative to the chart area's top left corner. */
/** Why a figure could not be made, as data for the page's languages. */
export type FigureProblem = 'not-on-page' | 'no-canvas' | 'image-decoding' | 'png-encoding';

export class FigureError extends Error {
  constructor(readonly problem: FigureProblem) {
    super(`the figure could not be made (${problem})`);
    this.name = 'FigureError';
  }
}

export interface FigurePanel {
  svg: SVGSVGElement | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lines of text drawn above (a layer's heading) or, for a panel without an SVG, instead of it. */
  lines?: string[];
}

export interface LegendEntry {
  text: string;
  /** A small SVG sample (a line, a dash) from the page's legend, or a colour for a filled square. */
  sample: SVGSVGElement | { fill: string; stroke?: string } | null;
}

export interface FigureParts {
  title: string;
  /** On-screen size of the chart area: the figure is this wide. */
  width: number;
  height: number;
  panels: FigurePanel[];
  legend: LegendEntry[];
  /** A sentence under the legend (the bars' scale). */
  note?: string;
}

/** The properties SVG painting reads; everything else a stylesheet sets is layout of the page around it. */
export const PAINT_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_SIZE = 18;
const TEXT_SIZE = 14;
const LINE = 20;
const PAD = 12;
const SAMPLE_WIDTH = 28;

/** Copies `source` with every element's computed paint style written inline; hover readouts are left out. */
export function inlineStyledCopy(source: SVGSVGElement, win: Window): SVGSVGElement {
  const copy = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...Array.from(source.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  const drop: Element[] = [];
  from.forEach((el, i) => {
    const target = to[i];
    const style = win.getComputedStyle(el);
    if (style.display === 'none' || el.classList.contains('readout')) {
      drop.push(target);
      return;
    }
    const inline = PAINT_PROPERTIES.map((p) => [p, style.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    if (inline) target.setAttribute('style', inline);
    target.removeAttribute('class');
  });
  for (const el of drop) el.remove();
  for (const attr of ['tabindex', 'role', 'aria-label', 'aria-describedby', 'aria-hidden', 'focusable']) copy.removeAttribute(attr);
  return copy;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits a sentence into lines of about `chars` characters at spaces: a standalone SVG does not wrap text. */
export function wrapText(text: string, chars: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function textElement(x: number, y: number, text: string, size: number, fontFamily: string, weight = 400): string {
  return `<text x="${x}" y="${y}" style="font-family:${escapeXml(fontFamily)};font-size:${size}px;font-weight:${weight};fill:${palette.text}">${escapeXml(text)}</text>`;
}

function nestedSvg(svg: SVGSVGElement, x: number, y: number, width: number, height: number, win: Window): string {
  const copy = inlineStyledCopy(svg, win);
  copy.setAttribute('x', String(x));
  copy.setAttribute('y', String(y));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('xmlns');
  return new (win as Window & typeof globalThis).XMLSerializer().serializeToString(copy);
}

export interface BuiltFigure {
  svg: string;
  /** CSS pixels: the chart's on-screen width, and its height plus the title and legend. */
  width: number;
  height: number;
}

/** The standalone SVG document of a figure: white paper, title, the chart's panels, the legend and the note. */
export function buildFigureSvg(parts: FigureParts, win: Window): BuiltFigure {
  const fontFamily = win.getComputedStyle(win.document.body).fontFamily || 'sans-serif';
  const width = Math.round(parts.width);
  const body: string[] = [];
  let y = PAD + TITLE_SIZE;
  const charsPerLine = Math.max(20, Math.floor((width - 2 * PAD) / (TEXT_SIZE * 0.55)));
  for (const line of wrapText(parts.title, Math.floor(charsPerLine * (TEXT_SIZE / TITLE_SIZE)))) {
    body.push(textElement(PAD, y, line, TITLE_SIZE, fontFamily, 600));
    y += TITLE_SIZE + 6;
  }
  const chartTop = y;
  for (const p of parts.panels) {
    const lines = p.lines ?? [];
    // Above a panel's SVG its heading ends just over it, as on the page; without an SVG the lines are the panel.
    lines.forEach((line, i) => {
      const baseline = p.svg ? chartTop + p.y - (lines.length - 1 - i) * LINE - 6 : chartTop + p.y + (i + 1) * LINE - 5;
      body.push(textElement(p.x + 4, baseline, line, TEXT_SIZE, fontFamily, i === 0 ? 600 : 400));
    });
    if (p.svg) body.push(nestedSvg(p.svg, p.x, chartTop + p.y, p.width, p.height, win));
  }
  y = chartTop + parts.height + PAD;
  for (const entry of parts.legend) {
    const sample = entry.sample;
    if (sample !== null && 'tagName' in sample) body.push(nestedSvg(sample, PAD, y + 5, SAMPLE_WIDTH, 10, win));
    else if (sample !== null)
      body.push(`<rect x="${PAD + 8}" y="${y + 3}" width="14" height="14" style="fill:${sample.fill};stroke:${sample.stroke ?? 'none'}"/>`);
    for (const line of wrapText(entry.text, charsPerLine - 6)) {
      body.push(textElement(PAD + SAMPLE_WIDTH + 8, y + 15, line, TEXT_SIZE, fontFamily));
      y += LINE;
    }
  }
  if (parts.note) {
    for (const line of wrapText(parts.note, charsPerLine)) {
      body.push(textElement(PAD, y + 15, line, TEXT_SIZE, fontFamily));
      y += LINE;
    }
  }
  const height = Math.round(y + PAD);
  const svg = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" style="fill:${palette.paper}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

/**
 * Draws a figure's SVG to a PNG `scale` times its CSS size on a white background. Browser only: it needs
 * an Image to decode the SVG and a canvas to paint it.
 */
export async function figureToPng(figure: BuiltFigure, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([figure.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode().catch(() => {
      throw new FigureError('image-decoding');
    });
    const canvas = document.createElement('canvas');
    canvas.width = figure.width * scale;
    canvas.height = figure.height * scale;
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new FigureError('no-canvas');
    ctx.fillStyle = palette.paper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new FigureError('png-encoding'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
