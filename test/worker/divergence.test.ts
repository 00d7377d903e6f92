import { describe, expect, it } from 'vitest';
import { describeNonFinite, describePosition, divergenceReason, plural, superscript } from '../../src/worker/divergence';

describe('divergence wording', () => {
  it('tells NaN from infinity', () => {
    expect(describeNonFinite(Number.NaN)).toBe('NaN (not a number)');
    expect(describeNonFinite(Infinity)).toBe('infinite');
    expect(describeNonFinite(-Infinity)).toBe('infinite');
  });

  it('writes layer numbers as superscripts, digit by digit', () => {
    expect(superscript(1)).toBe('¹');
    expect(superscript(4)).toBe('⁴');
    expect(superscript(12)).toBe('¹²');
    expect(superscript(90)).toBe('⁹⁰');
  });

  it('counts in the singular only for one', () => {
    expect(plural(1, 'epoch', 'epochs')).toBe('1 epoch');
    expect(plural(0, 'epoch', 'epochs')).toBe('0 epochs');
    expect(plural(3, 'mini-batch', 'mini-batches')).toBe('3 mini-batches');
  });

  it('says where training was in the terms of each mode', () => {
    expect(describePosition('learning-speed', 1, 0)).toBe('after 1 epoch of full-batch gradient descent');
    expect(describePosition('learning-speed', 12, 0)).toBe('after 12 epochs of full-batch gradient descent');
    expect(describePosition('sgd', 0, 0)).toBe('before any training');
    expect(describePosition('sgd', 2, 0)).toBe('at the end of epoch 2');
    expect(describePosition('sgd', 0, 1)).toBe('1 mini-batch into epoch 1');
    expect(describePosition('sgd', 3, 17)).toBe('17 mini-batches into epoch 4');
  });

  it('blames η and mentions the preset only when it is on', () => {
    const at = { mode: 'sgd' as const, eta: 1e6, exploding: false, epoch: 0, batch: 3 };
    expect(divergenceReason('the cost became infinite', at)).toBe(
      'the cost became infinite 3 mini-batches into epoch 1: η = 1000000 is too large for this network. Lower η and reset.',
    );
    expect(divergenceReason('the cost became infinite', { ...at, exploding: true })).toBe(
      'the cost became infinite 3 mini-batches into epoch 1: η = 1000000 is too large for this network with the exploding-gradient preset. Lower η and reset.',
    );
  });
});
