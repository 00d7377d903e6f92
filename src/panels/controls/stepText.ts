/**
 * What Step 1 and Step 10 do in the mode on screen. In SGD mode a step is a probe interval, whose length
 * the worker chooses from the batch size and the pace, so the hint computes it the same way.
 */
import type { RunConfig } from '../../config';
import { PROBE_COUNT } from '../../data/mnist';
import { sgdProbeInterval } from '../../worker/schedule';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';

export function stepHint(config: Pick<RunConfig, 'mode' | 'batchSize' | 'speed' | 'probeEvery'>, lang: Lang = 'en'): string {
  const words = t(lang).controls;
  if (config.mode === 'learning-speed') return words.stepHintSpeed;
  return words.stepHintSgd(config.probeEvery ?? sgdProbeInterval(config.batchSize, PROBE_COUNT, config.speed));
}
