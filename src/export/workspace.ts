/**
 * A workspace file: the configuration and the pinned runs' curves in one JSON document, so another person
 * can drop it on the page and see the same comparison. Runs are read with the same checks as the runs kept
 * in the browser (src/store/pinnedStorage.ts), and the configuration with the URL's own rules.
 */
import type { RunConfig } from '../config';
import type { Lang } from '../i18n/lang';
import { t } from '../i18n/catalogue';
import { parseQuery } from '../store/config';
import { decodePinnedRuns, encodePinnedRuns } from '../store/pinnedStorage';
import { DEFAULT_SERIES_LIMIT } from '../store/series';
import type { PinnedRun } from '../store/store';
import { provenance, type ExportMeta } from './curves';
import { ImportFileError, type ImportProblem } from './problem';

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
  /**
   * What was left out or changed while reading, one sentence each in the language asked for; empty when
   * everything was taken. A function of the language, so the notice that quotes it switches with the page.
   */
  notes(lang: Lang): string[];
}

export class WorkspaceFileError extends ImportFileError {
  constructor(problem: ImportProblem) {
    super(problem);
    this.name = 'WorkspaceFileError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function looksLikeWorkspace(data: unknown): boolean {
  return isRecord(data) && data.format === WORKSPACE_FORMAT;
}

export function parseWorkspace(data: unknown): LoadedWorkspace {
  if (!isRecord(data) || data.format !== WORKSPACE_FORMAT) throw new WorkspaceFileError({ code: 'not-workspace' });
  if (data.version !== WORKSPACE_VERSION)
    throw new WorkspaceFileError({ code: 'workspace-version', found: String(data.version), expected: WORKSPACE_VERSION });
  const configuration = data.configuration;
  if (typeof configuration !== 'string' || !configuration.startsWith('?'))
    throw new WorkspaceFileError({ code: 'workspace-configuration' });
  if (!Array.isArray(data.pinned)) throw new WorkspaceFileError({ code: 'workspace-pinned' });
  const parsed = parseQuery(configuration);
  const { runs, skipped } = decodePinnedRuns(data.pinned, DEFAULT_SERIES_LIMIT);
  const notes = (lang: Lang) => {
    // The configuration's notices are the URL's own, said again in the language asked for.
    const said = lang === 'en' ? parsed.notices : parseQuery(configuration, lang).notices;
    return skipped > 0 ? [...said, t(lang).importErrors.skippedRuns(skipped)] : said;
  };
  return { config: parsed.config, pinned: runs, notes };
}
