// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ChainPanel } from '../../../src/panels/instruments/ChainPanel';

afterEach(cleanup);

function grads(container: HTMLElement): number[] {
  const rects = Array.from(container.querySelectorAll<SVGRectElement>('rect[data-j]'));
  expect(rects.map((r) => r.getAttribute('data-j'))).toEqual(['1', '2', '3', '4']);
  return rects.map((r) => Number(r.getAttribute('data-grad')));
}

function factor(name: string): number {
  return Number(screen.getByLabelText(`factor ${name}`).getAttribute('data-value'));
}

describe('ChainPanel', () => {
  it('labels every slider and names the buttons', () => {
    render(<ChainPanel />);
    for (const name of ['w1', 'w2', 'w3', 'w4', 'b1', 'b2', 'b3', 'b4', 'a0', 'y']) {
      expect(screen.getByRole('slider', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Standard init' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exploding recipe' })).toBeTruthy();
  });

  it('moving the w2 slider changes the factor w2σ′(z2) and nothing before it', () => {
    render(<ChainPanel />);
    const before = factor('w2σ′(z2)');
    const first = factor('σ′(z1)');
    fireEvent.change(screen.getByRole('slider', { name: 'w2' }), { target: { value: '3' } });
    const after = factor('w2σ′(z2)');
    expect(after).not.toBeCloseTo(before, 6);
    expect(factor('σ′(z1)')).toBe(first);
    // the factor is w2·σ′(z2) with the new w2: z2 = w2·a1 + b2 and a1 unchanged
    expect(after).toBeGreaterThan(0);
    expect(screen.getByText('3.00')).toBeTruthy(); // the slider's printed value
  });

  it('standard init (seed 1) shows a vanishing gradient; the exploding recipe reverses the bar order', () => {
    const { container } = render(<ChainPanel />);
    const std = grads(container).map(Math.abs);
    expect(std[0]).toBeLessThan(std[1]);
    expect(std[1]).toBeLessThan(std[2]);
    expect(std[2]).toBeLessThan(std[3]);
    fireEvent.click(screen.getByRole('button', { name: 'Exploding recipe' }));
    const exp = grads(container).map(Math.abs);
    expect(exp[0]).toBeGreaterThan(exp[1]);
    expect(exp[1]).toBeGreaterThan(exp[2]);
    expect(exp[2]).toBeGreaterThan(exp[3]);
    expect(exp[0] / exp[3]).toBeCloseTo(25 ** 3, 3);
    for (const name of ['w2σ′(z2)', 'w3σ′(z3)', 'w4σ′(z4)']) expect(factor(name)).toBeCloseTo(25, 8);
    expect(Number(screen.getByLabelText('ratio ∂C/∂b1 / ∂C/∂b4').getAttribute('data-value'))).toBeCloseTo(15625, 3);
    // the bars' heights follow the log scale: the tallest is ∂C/∂b1 now
    const heights = Array.from(container.querySelectorAll('rect[data-j]')).map((r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBeGreaterThan(heights[3]);
    // and Standard init brings the vanishing order back
    fireEvent.click(screen.getByRole('button', { name: 'Standard init' }));
    const back = grads(container).map(Math.abs);
    expect(back[0]).toBeLessThan(back[3]);
  });

  it('the running product of eq. 122 ends in ∂C/∂b1', () => {
    const { container } = render(<ChainPanel />);
    const last = Number(screen.getByLabelText('product through ∂C/∂a4').getAttribute('data-value'));
    expect(last).toBeCloseTo(grads(container)[0], 15);
  });

  it('a different seed gives different parameters; a bad seed is named, not used', () => {
    const { container } = render(<ChainPanel />);
    const before = grads(container);
    const seed = screen.getByRole('textbox', { name: 'seed' });
    fireEvent.change(seed, { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Standard init' }));
    expect(screen.getByRole('alert').textContent).toContain('got "abc"');
    expect(grads(container)).toEqual(before);
    fireEvent.change(seed, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Standard init' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(grads(container)).not.toEqual(before);
  });
});
