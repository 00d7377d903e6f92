/**
 * "Over 20 seeds": how much of the book's single-run ‖δˡ‖ is the seed. The worker measures the configured
 * network at initialisation for the run's seed and the 19 after it (the numbers of `initial-norms --seeds 20`);
 * this panel draws one strip per hidden layer on a log axis and one for the last ÷ first ratio, the current
 * seed ringed and the book's value as a hollow diamond. A small, slow chart: React renders it from D3 scales.
 */
import { useEffect, useRef } from 'react';
import type { ScaleLogarithmic } from 'd3';
import { layerColour, palette } from '../../app/palette';
import { bookNormsFor } from '../../store/figures';
import { formatValue } from '../../store/format';
import { useLab, useLabStore } from '../../store/hooks';
import { SEED_COUNT } from '../../worker/seeds';
import { formatDecade } from '../common/decades';
import {
  bookRatio,
  laneOffset,
  layerValues,
  ratioValues,
  rowCentre,
  SEEDS_BOX as box,
  spreadOf,
  stripHeight,
  stripScale,
  stripTicks,
  type Spread,
} from './geometry';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/catalogue';
import './seeds.css';

const DOT = 4;
const CURRENT_DOT = 6.5;
const DIAMOND = 7;

export function SeedsPanel() {
  const store = useLabStore();
  const runId = useLab((s) => s.runId);
  const hasSnapshot = useLab((s) => s.snapshot !== null);
  const seedNorms = useLab((s) => s.seedNorms);
  const config = useLab((s) => s.config);
  const asked = useRef(-1);
  const text = useT().seeds;

  // Asked once per run, after its first probe: then the worker holds the probe images the seeds need.
  useEffect(() => {
    if (!hasSnapshot || asked.current === runId) return;
    asked.current = runId;
    store.getState().measureSeeds();
  }, [store, runId, hasSnapshot]);

  const current = seedNorms !== null && seedNorms.runId === runId ? seedNorms : null;
  const firstSeed = current?.firstSeed ?? config.seed;
  const numHidden = config.layers.length - 2;
  const book = bookNormsFor(config);

  return (
    <section id="seeds-panel" className="panel seeds-panel" aria-labelledby="seeds-title">
      <h2 id="seeds-title">{text.title(SEED_COUNT)}</h2>
      <p className="explain">{text.explain(firstSeed, firstSeed + SEED_COUNT - 1)}</p>
      {current === null ? (
        <p className="seeds-waiting" role="status">
          {hasSnapshot ? text.waiting : text.noData}
        </p>
      ) : (
        <SeedStrips norms={current.norms} firstSeed={current.firstSeed} numHidden={numHidden} book={book} text={text} />
      )}
    </section>
  );
}

type SeedsText = Messages['seeds'];

function SeedStrips({
  norms,
  firstSeed,
  numHidden,
  book,
  text,
}: {
  norms: number[][];
  firstSeed: number;
  numHidden: number;
  book: readonly number[] | null;
  text: SeedsText;
}) {
  const layers = Array.from({ length: numHidden }, (_, i) => i + 1);
  const rows = layers.map((h) => layerValues(norms, h));
  const normScale = stripScale([...rows.flat(), ...(book ?? [])]);
  const ratios = ratioValues(norms);
  const bookR = bookRatio(book);
  const ratioScale = stripScale([...ratios, ...(bookR === null ? [] : [bookR])]);
  const ratioSpread = spreadOf(ratios);
  const missing = rows.reduce((n, values) => n + (spreadOf(values)?.missing ?? values.length), 0);

  return (
    <figure className="chart seeds-chart">
      <svg
        className="seeds-norms"
        viewBox={`0 0 ${box.width} ${stripHeight(numHidden)}`}
        role="img"
        aria-label={text.stripLabel(norms.length)}
      >
        <Axis scale={normScale} rows={numHidden} label={text.axisNorm} />
        {rows.map((values, r) => (
          <Strip
            key={layers[r]}
            row={r}
            kind="layer"
            layer={layers[r]}
            label={text.layerRow(layers[r])}
            values={values}
            scale={normScale}
            colour={layerColour(layers[r])}
            firstSeed={firstSeed}
            book={book === null ? null : book[r]}
            title={(seed, v) => text.dotTitle(seed, layers[r], formatValue(v))}
            medianTitle={text.medianTitle}
            bookTitle={text.bookTitle}
          />
        ))}
      </svg>
      {numHidden > 1 && (
        <svg className="seeds-ratio" viewBox={`0 0 ${box.width} ${stripHeight(1)}`} role="img" aria-label={text.ratioLabel(norms.length)}>
          <Axis scale={ratioScale} rows={1} label={text.axisRatio} />
          <Strip
            row={0}
            kind="ratio"
            layer={numHidden}
            label={text.ratioRow(superscriptOf(numHidden))}
            values={ratios}
            scale={ratioScale}
            colour={palette.text}
            firstSeed={firstSeed}
            book={bookR}
            title={(seed, v) => text.ratioTitle(seed, formatValue(v))}
            medianTitle={text.medianTitle}
            bookTitle={text.bookTitle}
          />
        </svg>
      )}
      <figcaption className="seeds-legend">
        <span>
          <svg width="16" height="16" aria-hidden="true">
            <circle cx="8" cy="8" r={CURRENT_DOT - 1} fill={palette.paper} stroke={palette.focus} strokeWidth={3} />
          </svg>
          {text.legendCurrent(firstSeed)}
        </span>
        <span>
          <svg width="16" height="16" aria-hidden="true">
            <path d={diamond(8, 8, 6)} fill="none" stroke={palette.danger} strokeWidth={2} />
          </svg>
          {text.legendBook}
        </span>
        <span>
          <svg width="22" height="16" aria-hidden="true">
            <rect x="1" y="3" width="20" height="10" fill={palette.grid} stroke={palette.muted} />
            <line x1="11" x2="11" y1="2" y2="14" stroke={palette.text} strokeWidth={2} />
          </svg>
          {text.legendBox}
        </span>
      </figcaption>
      {ratioSpread !== null && numHidden > 1 && (
        <p className="seeds-summary">
          {text.summary(
            formatValue(ratioSpread.median),
            formatValue(ratioSpread.min),
            formatValue(ratioSpread.max),
            formatValue(ratios[0]),
          )}
        </p>
      )}
      {missing > 0 && <p className="explain">{text.missing(missing)}</p>}
    </figure>
  );
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscriptOf(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)])
    .join('');
}

function diamond(cx: number, cy: number, size: number): string {
  return `M${cx},${cy - size}L${cx + size},${cy}L${cx},${cy + size}L${cx - size},${cy}Z`;
}

function Axis({ scale, rows, label }: { scale: ScaleLogarithmic<number, number>; rows: number; label: string }) {
  const bottom = box.top + rows * box.row;
  return (
    <g className="axis">
      {stripTicks(scale).map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line y1={box.top} y2={bottom} className="grid" />
          <text y={bottom + 14} textAnchor="middle">
            {formatDecade(t)}
          </text>
        </g>
      ))}
      <text x={box.width - box.right} y={bottom + 28} textAnchor="end" className="axis-title">
        {label}
      </text>
    </g>
  );
}

function Strip({
  row,
  kind,
  layer,
  label,
  values,
  scale,
  colour,
  firstSeed,
  book,
  title,
  medianTitle,
  bookTitle,
}: {
  row: number;
  kind: 'layer' | 'ratio';
  layer: number;
  label: string;
  values: number[];
  scale: ScaleLogarithmic<number, number>;
  colour: string;
  firstSeed: number;
  book: number | null;
  title: (seed: number, value: number) => string;
  medianTitle: SeedsText['medianTitle'];
  bookTitle: SeedsText['bookTitle'];
}) {
  const cy = rowCentre(row);
  const spread: Spread | null = spreadOf(values);
  const half = box.row / 2 - 3;
  return (
    <g className="seed-strip" data-kind={kind} data-layer={layer}>
      <text x={box.left - 8} y={cy} dy="0.32em" textAnchor="end">
        {label}
      </text>
      {spread !== null && (
        <g className="seed-spread" data-median={spread.median}>
          <title>{medianTitle(formatValue(spread.median), formatValue(spread.q1), formatValue(spread.q3))}</title>
          <rect
            className="seed-box"
            x={scale(spread.q1)}
            width={Math.max(1, scale(spread.q3) - scale(spread.q1))}
            y={cy - half}
            height={2 * half}
            fill={palette.grid}
            stroke={palette.muted}
          />
          <line
            className="seed-median"
            x1={scale(spread.median)}
            x2={scale(spread.median)}
            y1={cy - half}
            y2={cy + half}
            stroke={palette.text}
            strokeWidth={2}
          />
        </g>
      )}
      {values.map((v, i) =>
        Number.isFinite(v) && v > 0 && i > 0 ? (
          <circle
            key={firstSeed + i}
            className="seed-dot"
            cx={scale(v)}
            cy={cy + laneOffset(i)}
            r={DOT}
            fill={colour}
            fillOpacity={0.8}
            data-seed={firstSeed + i}
            data-value={v}
          >
            <title>{title(firstSeed + i, v)}</title>
          </circle>
        ) : null,
      )}
      {Number.isFinite(values[0]) && values[0] > 0 && (
        <circle
          className="seed-dot current"
          cx={scale(values[0])}
          cy={cy}
          r={CURRENT_DOT}
          fill={colour}
          stroke={palette.focus}
          strokeWidth={3}
          data-seed={firstSeed}
          data-value={values[0]}
        >
          <title>{title(firstSeed, values[0])}</title>
        </circle>
      )}
      {book !== null && (
        <path
          className="seed-book"
          d={diamond(scale(book), cy, DIAMOND)}
          fill="none"
          stroke={palette.danger}
          strokeWidth={2.5}
          data-value={book}
        >
          <title>{bookTitle(formatValue(book))}</title>
        </path>
      )}
    </g>
  );
}
