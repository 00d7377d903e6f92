/**
 * The toolbar's share controls: "Copy link", and an Export menu for the files that are about the whole
 * lab (every curve, the network, the workspace) with "Open…" for the keyboard's way of loading one.
 */
import { useRef } from 'react';
import { useLabStore } from '../../store/hooks';
import { useT } from '../../i18n/useT';
import { copyLink, exportJson, exportNetwork, exportWorkspace, loadLabFile } from './actions';
import { ExportMenu } from './ExportMenu';

export function ToolbarExport() {
  const store = useLabStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const EXPORT_TEXT = useT().export;
  return (
    <>
      <button type="button" className="copy-link" onClick={() => void copyLink(store)}>
        {EXPORT_TEXT.copyLink}
      </button>
      <ExportMenu
        what={EXPORT_TEXT.everything}
        items={[
          { label: EXPORT_TEXT.allCurvesJson, run: () => exportJson(store, ['learning-speed', 'layers', 'accuracy'], 'curves') },
          { label: EXPORT_TEXT.networkJson, run: () => exportNetwork(store) },
          { label: EXPORT_TEXT.workspace, run: () => exportWorkspace(store) },
          { label: EXPORT_TEXT.openFile, run: () => fileInput.current?.click() },
        ]}
      >
        <p className="hint">{EXPORT_TEXT.dropHint}</p>
      </ExportMenu>
      <input
        ref={fileInput}
        className="file-input"
        type="file"
        accept=".json,application/json"
        aria-label={EXPORT_TEXT.openFile}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void loadLabFile(store, file);
        }}
      />
    </>
  );
}
