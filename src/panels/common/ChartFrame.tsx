/**
 * The parts every line chart of the lab shares: x ticks along the bottom, the two axis lines and the x-axis
 * title. React renders them from a D3 scale; each chart keeps its own y axis, which differ (log vs linear).
 */
import type { ScaleLinear } from 'd3';
import type { ChartBox } from './chartBox';

export function ChartFrame({
  box,
  x,
  xTicks,
  xLabel,
}: {
  box: ChartBox;
  x: ScaleLinear<number, number>;
  xTicks: number[];
  xLabel: string;
}) {
  const baseline = box.height - box.bottom;
  return (
    <>
      {xTicks.map((t) => (
        <g key={t} transform={`translate(${x(t)},0)`}>
          <line y1={baseline} y2={baseline + 6} className="tick" />
          <text y={baseline + 22} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      <line x1={box.left} x2={box.width - box.right} y1={baseline} y2={baseline} className="domain" />
      <line x1={box.left} x2={box.left} y1={box.top} y2={baseline} className="domain" />
      <text x={(box.left + box.width - box.right) / 2} y={box.height - 4} textAnchor="middle" className="axis-label">
        {xLabel}
      </text>
    </>
  );
}
