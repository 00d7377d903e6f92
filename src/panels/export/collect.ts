/**
 * Reads a panel as it is shown — its heading, its chart SVGs where they sit, its legend — into the parts of
 * a standalone figure (src/export/figure.ts). What a figure contains is therefore what the reader sees, in
 * the page's current language.
 */
import type { FigurePanel, FigureParts, LegendEntry } from '../../export/figure';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function relative(el: Element, origin: DOMRect) {
  const r = el.getBoundingClientRect();
  return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
}

/** A line chart panel: heading, one `figure.chart > svg`, and the `.legend` items under it. */
export function collectChart(section: Element): FigureParts {
  const svg = section.querySelector<SVGSVGElement>('figure.chart > svg');
  if (svg === null) throw new Error('the chart is not on the page');
  const box = svg.getBoundingClientRect();
  const legend: LegendEntry[] = Array.from(section.querySelectorAll('figcaption .legend > li')).map((li) => ({
    text: text(li),
    sample: li.querySelector<SVGSVGElement>('svg'),
  }));
  return {
    title: text(section.querySelector('h2')),
    width: box.width,
    height: box.height,
    panels: [{ svg, x: 0, y: 0, width: box.width, height: box.height }],
    legend,
  };
}

/** The bars panel: one panel per layer column as laid out on screen, the colour key and the scale's note. */
export function collectBars(section: Element, win: Window): FigureParts {
  const network = section.querySelector('.network');
  if (network === null) throw new Error('the network is not on the page');
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
