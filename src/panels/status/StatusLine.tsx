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
import { useT } from '../../i18n/useT';
import type { Messages } from '../../i18n/en';

const STATUS_WORDS: Record<RunStatus, string> = {
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  finished: 'Finished',
  diverged: 'Stopped: diverged',
};

const STAGE_WORDS = {
  probe: 'the first 1,000 training images (for the probe)',
  train: 'the training images',
  test: 'the validation images',
} as const;

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

  return (
    <section className="status-area" aria-label="Run status">
      <p className="status-line" role="status">
        <strong>{status === 'worker-stopped' ? m.worker.statusStopped : STATUS_WORDS[status]}</strong>
        <span>
          Epoch {divergence ? divergence.epoch : snapshot ? snapshot.epoch : 0} of {config.epochs}
        </span>
        {config.mode === 'sgd' && snapshot && (
          <span>
            Batch {divergence ? divergence.batch : snapshot.batch} of {snapshot.batchesPerEpoch}
          </span>
        )}
        {epochProgress && !divergence && (
          <span>{m.progress.epochImages(epochProgress.epoch, epochProgress.done, epochProgress.total)}</span>
        )}
        <span>{speedText(status, snapshot?.examplesPerSecond)}</span>
        {waitingForData && !workerFault && <span>Waiting for the training images to finish loading; training starts by itself.</span>}
        {!waitingForData && !workerFault && dataReady === 'probe' && !error && (
          <span>Probe images ready; the training images are still loading.</span>
        )}
      </p>
      {loading && loading.totalBytes > 0 && !error && !workerFault && (
        <div className="loading">
          <label>
            Loading MNIST: {STAGE_WORDS[loading.stage]}, {formatBytes(loading.loadedBytes)} of {formatBytes(loading.totalBytes)}
            <progress value={loading.loadedBytes} max={loading.totalBytes} aria-label="Loading MNIST" />
          </label>
        </div>
      )}
      {notice && <p className="notice">{say(m, notice)}</p>}
      <EngineNotice />
      {urlNotices.length > 0 && (
        <div className="url-notices" role="alert">
          <ul>
            {urlNotices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" onClick={dismissUrlNotices}>
            Dismiss
          </button>
        </div>
      )}
      {divergence && (
        <div className="banner diverged" role="alert">
          <strong>Training diverged.</strong> {sentence(divergence.reason)} Values shown as “overflow” are larger than a 32-bit float can
          hold, so they are no longer numbers.{config.exploding ? ' Turning the exploding preset off also helps.' : ''}
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
          <strong>{error.retryable ? 'The MNIST images could not be loaded:' : 'Something went wrong:'}</strong> {error.message}
          {error.retryable && (
            <button type="button" onClick={retry}>
              Retry
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Throughput belongs to a run in progress. A paused, finished or stopped run shows a dash: the last
 * measured figure would read as if training were still going, and after a Step it is the speed of a
 * single burst, not of training.
 */
/** The browser's message can be anything; the banner quotes at most a line of it. */
export function faultSentence(m: Messages, fault: WorkerFault): string {
  if (fault.kind === 'unresponsive') return m.worker.unresponsive(Math.round(HEARTBEAT_TIMEOUT_MS / 1000));
  if (fault.detail === null) return m.worker.failed(null);
  const oneLine = fault.detail.replace(/\s+/g, ' ').trim();
  return m.worker.failed(oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine);
}

export function speedText(status: RunStatus | 'worker-stopped', examplesPerSecond: number | undefined): string {
  if (status !== 'running' || examplesPerSecond === undefined || !(examplesPerSecond > 0) || !Number.isFinite(examplesPerSecond))
    return '— examples/s';
  return `${Math.round(examplesPerSecond).toLocaleString('en')} examples/s`;
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
