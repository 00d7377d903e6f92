/**
 * The whole page is a drop target for a network or workspace file: while a file is dragged over it a
 * veil says so, and the dropped file is loaded (or refused, with the reason, on the notice line).
 */
import { useEffect, useState } from 'react';
import { useLabStore } from '../../store/hooks';
import { useT } from '../../i18n/useT';
import { localText } from '../../i18n/text';
import { loadLabFile } from './actions';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function FileDrop() {
  const store = useLabStore();
  const [over, setOver] = useState(false);
  const m = useT().export;
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; counting them tells when the pointer left the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      // Without this the browser would open the file in place of the lab.
      if (carriesFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length !== 1) store.setState({ notice: localText('onlyOneFile') });
      else void loadLabFile(store, files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return over ? <div className="drop-overlay">{m.dropOverlay}</div> : null;
}
