/**
 * The book's ‖δˡ‖ at initialisation, drawn as hollow diamonds at epoch 0 in each layer's colour, so the
 * class can see whether this network starts where the chapter's did. Only for the networks the chapter
 * measured (see bookNormsFor); elsewhere nothing is drawn.
 */
import { layerColour } from '../../app/palette';
import type { NormPoint } from '../../store/series';
import { useT } from '../../i18n/useT';

const SIZE = 8;

/** The book's values as a one-point series, so the chart's y scale makes room for them. */
export function bookSeries(book: readonly number[] | null): NormPoint[] {
  return book ? [{ x: 0, norms: [...book] }] : [];
}

export function BookMarks({ book, x, y }: { book: readonly number[] | null; x: (v: number) => number; y: (v: number) => number }) {
  const m = useT().speed;
  if (!book) return null;
  const cx = x(0);
  const top = Math.min(...book.map((v) => y(v)));
  return (
    <g className="book-marks" aria-label={m.bookMarks}>
      {book.map((v, i) => (
        <path
          key={`layer-${i + 1}`}
          d={`M${cx},${y(v) - SIZE}L${cx + SIZE},${y(v)}L${cx},${y(v) + SIZE}L${cx - SIZE},${y(v)}Z`}
          fill="none"
          stroke={layerColour(i + 1)}
          strokeWidth={2.5}
          data-layer={i + 1}
          data-book={v}
        >
          <title>{m.bookMark(i + 1, v)}</title>
        </path>
      ))}
      <text x={cx + SIZE + 4} y={top} dy="0.32em" className="book-label">
        {m.book}
      </text>
    </g>
  );
}
