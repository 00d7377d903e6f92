/**
 * A workspace file: the configuration and the pinned runs' curves in one JSON document, so another person
 * can drop it on the page and see the same comparison. Runs are read with the same checks as the runs kept
 * in the browser (src/store/pinnedStorage.ts), and the configuration with the URL's own rules.
 */
import type { RunConfig } from '../config';
import { parseQuery } from '../store/config';
import { decodePinnedRuns, encodePinnedRuns } from '../store/pinnedStorage';
import { DEFAULT_SERIES_LIMIT } from '../store/series';
import type { PinnedRun } from '../store/store';
import { provenance, type ExportMeta } from './curves';

export const WORKSPACE_FORMAT = 'gradient-lab-workspace';
const WORKSPACE_VERSION = 1;

export function serialiseWorkspace(pinned: readonly PinnedRun[], meta: ExportMeta): string {
  return JSON.stringify({
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    ...provenance(meta),
    // Series are kept at the page's own resolution, not thinned as in the browser's storage.
    pinned: encodePinnedRuns(pinned, DEFAULT_SERIES_LIMIT),
  });
}

export interface LoadedWorkspace {
  config: RunConfig;
  pinned: PinnedRun[];
  /** What was left out or changed while reading, one sentence each; empty when everything was taken. */
  notes: string[];
}

export class WorkspaceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkspaceFileError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function looksLikeWorkspace(data: unknown): boolean {
  return isRecord(data) && data.format === WORKSPACE_FORMAT;
}

export function parseWorkspace(data: unknown): LoadedWorkspace {
  if (!isRecord(data) || data.format !== WORKSPACE_FORMAT) throw new WorkspaceFileError('it is not a Gradient Lab workspace file.');
  if (data.version !== WORKSPACE_VERSION)
    throw new WorkspaceFileError(
      `it is a workspace of format version ${String(data.version)}; this lab reads version ${WORKSPACE_VERSION}.`,
    );
  if (typeof data.configuration !== 'string' || !data.configuration.startsWith('?'))
    throw new WorkspaceFileError('its "configuration" is missing or is not a query such as "?layers=784,30,30,10&…".');
  if (!Array.isArray(data.pinned)) throw new WorkspaceFileError('its "pinned" runs are missing or are not a list.');
  const parsed = parseQuery(data.configuration);
  const { runs, skipped } = decodePinnedRuns(data.pinned, DEFAULT_SERIES_LIMIT);
  const notes = [...parsed.notices];
  if (skipped > 0)
    notes.push(
      skipped === 1
        ? '1 pinned run in the file could not be read and was left out.'
        : `${skipped} pinned runs in the file could not be read and were left out.`,
    );
  return { config: parsed.config, pinned: runs, notes };
}
