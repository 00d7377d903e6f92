/**
 * The network as the book draws it in fig. 4: input, one column per hidden layer with a ∂C/∂b bar beside
 * every neuron, output. React lays out the columns and their controls; D3 draws the bars inside each
 * column's <g>, straight from the store and at most once per animation frame, without re-rendering React.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { checkHiddenWidth, MAX_HIDDEN_LAYERS, NEW_LAYER_WIDTH } from '../../store/config';
import { formatValue } from '../../store/format';
import { useLab, useLabStore } from '../../store/hooks';
import { rafThrottle } from '../../store/rafThrottle';
import type { Snapshot } from '../../worker/protocol';
import { ValidatedField } from '../common/ValidatedField';
import { drawColumn, NEGATIVE_COLOUR, POSITIVE_COLOUR } from './drawBars';
import { barsForLayer, columnLayout, maxAbsGrad, selectNeurons, BOOK_NEURONS_SHOWN } from './geometry';

export function NetworkPanel() {
  const store = useLabStore();
  const layers = useLab((s) => s.config.layers);
  const addHiddenLayer = useLab((s) => s.addHiddenLayer);
  const removeHiddenLayer = useLab((s) => s.removeHiddenLayer);
  const setHiddenWidth = useLab((s) => s.setHiddenWidth);
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
  useEffect(() => {
    const h = focusAfterRemove.current;
    if (h === null) return;
    focusAfterRemove.current = null;
    const target = removeButtons.current.get(h);
    if (target && !target.disabled) target.focus();
    else addButton.current?.focus();
  }, [layersKey]);
  const remove = (h: number) => {
    if (hidden.length <= 1) return;
    focusAfterRemove.current = Math.min(h, hidden.length - 1);
    removeHiddenLayer(h);
  };

  useEffect(() => {
    const widths = layersKey.split(',').map(Number);
    // The scale's top is the largest |∂C/∂b| since the first probe of the current series, so bars
    // that shrink during training visibly shrink instead of being re-normalised every frame; that first
    // probe is also drawn as an outline behind each bar. Both are updated on every snapshot, not only on
    // drawn ones, so a first probe replaced within the same frame still resets the scale.
    let max = 0;
    let initial: Snapshot | null = null;
    const draw = rafThrottle((snapshot: Snapshot | null) => {
      widths.forEach((width, i) => {
        const g = columns.current.get(i + 1);
        if (!g) return;
        const neurons = selectNeurons(width, showAll);
        drawColumn(g, {
          layout: columnLayout(neurons.length),
          neurons,
          bars: barsForLayer(snapshot, i + 1, width, neurons),
          initialBars: barsForLayer(initial, i + 1, width, neurons),
          max,
        });
      });
      if (scaleNote.current) {
        scaleNote.current.textContent = snapshot
          ? `Full bar = ${formatValue(max)}, the largest |∂C/∂b| since this run's first probe.`
          : 'Waiting for the first probe of the network…';
      }
    });
    const onSnapshot = (snapshot: Snapshot | null, firstOfSeries: boolean) => {
      const current = snapshot ? maxAbsGrad(snapshot.gradB) : 0;
      if (firstOfSeries || !snapshot) {
        initial = snapshot;
        max = current;
      } else {
        max = Math.max(max, current);
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
  }, [store, layersKey, showAll]);

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
            {hidden.length >= MAX_HIDDEN_LAYERS ? `At most ${MAX_HIDDEN_LAYERS} hidden layers.` : `${NEW_LAYER_WIDTH} neurons, before the output`}
          </span>
        </div>
      </div>
      <p className="explain">
        Each bar is ∂C/∂b of one hidden neuron: how fast its weights and biases change. By eq. 122, ∂C/∂b₁ = σ′(z₁) w₂σ′(z₂)
        w₃σ′(z₃) w₄σ′(z₄) ∂C/∂a₄ — every layer closer to the input multiplies in one more w σ′(z), and σ′ ≤ 1/4.
      </p>
      <p className="scale-legend">
        <span>
          Bar length ∝ √|∂C/∂b| (square-root scale), one scale shared by all layers.{' '}
          <span ref={scaleNote} />
        </span>{' '}
        <span className="swatch" style={{ background: POSITIVE_COLOUR }} aria-hidden="true" /> ∂C/∂b &gt; 0{' '}
        <span className="swatch" style={{ background: NEGATIVE_COLOUR }} aria-hidden="true" /> ∂C/∂b &lt; 0{' '}
        <span className="swatch ghost-swatch" aria-hidden="true" /> at the first probe
        {!showAll && <> · first {BOOK_NEURONS_SHOWN} neurons of each layer, as in the book</>}
      </p>
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
                value={width}
                inputMode="numeric"
                check={(text) => checkHiddenWidth(text, h)}
                onCommit={(w) => setHiddenWidth(h, w)}
              />
              <svg className="column-svg" viewBox={`0 0 200 ${layout.height}`} role="img" aria-label={`∂C/∂b bars of hidden layer ${h}`}>
                <g
                  ref={(el) => {
                    if (el) columns.current.set(h, el);
                    else columns.current.delete(h);
                  }}
                />
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
                Remove hidden layer {h}
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
    </section>
  );
}
