import { describe, expect, it } from 'vitest';
import { formatRatio, headlineSentence } from '../../src/panels/network/headline';

describe('the headline sentence', () => {
  it('names the slowest and fastest hidden layers and the ratio between them', () => {
    expect(headlineSentence([0.001, 0.004, 0.03, 0.134], 4)).toBe('Layer 1 learns 134× slower than layer 4');
  });

  it('says "faster" when the layer nearer the input is the fast one (exploding preset)', () => {
    expect(headlineSentence([12, 0.5, 0.02, 0.001], 4)).toBe('Layer 1 learns 12,000× faster than layer 4');
  });

  it('finds the extremes wherever they are', () => {
    expect(headlineSentence([0.02, 0.001, 0.3, 0.1], 4)).toBe('Layer 2 learns 300× slower than layer 3');
  });

  it('rounds to three significant digits at most', () => {
    expect(headlineSentence([1, 134.56], 2)).toBe('Layer 1 learns 135× slower than layer 2');
    expect(headlineSentence([1, 2.5], 2)).toBe('Layer 1 learns 2.5× slower than layer 2');
    expect(formatRatio(3.2e9)).toBe('3.2 × 10^9');
  });

  it('calls layers within 1.5× of each other equally fast', () => {
    expect(headlineSentence([0.1, 0.12, 0.14], 3)).toBe('All 3 hidden layers learn ≈ equally fast (within 1.4×).');
    expect(headlineSentence([0.2, 0.2], 2)).toBe('All 2 hidden layers learn ≈ equally fast (within 1×).');
  });

  it('makes sense with one hidden layer', () => {
    expect(headlineSentence([0.05], 1)).toBe(
      'One hidden layer: nothing to compare it with. Add a layer to see the earlier one learn slower.',
    );
    expect(headlineSentence([0], 1)).toMatch(/stopped learning/);
  });

  it('does not compare layers whose gradients have all but vanished (a saturated network)', () => {
    // The exploding preset one step after Start: a ratio of 8,850 between 7e-15 and 8e-19 would mislead.
    expect(headlineSentence([7.38e-15, 2e-16, 5e-18, 8.3e-19], 4)).toBe(
      'Every hidden layer has all but stopped learning: the largest ‖δˡ‖ is 7.4e-15.',
    );
    // The end of a healthy 500-epoch run is far above the threshold and still compared.
    expect(headlineSentence([8.57e-6, 3.42e-5, 2.07e-4, 1.14e-3], 4)).toBe('Layer 1 learns 133× slower than layer 4');
  });

  it('waits for a probe of the network drawn', () => {
    expect(headlineSentence(null, 2)).toBe('Waiting for the first probe of the network…');
    expect(headlineSentence([0.1, 0.2, 0.3], 2)).toBe('Waiting for the first probe of the network…');
  });

  it('says why instead of printing NaN or ∞', () => {
    const overflow = headlineSentence([Infinity, 0.1, 0.2, 0.3], 4);
    expect(overflow).toBe("Layer 1's gradient overflowed a 32-bit float, so its speed cannot be measured.");
    expect(headlineSentence([0.1, NaN], 2)).toMatch(/^Layer 2's gradient overflowed/);
    expect(headlineSentence([0, 0.1, 0.2], 3)).toBe('Layer 1 has stopped learning: no gradient reaches it (‖δ‖ = 0).');
    expect(headlineSentence([0, 0, 0.2], 3)).toBe('Layers 1, 2 have stopped learning: no gradient reaches them (‖δ‖ = 0).');
    expect(headlineSentence([0, 0], 2)).toBe('No hidden layer is learning: every ‖δˡ‖ is 0.');
    expect(headlineSentence([1e-300, 1e300], 2)).not.toMatch(/NaN|Infinity|∞/);
    for (const s of [overflow, headlineSentence([0, 0], 2)]) expect(s).not.toMatch(/NaN|Infinity|∞/);
  });
});
