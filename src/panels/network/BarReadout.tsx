/**
 * The exact ∂C/∂b of the bar picked by hover, tap or keyboard, as a line above the diagram. It follows the
 * stream (re-rendering at most once per frame, on its own), while screen readers hear it once per new pick
 * rather than on every snapshot.
 */
import { useEffect, useState } from 'react';
import { useLabFrame } from '../../store/hooks';
import { useLang, useT } from '../../i18n/useT';
import { barReadoutText, barsForLayer, type BarChoice } from './geometry';

export function BarReadout({
  chosen,
  width,
  neurons,
  announcerId,
}: {
  chosen: BarChoice | null;
  width: number;
  neurons: readonly number[];
  announcerId: string;
}) {
  const snapshot = useLabFrame((s) => s.snapshot);
  const lang = useLang();
  const m = useT();
  let text: string | null = null;
  if (chosen !== null) {
    const bar = barsForLayer(snapshot, chosen.layer, width, neurons)[chosen.row];
    text = bar ? barReadoutText(bar, lang) : m.network.readoutWaiting(chosen.layer, (neurons[chosen.row] ?? 0) + 1);
  }
  const [announced, setAnnounced] = useState('');
  // A switch of language is announced too: the sentence heard must be in the language on screen.
  const pick = chosen === null ? '' : `${chosen.layer}:${chosen.row}:${lang}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pick is announced, see below
  useEffect(() => {
    setAnnounced(text ?? '');
    // Only a new pick is announced (hence `pick`, not `text`, as the dependency): the value streaming in
    // under the same pick would otherwise be read out on every snapshot.
  }, [pick]);

  return (
    <>
      <p className="bar-readout" aria-hidden={text === null ? undefined : true}>
        {text ?? m.network.readoutIdle}
      </p>
      <p id={announcerId} className="readout-live" aria-live="polite">
        {announced}
      </p>
    </>
  );
}
