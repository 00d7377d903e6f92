/** The Export menus of the learning-speed chart, the accuracy chart and the bars panel. */
import { useLabStore, useOptionalLabStore } from '../../store/hooks';
import type { LabStore } from '../../store/store';
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/catalogue';
import { exportCsv, exportFigure, exportJson, exportNetwork } from './actions';
import { collectBars, collectChart } from './collect';
import { FigureError } from '../../export/figure';
import { ExportMenu, type ExportItem } from './ExportMenu';

function figureItems(store: LabStore, EXPORT_TEXT: Messages['export'], what: string, bars: boolean): ExportItem[] {
  const collect = (section: Element | null) => () => {
    if (section === null) throw new FigureError('not-on-page');
    return bars ? collectBars(section, window) : collectChart(section);
  };
  return [
    { label: EXPORT_TEXT.figureSvg, run: (section) => exportFigure(store, collect(section), what, 'svg') },
    { label: EXPORT_TEXT.figurePng, run: (section) => exportFigure(store, collect(section), what, 'png') },
  ];
}

export function SpeedExport() {
  const store = useLabStore();
  const EXPORT_TEXT = useT().export;
  return (
    <ExportMenu
      what={EXPORT_TEXT.speedChart}
      items={[
        { label: EXPORT_TEXT.curvesCsv, run: () => exportCsv(store, 'learning-speed') },
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['learning-speed', 'layers'], 'learning-speed') },
        ...figureItems(store, EXPORT_TEXT, 'learning-speed', false),
      ]}
    />
  );
}

export function AccuracyExport() {
  const store = useLabStore();
  const EXPORT_TEXT = useT().export;
  return (
    <ExportMenu
      what={EXPORT_TEXT.accuracyChart}
      items={[
        { label: EXPORT_TEXT.curvesCsv, run: () => exportCsv(store, 'accuracy') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['accuracy'], 'accuracy') },
        ...figureItems(store, EXPORT_TEXT, 'accuracy', false),
      ]}
    />
  );
}

export function BarsExport() {
  const store = useLabStore();
  const EXPORT_TEXT = useT().export;
  return (
    <ExportMenu
      what={EXPORT_TEXT.barsPanel}
      items={[
        ...figureItems(store, EXPORT_TEXT, 'bars', true),
        { label: EXPORT_TEXT.networkJson, run: () => exportNetwork(store) },
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
      ]}
    />
  );
}

/** An instrument's figure; eq. 124's also offers its per-layer numbers. */
export function InstrumentExport({ name, title, withLayers = false }: { name: string; title: string; withLayers?: boolean }) {
  // The instruments also render on their own, without the lab around them; there is nothing to export then.
  const store = useOptionalLabStore();
  return store === null ? null : <InstrumentMenu store={store} name={name} title={title} withLayers={withLayers} />;
}

function InstrumentMenu({ store, name, title, withLayers }: { store: LabStore; name: string; title: string; withLayers: boolean }) {
  const EXPORT_TEXT = useT().export;
  const items: ExportItem[] = withLayers
    ? [
        { label: EXPORT_TEXT.layersCsv, run: () => exportCsv(store, 'layers') },
        { label: EXPORT_TEXT.curvesJson, run: () => exportJson(store, ['layers'], name) },
      ]
    : [];
  return <ExportMenu what={EXPORT_TEXT.instrument(title)} items={[...items, ...figureItems(store, EXPORT_TEXT, name, false)]} />;
}
