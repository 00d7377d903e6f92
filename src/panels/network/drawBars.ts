/**
 * D3 draws one hidden layer's neurons and ∂C/∂b bars inside a <g> that React created and never renders into.
 * A bar's exact value is shown by the panel's readout (hover, tap or keys), not by a mouse-only tooltip.
 */
import { select } from 'd3';
import type { Bar, ColumnLayout } from './geometry';
import { barExtent, type BarScale } from './scale';
import { palette } from '../../app/palette';

/** Horizontal geometry inside the column's 200-unit-wide viewBox. */
export const NEURON_X = 22;
export const BAR_X = 44;
export const BAR_FULL = 150;

export interface DrawColumnOptions {
  layout: ColumnLayout;
  /** Neuron indices drawn, one per row (the circles are drawn even before the first probe). */
  neurons: readonly number[];
  bars: readonly Bar[];
  /** The same neurons at the first probe of the series, drawn as outlines so shrinking and growing show. */
  initialBars: readonly Bar[];
  /** The scale shared by every layer: which mode, and the |∂C/∂b| that gets the full length. */
  scale: BarScale;
}

export function drawColumn(g: SVGGElement, { layout, neurons, bars, initialBars, scale }: DrawColumnOptions): void {
  const root = select(g);
  const radius = Math.min(layout.rowHeight * 0.32, 12);
  const thickness = Math.max(3, Math.min(layout.rowHeight * 0.55, 20));

  // The outlines of the first probe live in their own group, created before anything else so they stay
  // behind the neurons and bars. They carry no data-* attributes: only the live bars publish values.
  root
    .selectAll<SVGGElement, number>('g.initial-bars')
    .data([0])
    .join('g')
    .attr('class', 'initial-bars')
    .selectAll<SVGRectElement, Bar>('rect.initial-bar')
    .data(initialBars, (d) => String(d.neuron))
    .join('rect')
    .attr('class', 'initial-bar')
    .attr('x', BAR_X)
    .attr('y', (d) => layout.rowY(d.row) - thickness / 2)
    .attr('height', thickness)
    .attr('width', (d) => Math.max(1, barExtent(d.grad, scale, BAR_FULL).length));

  // An outline longer than the track (the first probe was larger than the latest maximum) is cut at the
  // track's end; an arrowhead there says so, so a cut outline is never mistaken for its true length.
  const clipped = initialBars.filter((d) => barExtent(d.grad, scale, BAR_FULL).clipped);
  root
    .select<SVGGElement>('g.initial-bars')
    .selectAll<SVGPathElement, Bar>('path.clip-mark')
    .data(clipped, (d) => String(d.neuron))
    .join('path')
    .attr('class', 'clip-mark')
    .attr('d', (d) => {
      const x = BAR_X + BAR_FULL;
      const y = layout.rowY(d.row);
      const h = Math.max(4, thickness / 2);
      return `M${x},${y - h}L${x + 6},${y}L${x},${y + h}Z`;
    });

  root
    .selectAll<SVGCircleElement, number>('circle.neuron')
    .data(neurons, (d) => String(d))
    .join('circle')
    .attr('class', 'neuron')
    .attr('cx', NEURON_X)
    .attr('cy', (_, row) => layout.rowY(row))
    .attr('r', radius);

  root
    .selectAll<SVGLineElement, number>('line.baseline')
    .data(neurons, (d) => String(d))
    .join('line')
    .attr('class', 'baseline')
    .attr('x1', BAR_X)
    .attr('x2', BAR_X + BAR_FULL)
    .attr('y1', (_, row) => layout.rowY(row))
    .attr('y2', (_, row) => layout.rowY(row));

  root
    .selectAll<SVGRectElement, Bar>('rect.grad-bar')
    .data(bars, (d) => String(d.neuron))
    .join((enter) => enter.append('rect').attr('class', 'grad-bar'))
    .attr('data-layer', (d) => d.layer)
    .attr('data-neuron', (d) => d.neuron)
    .attr('data-grad', (d) => String(d.grad))
    .attr('x', BAR_X)
    .attr('y', (d) => layout.rowY(d.row) - thickness / 2)
    .attr('height', thickness)
    .attr('width', (d) => Math.max(1, barExtent(d.grad, scale, BAR_FULL).length))
    .attr('fill', (d) =>
      !Number.isFinite(d.grad) ? palette.overflowGradient : d.grad < 0 ? palette.negativeGradient : palette.positiveGradient,
    );
}
