/**
 * Run controls and every training setting. Settings that change the network rebuild it from the seed,
 * and the status line says so; the pace, a planned pause and the exploding preset apply to the running network.
 */
import { useId, useRef } from 'react';
import { ACTIVATIONS, INITIALISERS, type ActivationName, type InitName } from '../../engine';
import {
  activationLabels,
  checkBatchSize,
  checkClipNorm,
  checkEta,
  checkLambda,
  checkMomentum,
  checkPauseAtText,
  checkSeed,
  initLabels,
  modeLabels,
} from '../../store/config';
import { useLang, useT } from '../../i18n/useT';
import { useLab } from '../../store/hooks';
import { MODES, type TrainingMode } from '../../config';
import { ValidatedField } from '../common/ValidatedField';
import { CURE_CLIP_NORM } from '../network/saturation';
import { PaceSelect } from './PaceSelect';
import { stepHint } from './stepText';
import { shownStatus } from '../../store/store';

/** An empty pause field means no planned pause. */
const formatPauseAt = (epoch: number | null) => (epoch === null ? '' : String(epoch));

export function ControlsPanel() {
  const config = useLab((s) => s.config);
  // A stopped worker's last word may have been "running"; the buttons must not keep claiming it.
  const status = useLab(shownStatus);
  const start = useLab((s) => s.start);
  const pause = useLab((s) => s.pause);
  const step = useLab((s) => s.step);
  const reset = useLab((s) => s.reset);
  const update = useLab((s) => s.updateConfig);
  const setPauseAt = useLab((s) => s.setPauseAt);
  const ids = { mode: useId(), init: useId(), activation: useId() };
  const m = useT();
  const lang = useLang();
  const c = m.controls;
  const running = status === 'running';
  // The worker ignores Start and Step once a run has finished or diverged; say so instead of a button that does nothing.
  // aria-disabled rather than disabled: a run ends while Start still has the keyboard focus, and a disabled
  // button would drop that focus to the top of the page.
  const ended = status === 'finished' || status === 'diverged';
  const endedProps = ended ? ({ 'aria-disabled': true, 'aria-describedby': 'run-ended-hint' } as const) : {};

  return (
    <section className="panel controls-panel" aria-labelledby="controls-title">
      <h2 id="controls-title">{c.title}</h2>
      <div className="run-buttons" role="group" aria-label={c.run}>
        <button type="button" className={running ? 'primary active' : 'primary'} onClick={ended ? undefined : start} {...endedProps}>
          {c.start}
        </button>
        <button type="button" className={status === 'paused' ? 'active' : undefined} onClick={pause}>
          {c.pause}
        </button>
        <button type="button" onClick={ended ? undefined : () => step(1)} {...endedProps}>
          {c.step1}
        </button>
        <button type="button" onClick={ended ? undefined : () => step(10)} {...endedProps}>
          {c.step10}
        </button>
        <button type="button" onClick={reset}>
          {c.reset}
        </button>
      </div>
      {ended && (
        <p id="run-ended-hint" className="run-ended">
          {status === 'finished' ? c.finished(config.epochs) : c.diverged}
        </p>
      )}
      <p className="hint">
        {stepHint(config, lang)} {c.resetHint}
      </p>
      <PaceSelect className="field speed-field" />
      <ValidatedField
        label={c.pauseAt}
        value={config.pauseAt ?? null}
        format={formatPauseAt}
        check={(text, lang) => checkPauseAtText(text, config.epochs, lang)}
        inputMode="numeric"
        onCommit={setPauseAt}
        hint={c.pauseAtHint(config.epochs)}
      />

      <ExplodingSwitch />
      <ClipControl />

      <div className="field">
        <label htmlFor={ids.mode}>{c.mode}</label>
        <select id={ids.mode} value={config.mode} onChange={(e) => update({ mode: e.target.value as TrainingMode })}>
          {MODES.map((mode) => (
            <option key={mode} value={mode}>
              {modeLabels(lang)[mode]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-grid">
        <ValidatedField label={c.eta} value={config.eta} check={checkEta} onCommit={(eta) => update({ eta })} />
        <ValidatedField label={c.lambda} value={config.lambda} check={checkLambda} onCommit={(lambda) => update({ lambda })} />
        <ValidatedField
          label={c.batchSize}
          value={config.batchSize}
          check={checkBatchSize}
          inputMode="numeric"
          onCommit={(batchSize) => update({ batchSize })}
          hint={config.mode === 'learning-speed' ? c.batchUnused : undefined}
        />
        <ValidatedField label={c.seed} value={config.seed} check={checkSeed} inputMode="numeric" onCommit={(seed) => update({ seed })} />
        <ValidatedField label={c.momentum} value={config.momentum} check={checkMomentum} onCommit={(momentum) => update({ momentum })} />
      </div>
      <div className="field">
        <label htmlFor={ids.init}>{c.init}</label>
        <select id={ids.init} value={config.init} onChange={(e) => update({ init: e.target.value as InitName })}>
          {INITIALISERS.map((i) => (
            <option key={i} value={i}>
              {initLabels(lang)[i]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.activation}>{c.activation}</label>
        <select id={ids.activation} value={config.activation} onChange={(e) => update({ activation: e.target.value as ActivationName })}>
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {activationLabels(lang)[a]}
            </option>
          ))}
        </select>
      </div>
      <CureSwitches />
    </section>
  );
}

export function ExplodingSwitch() {
  const exploding = useLab((s) => s.config.exploding);
  const setExploding = useLab((s) => s.setExploding);
  const id = useId();
  const c = useT().controls;
  return (
    <div className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={exploding}
        aria-checked={exploding}
        onChange={(e) => setExploding(e.target.checked)}
      />
      <label htmlFor={id}>{c.exploding}</label>
      <p className="hint">{c.explodingHint}</p>
    </div>
  );
}

/**
 * Gradient-norm clipping: a checkbox that switches it on and off and the threshold c it clips at. The
 * threshold is kept while clipping is off, so switching it back on restores the last one chosen.
 */
export function ClipControl() {
  const clipNorm = useLab((s) => s.config.clipNorm ?? 0);
  const update = useLab((s) => s.updateConfig);
  const lastThreshold = useRef(clipNorm > 0 ? clipNorm : CURE_CLIP_NORM);
  if (clipNorm > 0) lastThreshold.current = clipNorm;
  const id = useId();
  const on = clipNorm > 0;
  const c = useT().controls;
  return (
    <div className="clip-field">
      <div className="clip-toggle">
        <input id={id} type="checkbox" checked={on} onChange={(e) => update({ clipNorm: e.target.checked ? lastThreshold.current : 0 })} />
        <label htmlFor={id}>{c.clip}</label>
      </div>
      <ValidatedField
        label={c.clipAt}
        value={on ? clipNorm : lastThreshold.current}
        check={checkClipNorm}
        onCommit={(c) => {
          if (c > 0) lastThreshold.current = c;
          update({ clipNorm: c });
        }}
        hint={c.clipHint}
      />
    </div>
  );
}

/**
 * The two cures that came after the chapter. Each changes the network itself, so switching one builds a
 * fresh network from the seed, like the other remedies, and the notice line names what changed.
 */
export function CureSwitches() {
  const residual = useLab((s) => s.config.residual ?? false);
  const normalisation = useLab((s) => s.config.normalisation ?? 'none');
  const update = useLab((s) => s.updateConfig);
  const ids = { residual: useId(), norm: useId() };
  const c = useT().controls;
  return (
    <fieldset className="cure-fields">
      <legend>{c.cures}</legend>
      <div className="cure-field">
        <input id={ids.residual} type="checkbox" checked={residual} onChange={(e) => update({ residual: e.target.checked })} />
        <label htmlFor={ids.residual}>{c.residual}</label>
        <p className="hint">{c.residualHint}</p>
      </div>
      <div className="cure-field">
        <input
          id={ids.norm}
          type="checkbox"
          checked={normalisation === 'layer'}
          onChange={(e) => update({ normalisation: e.target.checked ? 'layer' : 'none' })}
        />
        <label htmlFor={ids.norm}>{c.layerNorm}</label>
        <p className="hint">{c.layerNormHint}</p>
      </div>
    </fieldset>
  );
}
