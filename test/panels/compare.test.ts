import { describe, expect, it } from 'vitest';
import { bestAccuracy, comparisonRow, firstToLastRatio, ratioWords } from '../../src/panels/learning-speed/compare';

describe('run comparison rows', () => {
  it('takes ‖δ¹‖/‖δ_last‖ at the latest probe whose norms are measurable', () => {
    expect(
      firstToLastRatio([
        { x: 0, norms: [0.01, 0.1] },
        { x: 1, norms: [0.001, 0.134] },
      ]),
    ).toBeCloseTo(0.001 / 0.134, 12);
    expect(
      firstToLastRatio([
        { x: 0, norms: [0.01, 0.1] },
        { x: 1, norms: [NaN, 0.1] },
      ]),
    ).toBeCloseTo(0.1, 12);
    expect(firstToLastRatio([{ x: 0, norms: [0, 0.1] }])).toBeNull();
    expect(firstToLastRatio([])).toBeNull();
  });

  it("says the ratio in the headline's words", () => {
    expect(ratioWords(1 / 134, 4)).toBe('134× slower');
    expect(ratioWords(12000, 4)).toBe('12,000× faster');
    expect(ratioWords(1.2, 4)).toBe('≈ equal');
    expect(ratioWords(null, 4)).toBe('—');
    expect(ratioWords(1, 1)).toBe('one hidden layer');
  });

  it('finds the best validation accuracy, skipping non-finite values', () => {
    expect(
      bestAccuracy([
        { epoch: 1, accuracy: 0.9 },
        { epoch: 2, accuracy: NaN },
        { epoch: 3, accuracy: 0.95 },
      ]),
    ).toBe(0.95);
    expect(bestAccuracy([])).toBeNull();
    expect(comparisonRow([{ x: 0, norms: [0.001, 0.134] }], [{ epoch: 30, accuracy: 0.9653 }], 2)).toEqual({
      layer1VsLast: '134× slower',
      best: '96.53 %',
    });
  });
});
