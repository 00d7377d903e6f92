/**
 * What a file dropped on the page is: a network in network2.py's format or a workspace. Pure: text in,
 * a parsed file or one sentence saying why not out.
 */
import { looksLikeNetwork, MAX_NETWORK_FILE_MB, NetworkFileError, parseNetwork, type NetworkWeights } from './network2';
import { localText, type LocalText } from '../i18n/text';
import { looksLikeWorkspace, parseWorkspace, WorkspaceFileError, type LoadedWorkspace } from './workspace';

export type LabFile = { kind: 'network'; network: NetworkWeights } | { kind: 'workspace'; workspace: LoadedWorkspace };

/** A refusal is a catalogue entry, so the notice is said in the page's language. */
export type ReadResult = { ok: true; file: LabFile } | { ok: false; reason: LocalText };

const BYTES_PER_MB = 1024 * 1024;

/** Checked before the file is read at all, so a huge file never reaches JSON.parse. */
export function checkFileSize(name: string, bytes: number): ReadResult | null {
  if (bytes <= MAX_NETWORK_FILE_MB * BYTES_PER_MB) return null;
  return { ok: false, reason: localText('fileTooBig', name, bytes / BYTES_PER_MB, MAX_NETWORK_FILE_MB) };
}

export function readLabFile(name: string, text: string): ReadResult {
  const tooBig = checkFileSize(name, text.length);
  if (tooBig) return tooBig;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: localText('fileNotJson', name) };
  }
  try {
    if (looksLikeWorkspace(data)) return { ok: true, file: { kind: 'workspace', workspace: parseWorkspace(data) } };
    if (looksLikeNetwork(data)) return { ok: true, file: { kind: 'network', network: parseNetwork(data) } };
  } catch (err) {
    if (err instanceof NetworkFileError || err instanceof WorkspaceFileError)
      return { ok: false, reason: localText('fileRefused', name, err.problem) };
    throw err;
  }
  return { ok: false, reason: localText('fileUnknown', name) };
}
