/**
 * What Step 1 and Step 10 do in the mode on screen. In SGD mode a step is a probe interval, whose length
 * the worker chooses from the batch size and the pace, so the hint computes it the same way.
 */
import type { RunConfig } from '../../config';
import { PROBE_COUNT } from '../../data/mnist';
import { sgdProbeInterval } from '../../worker/schedule';

export function stepHint(config: Pick<RunConfig, 'mode' | 'batchSize' | 'speed' | 'probeEvery'>): string {
  if (config.mode === 'learning-speed') return 'Step 1: one epoch (→). Step 10: ten epochs (Shift+→).';
  const batches = config.probeEvery ?? sgdProbeInterval(config.batchSize, PROBE_COUNT, config.speed);
  const interval = `${batches} mini-batch${batches === 1 ? '' : 'es'}`;
  return `Step 1: one probe interval of ${interval} (→). Step 10: ten probe intervals (Shift+→). An interval ends early at the end of an epoch.`;
}
