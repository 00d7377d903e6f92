/**
 * The lab's curves as tables, and the tables as CSV or JSON. Pure: the caller hands in the series, the
 * latest snapshot and the configuration, and gets text back.
 *
 * Each table is built from a list of series, so a new quantity (another per-layer statistic of the probe,
 * say) is one entry in PROBE_SERIES or LAYER_FIGURES and appears in both formats with its description.
 */
import type { RunConfig } from '../config';
import { serialiseQuery } from '../store/config';
import type { AccuracyPoint, NormPoint } from '../store/series';
import type { Snapshot } from '../worker/protocol';
import { APP_NAME, APP_VERSION } from './appInfo';
import { CURVE_TEXT } from './text';

/** What every exported file says about where it came from. */
export interface ExportMeta {
  config: RunConfig;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  appVersion?: string;
}

export interface Column {
  /** ASCII, no commas: a spreadsheet's header cell and a JSON key. */
  name: string;
  meaning: string;
}

export interface CurveTable {
  id: 'learning-speed' | 'layers' | 'accuracy';
  title: string;
  columns: Column[];
  /** null where a value is missing or was not finite (an overflow, or a factor that does not apply). */
  rows: (number | null)[][];
}

/** A quantity with one value per hidden layer, read from one point of a series. */
export interface PerLayerSeries<T> {
  /** Column stem: the layer number is appended (norm_layer1, norm_layer2, …). */
  key: string;
  meaning: string;
  values(point: T): ArrayLike<number>;
}

/** Per probe: one column per hidden layer for each entry. */
export const PROBE_SERIES: readonly PerLayerSeries<NormPoint>[] = [{ key: 'norm', meaning: CURVE_TEXT.norm, values: (p) => p.norms }];

/** Of the latest probe: one row per hidden layer, one column per entry. */
export const LAYER_FIGURES: readonly PerLayerSeries<Snapshot>[] = [
  { key: 'norm', meaning: CURVE_TEXT.norm, values: (s) => s.layerNorms },
  { key: 'factor_norm_eq124', meaning: CURVE_TEXT.factorNorm, values: (s) => s.factorNorms },
  { key: 'mean_sigma_prime', meaning: CURVE_TEXT.meanSigmaPrime, values: (s) => s.meanActivationPrime },
  { key: 'saturated_share', meaning: CURVE_TEXT.saturatedShare, values: (s) => s.saturatedShare },
];

const finiteOrNull = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

export function speedTable(norms: readonly NormPoint[], numHidden: number): CurveTable {
  const layers = Array.from({ length: numHidden }, (_, i) => i + 1);
  const columns: Column[] = [{ name: 'epoch', meaning: 'training progress in epochs at the probe' }];
  for (const s of PROBE_SERIES) for (const l of layers) columns.push({ name: `${s.key}_layer${l}`, meaning: `${s.meaning}, l = ${l}` });
  const rows = norms.map((p) => [p.x, ...PROBE_SERIES.flatMap((s) => layers.map((l) => finiteOrNull(s.values(p)[l - 1])))]);
  return { id: 'learning-speed', title: CURVE_TEXT.speedTitle, columns, rows };
}

export function layerTable(snapshot: Snapshot | null, numHidden: number): CurveTable {
  const columns: Column[] = [{ name: 'layer', meaning: 'hidden layer, counted from 1 at the input side' }];
  for (const f of LAYER_FIGURES) columns.push({ name: f.key, meaning: f.meaning });
  const rows =
    snapshot === null
      ? []
      : Array.from({ length: numHidden }, (_, i) => [i + 1, ...LAYER_FIGURES.map((f) => finiteOrNull(f.values(snapshot)[i]))]);
  return { id: 'layers', title: CURVE_TEXT.layerTitle, columns, rows };
}

export function accuracyTable(accuracy: readonly AccuracyPoint[]): CurveTable {
  return {
    id: 'accuracy',
    title: CURVE_TEXT.accuracyTitle,
    columns: [
      { name: 'epoch', meaning: 'completed epochs' },
      { name: 'accuracy', meaning: CURVE_TEXT.accuracy },
    ],
    rows: accuracy.map((a) => [a.epoch, finiteOrNull(a.accuracy)]),
  };
}

/** Significant digits of every number in a CSV: more than the page shows, and what a reproduced run must match. */
export const CSV_DIGITS = 6;

/** A CSV cell: whole numbers as they are, others to CSV_DIGITS significant digits, a missing value empty. */
export function csvNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(CSV_DIGITS)));
}

/** The lines that name what produced a file, shared by the CSV comment header and the JSON's fields. */
export function provenance(meta: ExportMeta) {
  return {
    app: APP_NAME,
    appVersion: meta.appVersion ?? APP_VERSION,
    exported: meta.exportedAt,
    configuration: serialiseQuery(meta.config),
    seed: meta.config.seed,
    mode: meta.config.mode,
  };
}

/**
 * One table as CSV: comment lines (#) with the provenance and each column's meaning, then a header row and
 * one row per point. pandas reads it with read_csv(path, comment='#').
 */
export function tableToCsv(table: CurveTable, meta: ExportMeta): string {
  const p = provenance(meta);
  const lines = [
    `# ${p.app} ${p.appVersion}: ${table.title}`,
    `# configuration: ${p.configuration}`,
    `# seed: ${p.seed}`,
    `# mode: ${p.mode}`,
    `# exported: ${p.exported}`,
    ...table.columns.map((c) => `# ${c.name}: ${c.meaning}`),
    table.columns.map((c) => c.name).join(','),
    ...table.rows.map((r) => r.map(csvNumber).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

export const CURVES_FORMAT = 'gradient-lab-curves';

/** Tables as one JSON document: the provenance, the full configuration, then each table with its columns' meanings. */
export function tablesToJson(tables: readonly CurveTable[], meta: ExportMeta): string {
  return JSON.stringify(
    {
      format: CURVES_FORMAT,
      version: 1,
      ...provenance(meta),
      config: meta.config,
      tables: tables.map((t) => ({ id: t.id, title: t.title, columns: t.columns, rows: t.rows })),
    },
    null,
    1,
  );
}
