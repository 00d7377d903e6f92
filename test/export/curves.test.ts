import { describe, expect, it } from 'vitest';
import {
  accuracyTable,
  CSV_DIGITS,
  csvNumber,
  LAYER_FIGURES,
  layerTable,
  PROBE_SERIES,
  speedTable,
  tablesToJson,
  tableToCsv,
} from '../../src/export/curves';
import { APP_VERSION } from '../../src/export/appInfo';
import { DEFAULT_CONFIG } from '../../src/config';
import { makeSnapshot } from '../store/fakeClient';

const meta = { config: { ...DEFAULT_CONFIG, layers: [784, 30, 30, 10] }, exportedAt: '2026-12-02T03:00:00.000Z' };
const norms = [
  { x: 0, norms: [0.0712345678, 0.312345678] },
  { x: 1, norms: [0.05, Number.NaN] },
  { x: 2, norms: [1.23456789e-7, 0.25] },
];

describe('curves as CSV', () => {
  const csv = tableToCsv(speedTable(norms, 2), meta);
  const lines = csv.trimEnd().split('\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const rows = lines.filter((l) => !l.startsWith('#'));

  it('names the app and version, the configuration, seed, mode and date in its header', () => {
    expect(comments[0]).toBe(`# Gradient Lab ${APP_VERSION}: Learning speed: the length of the gradient of each hidden layer per probe`);
    expect(comments).toContain(
      '# configuration: ?layers=784,30,30,10&mode=learning-speed&eta=0.1&lambda=5&batch=10&seed=1&init=default&activation=sigmoid&momentum=0&exploding=0&speed=lesson',
    );
    expect(comments).toContain('# seed: 1');
    expect(comments).toContain('# mode: learning-speed');
    expect(comments).toContain('# exported: 2026-12-02T03:00:00.000Z');
    expect(comments.some((c) => c.startsWith('# norm_layer2: ‖δˡ‖'))).toBe(true);
  });

  it('has one row per probe after the header row, to the printed precision, an overflow left empty', () => {
    expect(rows[0]).toBe('epoch,norm_layer1,norm_layer2');
    expect(rows.slice(1)).toEqual(['0,0.0712346,0.312346', '1,0.05,', '2,1.23457e-7,0.25']);
  });

  it('prints whole numbers whole and others to CSV_DIGITS significant digits', () => {
    expect(CSV_DIGITS).toBe(6);
    expect(csvNumber(3)).toBe('3');
    expect(csvNumber(2 / 3)).toBe('0.666667');
    expect(csvNumber(null)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('is the same text for the same run, apart from the date line', () => {
    const again = tableToCsv(
      speedTable(
        norms.map((p) => ({ ...p })),
        2,
      ),
      { ...meta, exportedAt: '2027-01-01T00:00:00.000Z' },
    );
    const withoutDate = (t: string) => t.split('\n').filter((l) => !l.startsWith('# exported:'));
    expect(withoutDate(again)).toEqual(withoutDate(csv));
    expect(again).not.toBe(csv);
  });
});

describe('the latest probe per layer and accuracy', () => {
  it("has one row per hidden layer with every LAYER_FIGURES entry, eq. 124's n/a as empty", () => {
    const snap = makeSnapshot(1, [30, 30]);
    snap.factorNorms[1] = Number.NaN;
    const table = layerTable(snap, 2);
    expect(table.columns.map((c) => c.name)).toEqual(['layer', ...LAYER_FIGURES.map((f) => f.key)]);
    expect(table.columns.map((c) => c.name)).toEqual(['layer', 'norm', 'factor_norm_eq124', 'mean_sigma_prime', 'saturated_share']);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]).toEqual([1, snap.layerNorms[0], 0.5, 0.2, 0]);
    expect(table.rows[1][2]).toBeNull();
    expect(layerTable(null, 2).rows).toEqual([]);
  });

  it('adds a column group for every PROBE_SERIES entry', () => {
    expect(speedTable(norms, 2).columns).toHaveLength(1 + PROBE_SERIES.length * 2);
  });

  it('writes accuracy per epoch', () => {
    const csv = tableToCsv(
      accuracyTable([
        { epoch: 1, accuracy: 0.9512 },
        { epoch: 2, accuracy: 0.96 },
      ]),
      meta,
    );
    expect(
      csv
        .trimEnd()
        .split('\n')
        .filter((l) => !l.startsWith('#')),
    ).toEqual(['epoch,accuracy', '1,0.9512', '2,0.96']);
  });
});

describe('curves as JSON', () => {
  it('carries the provenance, the configuration and each table with its columns', () => {
    const data = JSON.parse(tablesToJson([speedTable(norms, 2), accuracyTable([])], meta));
    expect(data).toMatchObject({
      format: 'gradient-lab-curves',
      version: 1,
      app: 'Gradient Lab',
      appVersion: APP_VERSION,
      seed: 1,
      mode: 'learning-speed',
    });
    expect(data.exported).toBe(meta.exportedAt);
    expect(data.config.layers).toEqual([784, 30, 30, 10]);
    expect(data.tables.map((t: { id: string }) => t.id)).toEqual(['learning-speed', 'accuracy']);
    expect(data.tables[0].rows[1]).toEqual([1, 0.05, null]);
    expect(data.tables[0].rows[0][1]).toBe(0.0712345678);
  });
});
