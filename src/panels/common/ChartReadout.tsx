/**
 * Exact values on a line chart: hovering, touching or arrow keys pick the probe nearest the pointer, and the
 * chart draws a guide line there, a dot on every series and a box listing every value. A class reads numbers
 * off a projected chart far better than off an axis; the same numbers go to screen readers as one sentence.
 */
import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ScaleLinear } from 'd3';
import type { ChartBox } from './chartBox';
import {
  clientToView,
  columnBlocks,
  nearestIndex,
  placeReadout,
  readoutSentence,
  stepIndex,
  textWidth,
  type ReadoutDot,
  type ReadoutRow,
} from './readout';

/** Large enough to read from the back of a room once the chart is scaled down to its column (≥ 14 px). */
const FONT = 18;
const LINE = 23;
const PAD = 8;
const SWATCH = 22;

/**
 * The readout's state and the handlers that drive it, for the chart's <svg>. The chosen probe is kept as its
 * x value, not its index, so it stays on the same epoch while new probes stream in or old ones are thinned.
 */
export function useChartReadout(xs: readonly number[], x: ScaleLinear<number, number>, box: ChartBox) {
  const [chosenX, setChosenX] = useState<number | null>(null);
  const index = chosenX === null ? -1 : nearestIndex(xs, chosenX);
  const describedBy = useId();

  const fromPointer = (e: PointerEvent<SVGSVGElement>) => {
    if (xs.length === 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const vx = clientToView(e.clientX, rect.left, rect.width, box.width);
    if (vx === null) return;
    setChosenX(xs[nearestIndex(xs, x.invert(vx))]);
  };

  const svgProps = {
    tabIndex: 0,
    'aria-describedby': describedBy,
    onPointerMove: fromPointer,
    onPointerDown: fromPointer,
    // A finger lifting also "leaves"; only a mouse moving away should take the readout with it.
    onPointerLeave: (e: PointerEvent<SVGSVGElement>) => {
      if (e.pointerType === 'mouse') setChosenX(null);
    },
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
      if (e.key === 'Escape' && chosenX === null) return;
      const next = stepIndex(index < 0 ? null : index, e.key, xs.length);
      if (next === undefined) return;
      e.preventDefault();
      setChosenX(next === null ? null : xs[next]);
    },
    onBlur: () => setChosenX(null),
  };

  return { index, svgProps, describedBy };
}

/** The guide line, the dots and the label box, drawn last inside the chart's <svg> so they sit on top. */
export function ReadoutMarks({
  box,
  anchorX,
  dots,
  title,
  columns,
  rows,
}: {
  box: ChartBox;
  anchorX: number;
  dots: readonly ReadoutDot[];
  title: string;
  /** Column headings when there is more than one run to read; empty for a single value column. */
  columns: readonly string[];
  rows: readonly ReadoutRow[];
}) {
  const withHeader = columns.length > 1;
  const labelWidth = SWATCH + Math.max(...rows.map((r) => textWidth(r.label, FONT)), 0) + 10;
  const columnWidth =
    Math.max(...rows.flatMap((r) => r.values.map((v) => textWidth(v, FONT))), ...columns.map((c) => textWidth(c, FONT)), 0) + 14;
  const plotWidth = box.width - box.left - box.right;
  const numColumns = Math.max(1, columns.length);
  const blocks = columnBlocks(numColumns, labelWidth, columnWidth, plotWidth - 2 * PAD);
  const widest = Math.max(...blocks.map((b) => b.length));
  const width = Math.max(textWidth(title, FONT), labelWidth + widest * columnWidth) + 2 * PAD;
  const linesPerBlock = rows.length + (withHeader ? 1 : 0);
  const height = 2 * PAD + LINE * (1 + blocks.length * linesPerBlock);
  const at = placeReadout(anchorX, width, height, box);
  const baseline = (line: number) => at.y + PAD + LINE * line + FONT * 0.8;

  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: nothing in the drawn readout takes focus; its values reach screen readers through the chart's live region
    <g className="readout" aria-hidden="true">
      <line className="readout-guide" x1={anchorX} x2={anchorX} y1={box.top} y2={box.height - box.bottom} />
      {dots.map((d, i) => (
        // The series colour as a style, not an attribute: the stylesheet's white ring would win over an attribute.
        <circle
          key={i}
          className={d.hollow ? 'readout-dot hollow' : 'readout-dot'}
          cx={d.cx}
          cy={d.cy}
          r={6}
          style={d.hollow ? { stroke: d.colour } : { fill: d.colour }}
        />
      ))}
      <g className="readout-box" fontSize={FONT}>
        <rect x={at.x} y={at.y} width={width} height={height} rx={4} />
        <text x={at.x + PAD} y={baseline(0)} className="readout-title">
          {title}
        </text>
        {blocks.map((block, b) => {
          const first = 1 + b * linesPerBlock;
          const rowLine = (r: number) => first + (withHeader ? 1 : 0) + r;
          const colRight = (k: number) => at.x + PAD + labelWidth + (k + 1) * columnWidth;
          return (
            <g key={b}>
              {withHeader &&
                block.map((c, k) => (
                  <text key={`h${c}`} x={colRight(k)} y={baseline(first)} textAnchor="end" className="readout-head">
                    {columns[c]}
                  </text>
                ))}
              {rows.map((r, ri) => (
                <g key={ri}>
                  <line
                    x1={at.x + PAD}
                    x2={at.x + PAD + SWATCH - 6}
                    y1={baseline(rowLine(ri)) - FONT * 0.35}
                    y2={baseline(rowLine(ri)) - FONT * 0.35}
                    stroke={r.colour}
                    strokeDasharray={r.dash}
                    className="readout-swatch"
                  />
                  <text x={at.x + PAD + SWATCH} y={baseline(rowLine(ri))}>
                    {r.label}
                  </text>
                  {block.map((c, k) => (
                    <text key={c} x={colRight(k)} y={baseline(rowLine(ri))} textAnchor="end" className="readout-value">
                      {r.values[c] ?? '—'}
                    </text>
                  ))}
                </g>
              ))}
            </g>
          );
        })}
      </g>
    </g>
  );
}

/**
 * What a screen reader announces: the readout as a sentence, politely, so moving along the chart with the
 * arrow keys reads each probe's values. Also the chart's description, so it is read again on focus.
 */
export function ReadoutAnnouncer({
  id,
  title,
  columns,
  rows,
}: {
  id: string;
  title: string | null;
  columns: readonly string[];
  rows: readonly ReadoutRow[];
}) {
  return (
    <p id={id} className="readout-live" aria-live="polite">
      {title === null ? '' : readoutSentence(title, columns, rows)}
    </p>
  );
}
