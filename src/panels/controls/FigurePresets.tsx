/**
 * One button per figure of the chapter: a click rebuilds the network the figure shows, so a class can go
 * from fig. 4 to fig. 7 without touching a setting.
 */
import { applyFigure, FIGURES } from '../../store/figures';
import { useLabStore } from '../../store/hooks';

export function FigurePresets() {
  const store = useLabStore();
  return (
    <div className="figure-presets" role="group" aria-label="Set up a figure of the chapter">
      {FIGURES.map((figure) => (
        <button key={figure.id} type="button" title={figure.description} onClick={() => applyFigure(store, figure)}>
          {figure.label}
        </button>
      ))}
    </div>
  );
}
