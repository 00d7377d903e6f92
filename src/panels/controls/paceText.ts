/**
 * What a pace means, in the units of the mode a class is watching: epochs per second where each epoch is
 * one frame of the bars, training images per second where an epoch is 50,000 of them. Plain functions, so
 * the words are tested without rendering.
 */
import { nearestPace, PACE_SPEEDS, type PaceName, type TrainingMode, unitsPerSecond } from '../../config';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { paceLabels } from '../../store/config';

/** The SGD training set an epoch goes through: an epoch's length in images. */
const SGD_EPOCH_IMAGES = 50_000;

/** "Lesson: 4 epochs/s", as the pace menu lists it. */
export function paceOption(mode: TrainingMode, pace: PaceName, lang: Lang = 'en'): string {
  const words = t(lang).pace;
  const name = paceLabels(lang)[pace];
  const rate = unitsPerSecond(mode, PACE_SPEEDS[pace]);
  if (!Number.isFinite(rate)) return words.asFast(name);
  return mode === 'learning-speed' ? words.epochsPerSecond(name, rate) : words.imagesPerSecond(name, rate);
}

/** What the pace at `speed` means for the lesson, under the menu. */
export function paceHint(mode: TrainingMode, speed: number, lang: Lang = 'en'): string {
  const words = t(lang).pace;
  const rate = unitsPerSecond(mode, PACE_SPEEDS[nearestPace(speed)]);
  if (!Number.isFinite(rate)) return words.hintFull;
  if (mode === 'learning-speed') return words.hintSpeed(Math.round(50 / rate));
  return words.hintSgd(SGD_EPOCH_IMAGES, Math.round(SGD_EPOCH_IMAGES / rate));
}
