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
import { t, type Messages } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { useLang, useT } from '../../i18n/useT';

function scaleLabels(m: Messages): Record<BarScaleMode, string> {
  return { now: m.network.scaleLatest, first: m.network.scaleFirst, log: m.network.scaleLog };
}

/** What the full bar means under each scale, after its value. */
function scaleNotes(m: Messages): Record<BarScaleMode, string> {
  return { now: m.network.noteLatest, first: m.network.noteFirst, log: m.network.noteLog };
}

const DECADE_TICKS = logDecadeTicks();

/** The full bar's value (or that there is none yet), in `lang`. */
function writeScaleNote(el: HTMLElement | null, lang: Lang, top: number | null): void {
  if (!el) return;
  const words = t(lang).network;
  el.textContent = top === null ? words.waitingFirstProbe : words.fullBar(formatValue(top, lang));
}

export function NetworkPanel() {
  const store = useLabStore();
  const m = useT();
  const lang = useLang();
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
  // The drawing effect outlives a language switch, so it reads the language and the last full bar from refs.
  const langRef = useRef(lang);
  const lastTop = useRef<number | null>(null);

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
        lastTop.current = snapshot ? top : null;
        writeScaleNote(scaleNote.current, langRef.current, lastTop.current);
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

  // A switch of language rewrites the note at once, paused or not, without restarting the drawing above
  // (which would forget the first probe the outlines show).
  langRef.current = lang;
  useEffect(() => writeScaleNote(scaleNote.current, lang, lastTop.current), [lang]);

  return (
    <section className="panel network-panel" aria-labelledby="network-title">
      <div className="panel-head">
        <h2 id="network-title">{m.network.title}</h2>
        <div className="panel-actions">
          <label className="toggle">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
            {m.network.showAll}
          </label>
          <button
            ref={addButton}
            type="button"
            className="add-layer"
            onClick={() => addHiddenLayer()}
            disabled={hidden.length >= MAX_HIDDEN_LAYERS}
            aria-describedby="add-layer-hint"
          >
            {m.network.addLayer}
          </button>
          <span id="add-layer-hint" className="hint">
            {hidden.length >= MAX_HIDDEN_LAYERS ? m.network.atMostLayers(MAX_HIDDEN_LAYERS) : m.network.newLayerHint(NEW_LAYER_WIDTH)}
          </span>
          <BarsExport />
        </div>
      </div>
      <div className="scale-row">
        <fieldset className="segmented">
          <legend>{m.network.barScale}</legend>
          {BAR_SCALES.map((mode) => (
            <label key={mode}>
              <input type="radio" name="bar-scale" value={mode} checked={barScale === mode} onChange={() => setBarScale(mode)} />
              {scaleLabels(m)[mode]}
            </label>
          ))}
        </fieldset>
        <p className="scale-legend">
          <strong className="full-bar" ref={scaleNote} />{' '}
          <span className="scale-note">{m.network.scaleNote(scaleNotes(m)[barScale], barScale === 'log')}</span>{' '}
          <span className="swatch" style={{ background: palette.positiveGradient }} aria-hidden="true" /> ∂C/∂b &gt; 0{' '}
          <span className="swatch" style={{ background: palette.negativeGradient }} aria-hidden="true" /> ∂C/∂b &lt; 0{' '}
          <span className="ghost-key">
            <span className="swatch ghost-swatch" aria-hidden="true" /> {m.network.ghostKey}
            {!showAll && <> · {m.network.bookNeurons(BOOK_NEURONS_SHOWN)}</>}
          </span>
        </p>
      </div>
      {/* The column count goes to the stylesheet as a variable, so narrow screens can wrap the layers instead. */}
      <div className="network" style={{ '--hidden-layers': hidden.length } as CSSProperties}>
        <div className="layer-column io-column">
          <h3>{m.network.input}</h3>
          <p className="io-size">{layers[0]}</p>
          <p className="hint">{m.network.inputHint}</p>
        </div>
        {hidden.map((width, i) => {
          const h = i + 1;
          const neurons = selectNeurons(width, showAll);
          const layout = columnLayout(neurons.length);
          return (
            <div className="layer-column" key={`${h}-${hidden.length}`}>
              <h3>{m.network.hiddenLayer(h)}</h3>
              <ValidatedField
                className="width-field"
                label={m.network.widthOf(h)}
                visibleLabel={m.network.width}
                value={width}
                inputMode="numeric"
                check={(text, lang) => checkHiddenWidth(text, h, lang)}
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
                aria-label={m.network.barsOf(h)}
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
              {showAll && width > neurons.length && <p className="hint">{m.network.sampled(neurons.length, width)}</p>}
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
                {m.network.removeVerb} <span className="remove-which">{m.network.removeWhich(h)}</span>
              </button>
            </div>
          );
        })}
        <div className="layer-column io-column">
          <h3>{m.network.output}</h3>
          <p className="io-size">{layers[layers.length - 1]}</p>
          <p className="hint">
            {m.network.outputHint} <span className="nowrap">0–9</span>
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
      <p className="explain">{m.network.explain}</p>
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
