import { describe, expect, it } from 'vitest';
import {
  CURE_CLIP_NORM,
  detectSaturation,
  formatShare,
  nameLayers,
  SATURATED_LAYER_SHARE,
  saturationNotice,
} from '../../src/panels/network/saturation';

/** What the probe reported after the exploding preset's first step on [784,30,30,30,30,10]. */
const afterHugeStep = { epoch: 1, batch: 0, saturatedShare: [1, 29 / 30, 1, 1], meanActivationPrime: [1e-9, 3e-3, 1e-9, 2e-9] };

describe('detectSaturation', () => {
  it('names the hidden layers in which at least 90 % of the neurons are saturated', () => {
    expect(SATURATED_LAYER_SHARE).toBe(0.9);
    expect(detectSaturation(afterHugeStep)).toEqual({
      saturatedLayers: [1, 2, 3, 4],
      shares: [1, 29 / 30, 1, 1],
      meanPrime: [1e-9, 3e-3, 1e-9, 2e-9],
      all: true,
    });
    const some = detectSaturation({ ...afterHugeStep, saturatedShare: [0.2, 0.9, 0.89, 1] });
    expect(some?.saturatedLayers).toEqual([2, 4]);
    expect(some?.all).toBe(false);
  });

  it('says nothing of a healthy network, nor of one that has not been trained yet', () => {
    expect(detectSaturation({ ...afterHugeStep, saturatedShare: [0, 0.1, 0.5, 0.8] })).toBeNull();
    // Before Start the reversed picture of the preset is the point; an untrained network is not "now saturated".
    expect(detectSaturation({ ...afterHugeStep, epoch: 0 })).toBeNull();
    // In SGD mode a few mini-batches already count as training.
    expect(detectSaturation({ ...afterHugeStep, epoch: 0, batch: 3 })).not.toBeNull();
  });
});

describe('the saturation notice', () => {
  it('tells the exploding preset’s story and offers to clip', () => {
    const n = saturationNotice(detectSaturation(afterHugeStep)!, { exploding: true, activation: 'sigmoid' });
    expect(n.text).toBe(
      'The huge gradients of the exploding preset made huge steps: almost every neuron in hidden layers 1-4 is now saturated ' +
        '(σ < 0.01 or σ > 0.99 for 100 %, 97 %, 100 % and 100 % of their activations over the probe images), so the gradient now vanishes everywhere. ' +
        'This is the unstable gradient problem of the chapter (§ The unstable gradient problem): the gradient of an early layer ' +
        'is a product of many factors wσ′(z), and it either explodes or vanishes. Clipping the gradient norm (Pascanu et al. 2013) ' +
        'caps the length of each step, so one huge gradient cannot throw the neurons this far; the button clips at 0.1 and starts again.',
    );
    expect(n.cure).toEqual({ label: 'Clip gradient norm', clipNorm: CURE_CLIP_NORM });
  });

  it('says "every neuron" only when every one is, and names a single layer in the singular', () => {
    const one = detectSaturation({ ...afterHugeStep, saturatedShare: [1, 0, 0, 0] })!;
    const text = saturationNotice(one, { exploding: false, activation: 'tanh' }).text;
    expect(text).toContain('Training pushed the weighted inputs z far from 0: every neuron in hidden layer 1 is now saturated');
    expect(text).toContain('(|a| > 0.97 for 100 % of its activations over the probe images), so the gradient now vanishes in it.');
  });

  it('speaks of dead units for ReLU', () => {
    const text = saturationNotice(detectSaturation(afterHugeStep)!, { exploding: false, activation: 'relu' }).text;
    expect(text).toContain('a = 0 on every probe image for 100 %, 97 %, 100 % and 100 % of their neurons');
  });

  it('with clipping already on, says it was not enough and offers a ten times smaller threshold, down to a floor', () => {
    const d = detectSaturation(afterHugeStep)!;
    const n = saturationNotice(d, { exploding: true, clipNorm: 1, activation: 'sigmoid' });
    expect(n.text.startsWith('Even with the gradient clipped at ‖∇‖ ≤ 1, the steps were too large: ')).toBe(true);
    expect(n.cure).toEqual({ label: 'Clip gradient norm at 0.1', clipNorm: 0.1 });
    const floor = saturationNotice(d, { exploding: true, clipNorm: 0.001, activation: 'sigmoid' });
    expect(floor.cure).toBeNull();
    expect(floor.text).toContain('try a smaller η or another initialiser');
  });

  it('formats layers and shares', () => {
    expect(nameLayers([2])).toBe('hidden layer 2');
    expect(nameLayers([1, 2, 3])).toBe('hidden layers 1-3');
    expect(nameLayers([1, 3, 4])).toBe('hidden layers 1, 3 and 4');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0.996)).toBe('99 %');
    expect(formatShare(29 / 30)).toBe('97 %');
  });
});
