/**
 * One button per figure of the chapter: a click rebuilds the network the figure shows, so a class can go
 * from fig. 4 to fig. 7 without touching a setting.
 */
import { applyFigure, figureWords, FIGURES } from '../../store/figures';
import { useT } from '../../i18n/useT';
import { useLabStore } from '../../store/hooks';

export function FigurePresets() {
  const store = useLabStore();
  const m = useT();
  return (
    <div className="figure-presets" role="group" aria-label={m.figures.group}>
      {FIGURES.map((figure) => {
        const words = figureWords(figure.id, m);
        return (
          <button key={figure.id} type="button" title={words.description} onClick={() => applyFigure(store, figure)}>
            {words.label}
          </button>
        );
      })}
    </div>
  );
}
