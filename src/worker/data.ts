/**
 * The worker's copy of MNIST: starts the download, keeps the probe images and the full split once they are
 * here, and makes sure a superseded attempt (after a failure and a retry) can no longer report.
 */
import { DataFileError } from '../data/idx';
import { firstExamples, PROBE_COUNT, type MnistSplit } from '../data/mnist';
import type { Samples } from '../engine';
import { errorText } from './commands';
import type { ErrorCause } from './protocol';

/** Download progress as the data source reports it (the browser loader's LoadProgress has this shape). */
export interface DataProgress {
  stage: 'probe' | 'train' | 'test';
  loadedBytes: number;
  totalBytes: number;
}

export interface DataHooks {
  onProgress(progress: DataProgress): void;
  /** The first (up to) 1000 training images, as soon as they are available. */
  onProbeReady(probe: Samples): void;
}

/**
 * Starts loading MNIST: calls onProbeReady early if it can, and resolves with the full 50k/10k/10k split.
 * It is called again after a failure, when the page sends the next 'configure' (or 'start').
 */
export type DataSource = (hooks: DataHooks) => Promise<MnistSplit>;

/** What the trainer hears from the loader, each time only from the current attempt. */
export interface DataEvents {
  progress(progress: DataProgress): void;
  /** The probe images are here (once, even if a retried download delivers them again). */
  probeReady(probe: Samples): void;
  /** The whole split is here; the probe images were announced first. */
  allReady(split: MnistSplit): void;
  failed(err: unknown): void;
  /** Runs the loader's own work on arrival, so that an exception in it is reported like any other. */
  guard(fn: () => void): void;
}

export class DataLoader {
  /** The first PROBE_COUNT training images: the probe set, and learning-speed mode's whole training set. */
  probeSet: Samples | null = null;
  split: MnistSplit | null = null;
  private loading = false;
  /** Bumped for every load attempt, so a superseded attempt cannot report. */
  private attempt = 0;

  constructor(
    private readonly source: DataSource,
    private readonly events: DataEvents,
  ) {}

  /** Starts a download unless the data is here or on its way; after a failure this is the retry. */
  ensure(): void {
    if (this.split !== null || this.loading) return;
    this.loading = true;
    const attempt = ++this.attempt;
    const current = () => attempt === this.attempt;
    let promise: Promise<MnistSplit>;
    try {
      promise = this.source({
        onProgress: (p) => {
          if (current()) this.events.progress(p);
        },
        onProbeReady: (probe) => {
          if (current()) this.events.guard(() => this.probeArrived(probe));
        },
      });
    } catch (err) {
      promise = Promise.reject(err);
    }
    promise.then(
      (data) => {
        if (!current()) return;
        this.events.guard(() => {
          this.loading = false;
          this.split = data;
          if (this.probeSet === null) this.probeArrived(data.training);
          this.events.allReady(data);
        });
      },
      (err: unknown) => {
        if (!current()) return;
        this.loading = false;
        this.events.failed(err);
      },
    );
  }

  private probeArrived(probe: Samples): void {
    if (this.probeSet !== null) return; // a retried download delivers the same images again
    this.probeSet = firstExamples(probe, PROBE_COUNT);
    this.events.probeReady(this.probeSet);
  }
}

/** A file that arrived but is not MNIST says what is wrong with it; anything else is a failed download. */
export function describeLoadFailure(err: unknown): string {
  return err instanceof DataFileError ? err.message : `could not load the MNIST files: ${errorText(err)}`;
}

/** The same as describeLoadFailure, as data for the page to word in its language. */
export function loadFailureCause(err: unknown): ErrorCause {
  return err instanceof DataFileError
    ? { kind: 'data-file', file: err.file, problem: err.problem }
    : { kind: 'load-failed', reason: errorText(err) };
}
