/**
 * Reads a panel as it is shown — its heading, its chart SVGs where they sit, its legend — into the parts of
 * a standalone figure (src/export/figure.ts). What a figure contains is therefore what the reader sees, in
 * the page's current language.
 */
import { FigureError, type FigurePanel, type FigureParts, type LegendEntry } from '../../export/figure';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function relative(el: Element, origin: DOMRect) {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}

/**
 * A chart panel: its heading, every `figure.chart > svg` where it sits on screen (an instrument may show two
 * side by side), and the `.legend` items under them.
 */
export function collectChart(section: Element): FigureParts {
  const svgs = Array.from(section.querySelectorAll<SVGSVGElement>('figure.chart > svg'));
  if (svgs.length === 0) throw new FigureError('not-on-page');
  const rects = svgs.map((svg) => svg.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const origin = new DOMRect(left, top, Math.max(...rects.map((r) => r.right)) - left, Math.max(...rects.map((r) => r.bottom)) - top);
  const legend: LegendEntry[] = Array.from(section.querySelectorAll('figcaption .legend > li')).map((li) => ({
    text: text(li),
    sample: li.querySelector<SVGSVGElement>('svg'),
  }));
  return {
    title: text(section.querySelector('h2')),
    width: origin.width,
    height: origin.height,
    panels: svgs.map((svg) => ({ svg, ...relative(svg, origin) })),
    legend,
  };
}

/** The bars panel: one panel per layer column as laid out on screen, the colour key and the scale's note. */
export function collectBars(section: Element, win: Window): FigureParts {
  const network = section.querySelector('.network');
  if (network === null) throw new FigureError('not-on-page');
  const origin = network.getBoundingClientRect();
  const panels: FigurePanel[] = Array.from(network.querySelectorAll('.layer-column')).map((column) => {
    const svg = column.querySelector<SVGSVGElement>('svg.column-svg');
    const heading = text(column.querySelector('h3'));
    if (svg === null)
      return { svg: null, ...relative(column, origin), lines: [heading, ...Array.from(column.querySelectorAll('p')).map(text)] };
    return { svg, ...relative(svg, origin), lines: [heading] };
  });
  const legend: LegendEntry[] = Array.from(section.querySelectorAll('.scale-legend .swatch')).map((swatch) => {
    const style = win.getComputedStyle(swatch);
    const ghost = swatch.parentElement?.classList.contains('ghost-key') ?? false;
    return {
      text: ghost ? text(swatch.parentElement) : text(swatch.nextSibling as Element | null),
      sample: ghost ? { fill: 'none', stroke: style.borderTopColor } : { fill: style.backgroundColor },
    };
  });
  return {
    title: text(section.querySelector('h2')),
    width: origin.width,
    height: origin.height,
    panels,
    legend,
    note: `${text(section.querySelector('.full-bar'))} ${text(section.querySelector('.scale-note'))}`.trim(),
  };
}
