/**
 * What a pace means, in the units of the mode a class is watching: epochs per second where each epoch is
 * one frame of the bars, training images per second where an epoch is 50,000 of them. Plain functions, so
 * the words are tested without rendering.
 */
import { nearestPace, PACE_SPEEDS, type PaceName, type TrainingMode, unitsPerSecond } from '../../config';
import { PACE_LABELS } from '../../store/config';

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The SGD training set an epoch goes through: an epoch's length in images. */
const SGD_EPOCH_IMAGES = 50_000;

/** "Lesson: 4 epochs/s", as the pace menu lists it. */
export function paceOption(mode: TrainingMode, pace: PaceName): string {
  const rate = unitsPerSecond(mode, PACE_SPEEDS[pace]);
  if (!Number.isFinite(rate)) return `${PACE_LABELS[pace]}: as fast as it can`;
  return `${PACE_LABELS[pace]}: ${count.format(rate)} ${mode === 'learning-speed' ? 'epochs/s' : 'images/s'}`;
}

/** What the pace at `speed` means for the lesson, under the menu. */
export function paceHint(mode: TrainingMode, speed: number): string {
  const rate = unitsPerSecond(mode, PACE_SPEEDS[nearestPace(speed)]);
  if (!Number.isFinite(rate)) return 'As fast as this computer trains: too fast to follow epoch by epoch.';
  if (mode === 'learning-speed') return `One epoch is one frame of the bars; the first 50 epochs take about ${Math.round(50 / rate)} s.`;
  return `One SGD epoch of ${count.format(SGD_EPOCH_IMAGES)} images takes about ${count.format(Math.round(SGD_EPOCH_IMAGES / rate))} s.`;
}
