/**
 * The words about the training worker's life and about runs that cannot go on: the stopped-worker banner,
 * its Restart button, and the notices the store writes when it restarts a worker or starts a diverged
 * network afresh. One place, so the translation has one file to follow.
 */
export const FAULT_TEXT = {
  /** The status line's first word while the worker is stopped. */
  statusStopped: 'Stopped: the training worker stopped',
  heading: 'The training worker stopped.',
  failed: (detail: string | null) =>
    detail === null ? 'Its script could not be loaded, or it crashed.' : `It failed: ${quoteDetail(detail)}.`,
  unresponsive: (seconds: number) => `It has not answered for ${seconds} seconds: it was closed, ended or is stuck.`,
  cannotGoOn: 'Nothing can train until it is restarted. Restart starts a new worker with the same configuration.',
  restart: 'Restart',
  restartLabel: 'Restart the training worker',
  /** After Restart, learning-speed mode: full-batch descent from the seed gives the same weights again. */
  restartedReplay: (seed: number, epoch: number) =>
    `The training worker was restarted. It is training the network again from seed ${seed} up to epoch ${epoch}, where the stopped worker was; full-batch descent gives the same weights.`,
  restartedFresh: (seed: number) =>
    `The training worker was restarted with the same configuration; the network starts again from seed ${seed}.`,
  /** A preset switched on after the run overflowed is applied to fresh weights, not to NaN. */
  presetAfterDivergence: (seed: number) =>
    `The run had diverged, so the network was re-initialised with seed ${seed} before the exploding-gradient preset was applied: every later hidden layer has w = 100 and z ≈ 0, so each factor wσ′(z) ≈ 25 (eq. 122).`,
} as const;

/** The browser's message can be anything; a sentence on the page quotes at most a line of it. */
function quoteDetail(detail: string): string {
  const oneLine = detail.replace(/\s+/g, ' ').trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine;
}
