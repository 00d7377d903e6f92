/**
 * The network as the book draws it in fig. 4: input, one column per hidden layer with a ∂C/∂b bar beside
 * every neuron, output. React lays out the columns and their controls; D3 draws the bars inside each
 * column's <g>, straight from the store and at most once per animation frame, without re-rendering React.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { checkHiddenWidth, MAX_HIDDEN_LAYERS, NEW_LAYER_WIDTH } from '../../store/config';
import { formatValue } from '../../store/format';
import { useLab, useLabStore } from '../../store/hooks';
import { rafThrottle } from '../../store/rafThrottle';
import type { Snapshot } from '../../worker/protocol';
import { ValidatedField } from '../common/ValidatedField';
import { palette } from '../../app/palette';
import { drawColumn } from './drawBars';
import { barsForLayer, columnLayout, rowAt, selectNeurons, stepBar, BOOK_NEURONS_SHOWN, type BarChoice } from './geometry';
import { clientToView } from '../common/readout';
import { BarReadout } from './BarReadout';
import { BAR_SCALES, logDecadeTicks, maxFiniteAbs, scaleTop, type BarScaleMode } from './scale';
import { BAR_FULL, BAR_X } from './drawBars';
import { BarsExport } from '../export/PanelExports';

const SCALE_LABELS: Record<BarScaleMode, string> = {
  now: 'Latest probe',
  first: 'First probe',
  log: 'Log (4 decades)',
};

/** What the full bar means under each scale, after its value. */
const SCALE_NOTES: Record<BarScaleMode, string> = {
  now: 'the largest |∂C/∂b| of the latest probe, over all hidden layers',
  first: "the largest |∂C/∂b| since this run's first probe",
  log: 'the largest |∂C/∂b| of the latest probe; each mark to the left is ten times smaller',
};

const DECADE_TICKS = logDecadeTicks();

export function NetworkPanel() {
  const store = useLabStore();
  const layers = useLab((s) => s.config.layers);
  const addHiddenLayer = useLab((s) => s.addHiddenLayer);
  const removeHiddenLayer = useLab((s) => s.removeHiddenLayer);
  const setHiddenWidth = useLab((s) => s.setHiddenWidth);
  const barScale = useLab((s) => s.view.barScale);
  const setBarScale = useLab((s) => s.setBarScale);
  const [showAll, setShowAll] = useState(false);
  const hidden = layers.slice(1, -1);
  const columns = useRef(new Map<number, SVGGElement>());
  const scaleNote = useRef<HTMLSpanElement>(null);
  const layersKey = hidden.join(',');
  // Removing a layer unmounts the button that had the focus; the focus moves to the Remove button now in
  // that place (or the one before it), or to Add hidden layer, instead of falling back to the page's top.
  const removeButtons = useRef(new Map<number, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after the layers change, which is when a Remove took the focus away
  useEffect(() => {
    const h = focusAfterRemove.current;
    if (h === null) return;
    focusAfterRemove.current = null;
    const target = removeButtons.current.get(h);
    if (target && !target.disabled) target.focus();
    else addButton.current?.focus();
  }, [layersKey]);
  // The bar whose exact value the readout shows. The columns are one stop for Tab: only the column of the
  // picked bar (or the first column) is in the tab order, and ←/→ carry the focus between columns.
  const [picked, setPicked] = useState<BarChoice | null>(null);
  const svgs = useRef(new Map<number, SVGSVGElement>());
  const announcerId = useId();
  const rowsPerLayer = hidden.map((w) => selectNeurons(w, showAll).length);
  const chosen =
    picked !== null && picked.layer <= hidden.length && rowsPerLayer[picked.layer - 1] > 0
      ? { layer: picked.layer, row: Math.min(picked.row, rowsPerLayer[picked.layer - 1] - 1) }
      : null;
  const tabLayer = chosen?.layer ?? 1;
  const pickFromPointer = (h: number, e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const layout = columnLayout(rowsPerLayer[h - 1]);
    const y = clientToView(e.clientY, rect.top, rect.height, layout.height);
    const row = y === null ? null : rowAt(y, layout, rowsPerLayer[h - 1]);
    if (row !== null) setPicked({ layer: h, row });
  };
  const onColumnKey = (h: number, e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape' && chosen === null) return;
    const next = stepBar(chosen, e.key, rowsPerLayer, h);
    if (next === undefined) return;
    e.preventDefault();
    setPicked(next);
    if (next !== null && next.layer !== h) svgs.current.get(next.layer)?.focus();
  };
  const onColumnBlur = (e: FocusEvent<SVGSVGElement>) => {
    // Moving between columns keeps the pick; leaving the diagram hides it.
    const to = e.relatedTarget as Element | null;
    if (!to?.classList.contains('column-svg')) setPicked(null);
  };
  const remove = (h: number) => {
    if (hidden.length <= 1) return;
    focusAfterRemove.current = Math.min(h, hidden.length - 1);
    removeHiddenLayer(h);
  };

  useEffect(() => {
    const widths = layersKey.split(',').map(Number);
    // Whatever the scale, the largest |∂C/∂b| since the first probe of the current series is tracked, and
    // that first probe is kept for the outlines behind the bars. Both are updated on every snapshot, not
    // only on drawn ones, so a first probe replaced within the same frame still resets them.
    let runMax = 0;
    let initial: Snapshot | null = null;
    const draw = rafThrottle((snapshot: Snapshot | null) => {
      const top = scaleTop(barScale, snapshot ? maxFiniteAbs(snapshot.gradB) : 0, runMax);
      widths.forEach((width, i) => {
        const g = columns.current.get(i + 1);
        if (!g) return;
        const neurons = selectNeurons(width, showAll);
        drawColumn(g, {
          layout: columnLayout(neurons.length),
          neurons,
          bars: barsForLayer(snapshot, i + 1, width, neurons),
          initialBars: barsForLayer(initial, i + 1, width, neurons),
          scale: { mode: barScale, top },
        });
      });
      if (scaleNote.current) {
        scaleNote.current.textContent = snapshot ? `Full bar = ${formatValue(top)}` : 'Waiting for the first probe of the network…';
      }
    });
    const onSnapshot = (snapshot: Snapshot | null, firstOfSeries: boolean) => {
      const current = snapshot ? maxFiniteAbs(snapshot.gradB) : 0;
      if (firstOfSeries || !snapshot) {
        initial = snapshot;
        runMax = current;
      } else {
        runMax = Math.max(runMax, current);
      }
      draw(snapshot);
    };
    const state = store.getState();
    onSnapshot(state.snapshot, true);
    const unsubscribe = store.subscribe((next, prev) => {
      if (next.snapshot !== prev.snapshot) onSnapshot(next.snapshot, next.norms.length <= 1);
    });
    return () => {
      unsubscribe();
      draw.cancel();
    };
  }, [store, layersKey, showAll, barScale]);

  return (
    <section className="panel network-panel" aria-labelledby="network-title">
      <div className="panel-head">
        <h2 id="network-title">Network: how fast each neuron learns</h2>
        <div className="panel-actions">
          <label className="toggle">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            Show all neurons
          </label>
          <button
            ref={addButton}
            type="button"
            className="add-layer"
            onClick={() => addHiddenLayer()}
            disabled={hidden.length >= MAX_HIDDEN_LAYERS}
            aria-describedby="add-layer-hint"
          >
            Add hidden layer
          </button>
          <span id="add-layer-hint" className="hint">
            {hidden.length >= MAX_HIDDEN_LAYERS
              ? `At most ${MAX_HIDDEN_LAYERS} hidden layers.`
              : `${NEW_LAYER_WIDTH} neurons, before the output`}
          </span>
          <BarsExport />
        </div>
      </div>
      <div className="scale-row">
        <fieldset className="segmented">
          <legend>Bar scale</legend>
          {BAR_SCALES.map((mode) => (
            <label key={mode}>
              <input type="radio" name="bar-scale" value={mode} checked={barScale === mode} onChange={() => setBarScale(mode)} />
              {SCALE_LABELS[mode]}
            </label>
          ))}
        </fieldset>
        <p className="scale-legend">
          <strong className="full-bar" ref={scaleNote} />{' '}
          <span className="scale-note">
            ({SCALE_NOTES[barScale]}; {barScale === 'log' ? 'log scale' : 'length ∝ √|∂C/∂b|'}, one scale for all layers)
          </span>{' '}
          <span className="swatch" style={{ background: palette.positiveGradient }} aria-hidden="true" /> ∂C/∂b &gt; 0{' '}
          <span className="swatch" style={{ background: palette.negativeGradient }} aria-hidden="true" /> ∂C/∂b &lt; 0{' '}
          <span className="ghost-key">
            <span className="swatch ghost-swatch" aria-hidden="true" /> at the first probe, same scale (▸ = cut at the end)
            {!showAll && <> · first {BOOK_NEURONS_SHOWN} neurons of each layer, as in the book</>}
          </span>
        </p>
      </div>
      {/* The column count goes to the stylesheet as a variable, so narrow screens can wrap the layers instead. */}
      <div className="network" style={{ '--hidden-layers': hidden.length } as CSSProperties}>
        <div className="layer-column io-column">
          <h3>Input</h3>
          <p className="io-size">{layers[0]}</p>
          <p className="hint">pixels (28×28), no biases</p>
        </div>
        {hidden.map((width, i) => {
          const h = i + 1;
          const neurons = selectNeurons(width, showAll);
          const layout = columnLayout(neurons.length);
          return (
            <div className="layer-column" key={`${h}-${hidden.length}`}>
              <h3>Hidden layer {h}</h3>
              <ValidatedField
                className="width-field"
                label={`Width of hidden layer ${h}`}
                visibleLabel="Width"
                value={width}
                inputMode="numeric"
                check={(text) => checkHiddenWidth(text, h)}
                onCommit={(w) => setHiddenWidth(h, w)}
              />
              {barScale === 'log' && <DecadeAxis />}
              <svg
                ref={(el) => {
                  if (el) svgs.current.set(h, el);
                  else svgs.current.delete(h);
                }}
                className="column-svg"
                viewBox={`0 0 200 ${layout.height}`}
                role="img"
                aria-label={`∂C/∂b bars of hidden layer ${h}`}
                aria-describedby={announcerId}
                tabIndex={h === tabLayer ? 0 : -1}
                onPointerDown={(e) => pickFromPointer(h, e)}
                onPointerMove={(e) => pickFromPointer(h, e)}
                onPointerLeave={(e) => {
                  // A finger lifting also "leaves": a tapped bar keeps its readout until the next tap or key.
                  if (e.pointerType === 'mouse') setPicked(null);
                }}
                onKeyDown={(e) => onColumnKey(h, e)}
                onBlur={onColumnBlur}
              >
                {barScale === 'log' && <DecadeMarks height={layout.height} />}
                <g
                  ref={(el) => {
                    if (el) columns.current.set(h, el);
                    else columns.current.delete(h);
                  }}
                />
                {/* React's own mark beside D3's group: the frame of the picked row. */}
                {chosen?.layer === h && (
                  <rect
                    className="bar-pick"
                    x={2}
                    y={layout.rowY(chosen.row) - layout.rowHeight / 2 + 1}
                    width={196}
                    height={layout.rowHeight - 2}
                    rx={4}
                  />
                )}
              </svg>
              {showAll && width > neurons.length && (
                <p className="hint">
                  {neurons.length} of {width} neurons, evenly spaced
                </p>
              )}
              <button
                ref={(el) => {
                  if (el) removeButtons.current.set(h, el);
                  else removeButtons.current.delete(h);
                }}
                type="button"
                className="remove-layer"
                onClick={() => remove(h)}
                disabled={hidden.length <= 1}
              >
                {/* The column's own heading names the layer; a narrow column shows only the verb. */}
                Remove <span className="remove-which">hidden layer {h}</span>
              </button>
            </div>
          );
        })}
        <div className="layer-column io-column">
          <h3>Output</h3>
          <p className="io-size">{layers[layers.length - 1]}</p>
          <p className="hint">
            digits <span className="nowrap">0–9</span>
          </p>
        </div>
      </div>
      {/* Under the columns, so a pick that wraps the line onto two never moves the bars. */}
      <BarReadout
        chosen={chosen}
        width={chosen ? hidden[chosen.layer - 1] : 0}
        neurons={chosen ? selectNeurons(hidden[chosen.layer - 1], showAll) : []}
        announcerId={announcerId}
      />
      <p className="explain">
        Each bar is ∂C/∂b of one hidden neuron: how fast its weights and biases change. By eq. 122, ∂C/∂b₁ = σ′(z₁) w₂σ′(z₂) w₃σ′(z₃)
        w₄σ′(z₄) ∂C/∂a₄ — every layer closer to the input multiplies in one more w σ′(z), and σ′ ≤ 1/4.
      </p>
    </section>
  );
}

/**
 * The log scale's decades, relative to the full bar: labels in a strip above the column (the first row of
 * bars starts at the column's top edge) and faint lines through the column. React owns both; the D3 group
 * is drawn after the lines, so the bars stay on top.
 */
function DecadeAxis() {
  return (
    <svg className="decade-axis" viewBox="0 0 200 20" aria-hidden="true">
      {/* The track's start (10⁻⁴ and below) needs no label: the lines mark it, and five labels do not fit. */}
      {DECADE_TICKS.filter((t) => t.at > 0).map((t) => (
        <text key={t.label} x={BAR_X + t.at * BAR_FULL} y={15} textAnchor={t.at === 1 ? 'end' : 'middle'}>
          {t.label}
        </text>
      ))}
    </svg>
  );
}

function DecadeMarks({ height }: { height: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: decoration lines, never focusable; the scale is read from the legend
    <g className="decade-marks" aria-hidden="true">
      {DECADE_TICKS.map((t) => (
        <line key={t.label} x1={BAR_X + t.at * BAR_FULL} x2={BAR_X + t.at * BAR_FULL} y1={0} y2={height} />
      ))}
    </g>
  );
}
