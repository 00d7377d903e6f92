/**
 * What each export and import control does: read the store (and, for figures, the panel as shown), build
 * the file with src/export/, and hand it to the browser. Anything that goes wrong becomes the notice line's
 * sentence, never an exception in the console.
 */
import { accuracyTable, layerTable, speedTable, tableToCsv, tablesToJson, type CurveTable, type ExportMeta } from '../../export/curves';
import { downloadFile, exportFileName } from '../../export/download';
import { buildFigureSvg, FigureError, figureToPng, type FigureParts } from '../../export/figure';
import { checkFileSize, readLabFile } from '../../export/importFile';
import { networkToJson } from '../../export/network2';
import { localText, type Phrase } from '../../i18n/text';
import { t } from '../../i18n/catalogue';
import { NetworkReadError } from '../../store/networkRequests';
import { serialiseWorkspace } from '../../export/workspace';
import type { LabState, LabStore } from '../../store/store';

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';

const say = (store: LabStore, notice: Phrase) => store.setState({ notice });

function meta(s: LabState): ExportMeta {
  return { config: s.config, exportedAt: new Date().toISOString() };
}

const numHidden = (s: LabState) => s.config.layers.length - 2;

export type TableId = CurveTable['id'];

/** The tables of the current run, built fresh from the store at the moment of export. */
export function currentTable(s: LabState, id: TableId): CurveTable {
  if (id === 'learning-speed') return speedTable(s.norms, numHidden(s));
  if (id === 'layers') return layerTable(s.snapshot, numHidden(s));
  return accuracyTable(s.accuracy);
}

export function exportCsv(store: LabStore, id: TableId): void {
  const s = store.getState();
  downloadFile(exportFileName(id, s.config.layers, s.config.seed, 'csv'), tableToCsv(currentTable(s, id), meta(s)), CSV);
}

export function exportJson(store: LabStore, ids: TableId[], what: string): void {
  const s = store.getState();
  const tables = ids.map((id) => currentTable(s, id));
  downloadFile(exportFileName(what, s.config.layers, s.config.seed, 'json'), tablesToJson(tables, meta(s)), JSON_TYPE);
}

export async function exportFigure(store: LabStore, collect: () => FigureParts, what: string, format: 'svg' | 'png'): Promise<void> {
  const s = store.getState();
  try {
    const figure = buildFigureSvg(collect(), window);
    const name = exportFileName(what, s.config.layers, s.config.seed, format);
    if (format === 'svg') downloadFile(name, figure.svg, 'image/svg+xml');
    else downloadFile(name, await figureToPng(figure, 2), 'image/png');
  } catch (err) {
    say(
      store,
      err instanceof FigureError
        ? localText('figureFailed', err.problem)
        : localText('figureFailedOther', err instanceof Error ? err.message : String(err)),
    );
  }
}

/** Why network2.py could not compute this network, or null when it can. */
export function network2Problem(s: LabState): Phrase | null {
  const c = s.config;
  const activation = c.activation === 'sigmoid' ? null : c.activation;
  const output = c.output === 'sigmoid' ? null : c.output;
  const residual = c.residual === true;
  const normalisation = c.normalisation !== undefined && c.normalisation !== 'none';
  if (activation === null && output === null && !residual && !normalisation) return null;
  return localText('networkNotSigmoid', activation, output, residual, normalisation);
}

export async function exportNetwork(store: LabStore): Promise<void> {
  const s = store.getState();
  const problem = network2Problem(s);
  if (problem !== null) {
    say(store, problem);
    return;
  }
  try {
    const copy = await store.getState().readNetwork();
    // A diverged network holds NaN or ∞, which no network2.py file can.
    if (!copy.weights.every(allFinite) || !copy.biases.every(allFinite)) {
      say(store, localText('networkNotFinite'));
      return;
    }
    const text = networkToJson({ ...copy, cost: 'CrossEntropyCost' });
    downloadFile(exportFileName('network', copy.sizes, s.config.seed, 'json'), text, JSON_TYPE);
  } catch (err) {
    // The reason is kept as data, so the notice is said in whichever language is on screen.
    say(store, err instanceof NetworkReadError ? (lang) => t(lang).loadErrors.networkRead(err.failure) : localText('networkUnavailable'));
  }
}

function allFinite(values: Float32Array): boolean {
  for (const v of values) if (!Number.isFinite(v)) return false;
  return true;
}

export function exportWorkspace(store: LabStore): void {
  const s = store.getState();
  downloadFile(exportFileName('workspace', s.config.layers, s.config.seed, 'json'), serialiseWorkspace(s.pinned, meta(s)), JSON_TYPE);
}

export async function copyLink(store: LabStore): Promise<void> {
  const link = window.location.href;
  try {
    await navigator.clipboard.writeText(link);
    say(store, localText('linkCopied'));
  } catch {
    say(store, localText('linkNotCopied', link));
  }
}

/** Loads a dropped or opened file: a network2.py network or a workspace; anything else is refused with the reason. */
export async function loadLabFile(store: LabStore, file: File): Promise<void> {
  const tooBig = checkFileSize(file.name, file.size);
  if (tooBig !== null && !tooBig.ok) {
    say(store, tooBig.reason);
    return;
  }
  const result = readLabFile(file.name, await file.text());
  if (!result.ok) {
    say(store, result.reason);
    return;
  }
  const loaded = result.file;
  if (loaded.kind === 'network') {
    const n = loaded.network;
    const sizes = `[${n.sizes.join(', ')}]`;
    store.getState().loadNetwork(n, localText(n.cost === 'QuadraticCost' ? 'networkLoadedQuadratic' : 'networkLoaded', file.name, sizes));
  } else {
    const w = loaded.workspace;
    const runs = w.pinned.length;
    store.getState().loadWorkspace(w.config, w.pinned, (lang) => t(lang).notices.workspaceLoaded(file.name, runs, w.notes(lang).join(' ')));
  }
}
