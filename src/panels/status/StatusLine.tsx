/**
 * Where the run is, what the page just did, and anything that went wrong, in words. Never a bare NaN:
 * divergence says at which epoch and batch and why.
 */
import { formatBytes } from '../../store/format';
import { HEARTBEAT_TIMEOUT_MS, type WorkerFault } from '../../worker/client';
import { shownStatus } from '../../store/store';
import { useLab, useLabFrame } from '../../store/hooks';
import { EngineNotice } from './EngineNotice';
import type { RunStatus } from '../../worker/protocol';
import { say } from '../../i18n/text';
import { t, type Messages } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import type { Divergence, LoadingState } from '../../store/store';
import { useLang, useT } from '../../i18n/useT';

function statusWords(m: Messages): Record<RunStatus, string> {
  const s = m.status;
  return { idle: s.idle, running: s.running, paused: s.paused, finished: s.finished, diverged: s.diverged };
}

function stageWords(m: Messages): Record<LoadingState['stage'], string> {
  return { probe: m.status.stageProbe, train: m.status.stageTrain, test: m.status.stageTest };
}

export function StatusLine() {
  const status = useLab(shownStatus);
  const workerFault = useLab((s) => s.workerFault);
  const restartWorker = useLab((s) => s.restartWorker);
  const snapshot = useLabFrame((s) => s.snapshot);
  const config = useLab((s) => s.config);
  const loading = useLabFrame((s) => s.loading);
  const dataReady = useLab((s) => s.dataReady);
  const waitingForData = useLab((s) => s.waitingForData);
  const error = useLab((s) => s.error);
  const divergence = useLab((s) => s.divergence);
  const epochProgress = useLab((s) => s.epochProgress);
  const notice = useLab((s) => s.notice);
  const urlNotices = useLab((s) => s.urlNotices);
  const dismissUrlNotices = useLab((s) => s.dismissUrlNotices);
  const retry = useLab((s) => s.retry);
  const m = useT();
  const lang = useLang();

  return (
    <section className="status-area" aria-label={m.status.region}>
      <p className="status-line" role="status">
        <strong>{status === 'worker-stopped' ? m.worker.statusStopped : statusWords(m)[status]}</strong>
        <span>{m.status.epochOf(divergence ? divergence.epoch : snapshot ? snapshot.epoch : 0, config.epochs)}</span>
        {config.mode === 'sgd' && snapshot && (
          <span>{m.status.batchOf(divergence ? divergence.batch : snapshot.batch, snapshot.batchesPerEpoch)}</span>
        )}
        {epochProgress && !divergence && (
          <span>{m.progress.epochImages(epochProgress.epoch, epochProgress.done, epochProgress.total)}</span>
        )}
        <span>{speedText(status, snapshot?.examplesPerSecond, lang)}</span>
        {waitingForData && !workerFault && <span>{m.status.waitingForData}</span>}
        {!waitingForData && !workerFault && dataReady === 'probe' && !error && <span>{m.status.probeReady}</span>}
      </p>
      {loading && loading.totalBytes > 0 && !error && !workerFault && (
        <div className="loading">
          <label>
            {m.status.loading(stageWords(m)[loading.stage], formatBytes(loading.loadedBytes, lang), formatBytes(loading.totalBytes, lang))}
            <progress value={loading.loadedBytes} max={loading.totalBytes} aria-label={m.status.loadingLabel} />
          </label>
        </div>
      )}
      {notice && <p className="notice">{say(lang, notice)}</p>}
      <EngineNotice />
      {urlNotices.length > 0 && (
        <div className="url-notices" role="alert">
          <ul>
            {urlNotices.map((n, i) => (
              // The notices are fixed while shown (the address they are about does not change), so their place is their identity.
              <li key={i}>{say(lang, n)}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissUrlNotices}>
            {m.common.dismiss}
          </button>
        </div>
      )}
      {divergence && (
        <div className="banner diverged" role="alert">
          <strong>{m.status.divergedTitle}</strong> {divergenceText(divergence, lang)} {m.status.overflowNote}
          {config.exploding ? ` ${m.status.explodingHelps}` : ''}
        </div>
      )}
      {workerFault && (
        <div className="banner error worker-stopped" role="alert">
          <strong>{m.worker.heading}</strong> {faultSentence(m, workerFault)} {m.worker.cannotGoOn}
          <button type="button" className="primary" onClick={restartWorker} aria-label={m.worker.restartLabel}>
            {m.worker.restart}
          </button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          <strong>{error.retryable ? m.status.loadFailed : m.status.failed}</strong>{' '}
          {error.cause ? m.loadErrors.cause(error.cause) : error.message}
          {error.retryable && (
            <button type="button" onClick={retry}>
              {m.status.retry}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The browser's message can be anything; the banner quotes at most a line of it. */
export function faultSentence(m: Messages, fault: WorkerFault): string {
  if (fault.kind === 'unresponsive') return m.worker.unresponsive(Math.round(HEARTBEAT_TIMEOUT_MS / 1000));
  if (fault.detail === null) return m.worker.failed(null);
  const oneLine = fault.detail.replace(/\s+/g, ' ').trim();
  return m.worker.failed(oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine);
}

/**
 * Throughput belongs to a run in progress. A paused, finished or stopped run shows a dash: the last
 * measured figure would read as if training were still going, and after a Step it is the speed of a
 * single burst, not of training.
 */
export function speedText(status: RunStatus | 'worker-stopped', examplesPerSecond: number | undefined, lang: Lang = 'en'): string {
  const words = t(lang).status;
  if (status !== 'running' || examplesPerSecond === undefined || !(examplesPerSecond > 0) || !Number.isFinite(examplesPerSecond))
    return words.noSpeed;
  return words.speed(Math.round(examplesPerSecond));
}

/** The worker's account of a divergence, in the page's language (see src/i18n/divergence.ts). */
function divergenceText(divergence: Divergence, lang: Lang): string {
  return divergence.cause ? t(lang).divergence.reason(divergence.cause) : sentence(divergence.reason);
}

/**
 * The worker's reason is a clause ("the cost became infinite after 3 epochs…: η = 1000000 is too large…") that
 * already says where and what to do; shown after a heading it must read as a sentence of its own.
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
