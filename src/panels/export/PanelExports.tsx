/** The Export menus of the learning-speed chart, the accuracy chart and the bars panel. */
import { useLabStore, useOptionalLabStore } from '../../store/hooks';
import type { LabStore } from '../../store/store';
import { EXPORT_TEXT } from '../../export/text';
import { exportCsv, exportFigure, exportJson, exportNetwork } from './actions';
import { collectBars, collectChart } from './collect';
import { ExportMenu, type ExportItem } from './ExportMenu';

function figureItems(store: LabStore, what: string, bars: boolean): ExportItem[] {
  const collect = (section: Element | null) => () => {
    if (section === null) throw new Error('the panel is not on the page');
    return bars ? collectBars(section, window) : collectChart(section);
  };
  return [
    { label: EXPORT_TEXT.figureSvg, run: (section) => exportFigure(store, collect(section), what, 'svg') },
    { label: EXPORT_TEXT.figurePng, run: (section) => exportFigure(store, collect(section), what, 'png') },
  ];
}

export function SpeedExport() {
  const store = useLabStore();
  return (
    <ExportMenu
      what={EXPORT_TEXT.speedChart}
      items={[
        { label: EXPORT_TEXT.curvesCsv, run: () => exportCsv(store, 'learning-speed') },
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['learning-speed', 'layers'], 'learning-speed') },
        ...figureItems(store, 'learning-speed', false),
      ]}
    />
  );
}

export function AccuracyExport() {
  const store = useLabStore();
  return (
    <ExportMenu
      what={EXPORT_TEXT.accuracyChart}
      items={[
        { label: EXPORT_TEXT.curvesCsv, run: () => exportCsv(store, 'accuracy') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['accuracy'], 'accuracy') },
        ...figureItems(store, 'accuracy', false),
      ]}
    />
  );
}

export function BarsExport() {
  const store = useLabStore();
  return (
    <ExportMenu
      what={EXPORT_TEXT.barsPanel}
      items={[
        ...figureItems(store, 'bars', true),
        { label: EXPORT_TEXT.networkJson, run: () => exportNetwork(store) },
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
      ]}
    />
  );
}

/** An instrument's figure; eq. 124's also offers its per-layer numbers. */
export function InstrumentExport({ name, what, withLayers = false }: { name: string; what: string; withLayers?: boolean }) {
  // The instruments also render on their own, without the lab around them; there is nothing to export then.
  const store = useOptionalLabStore();
  if (store === null) return null;
  const items: ExportItem[] = withLayers
    ? [
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['layers'], name) },
      ]
    : [];
  return <ExportMenu what={what} items={[...items, ...figureItems(store, name, false)]} />;
}
