/**
 * The chapter's finding in words, large, above the bars: "Layer 1 learns 134× slower than layer 4".
 * The visible sentence follows every drawn frame; screen readers hear it at most every few seconds,
 * because a sentence whose ratio changes with every probe would otherwise be read out without end.
 */
import { useEffect, useRef, useState } from 'react';
import { useLab, useLabFrame } from '../../store/hooks';
import { useLang } from '../../i18n/useT';
import { headlineSentence } from './headline';
import { SaturationNotice } from './SaturationNotice';

/** Quietest pace at which a changing sentence is read out again. */
export const ANNOUNCE_EVERY_MS = 8000;

export function Headline() {
  const numHidden = useLab((s) => s.config.layers.length - 2);
  const lang = useLang();
  const sentence = useLabFrame((s) => headlineSentence(s.snapshot?.layerNorms ?? null, numHidden, lang));
  const [announced, setAnnounced] = useState(sentence);
  const lastAnnounced = useRef(0);
  useEffect(() => {
    if (sentence === announced) return;
    const wait = lastAnnounced.current + ANNOUNCE_EVERY_MS - Date.now();
    const announce = () => {
      lastAnnounced.current = Date.now();
      setAnnounced(sentence);
    };
    if (wait <= 0) {
      announce();
      return;
    }
    const timer = setTimeout(announce, wait);
    return () => clearTimeout(timer);
  }, [sentence, announced]);

  return (
    <div className="headline">
      <p className="headline-text" data-testid="headline" aria-hidden="true">
        {sentence}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      <SaturationNotice />
    </div>
  );
}
