/**
 * The bar above the lab: the chapter's figures, presentation mode and the keyboard help. In presentation
 * mode the sidebar is hidden, so the bar also carries the two settings a teacher changes live, the
 * exploding preset and the pace. It owns the page's one keyboard listener.
 */
import { useEffect, useState } from 'react';
import { MAX_HIDDEN_LAYERS } from '../store/config';
import { useLab, useLabStore } from '../store/hooks';
import { ExplodingSwitch } from '../panels/controls/ControlsPanel';
import { FigurePresets } from '../panels/controls/FigurePresets';
import { PaceSelect } from '../panels/controls/PaceSelect';
import { useT } from '../i18n/useT';
import { HelpDialog } from './HelpDialog';
import { LangSwitch } from './LangSwitch';
import { actionForKey, type ShortcutAction } from './shortcuts';

export function Toolbar() {
  const store = useLabStore();
  const presenting = useLab((s) => s.presenting);
  const setPresenting = useLab((s) => s.setPresenting);
  const [helpOpen, setHelpOpen] = useState(false);
  const m = useT();

  useEffect(() => {
    const run = (action: ShortcutAction) => {
      const s = store.getState();
      const ended = s.status === 'finished' || s.status === 'diverged';
      switch (action) {
        case 'toggle-run':
          if (s.status === 'running') s.pause();
          else if (!ended) s.start();
          break;
        case 'step':
          if (!ended) s.step(1);
          break;
        case 'step-10':
          if (!ended) s.step(10);
          break;
        case 'reset':
          s.reset();
          break;
        case 'add-layer':
          if (s.config.layers.length - 2 < MAX_HIDDEN_LAYERS) s.addHiddenLayer();
          break;
        case 'toggle-exploding':
          s.setExploding(!s.config.exploding);
          break;
        case 'toggle-presentation':
          s.setPresenting(!s.presenting);
          break;
        case 'help':
          setHelpOpen(true);
          break;
        case 'exit-presentation':
          s.setPresenting(false);
          break;
        default: {
          const unreachable: never = action;
          return unreachable;
        }
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = actionForKey(event);
      if (action === null) return;
      // Escape outside presentation mode is not ours to swallow.
      if (action === 'exit-presentation' && !store.getState().presenting) return;
      // Space would also scroll the page, and → scroll a wide panel.
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  return (
    <div className="toolbar">
      <FigurePresets />
      {presenting && (
        <>
          <ExplodingSwitch />
          <PaceSelect className="toolbar-speed" compact />
        </>
      )}
      <div className="toolbar-end">
        <LangSwitch />
        <button
          type="button"
          aria-haspopup="dialog"
          aria-label={m.toolbar.shortcuts}
          title={m.toolbar.shortcutsTitle}
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
        <button
          type="button"
          className={presenting ? 'primary' : undefined}
          title={m.toolbar.presentationTitle}
          onClick={() => setPresenting(!presenting)}
        >
          {presenting ? m.toolbar.exitPresentation : m.toolbar.enterPresentation}
        </button>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
