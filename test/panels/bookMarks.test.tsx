// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { LearningSpeedPanel } from '../../src/panels/learning-speed/LearningSpeedPanel';
import { LAYER_COLOURS } from '../../src/app/palette';
import { renderWithStore } from './render';

afterEach(cleanup);

function marks(container: HTMLElement) {
  return Array.from(container.querySelectorAll('svg[role="img"] path[data-book]')).map((p) => ({
    layer: Number(p.getAttribute('data-layer')),
    value: Number(p.getAttribute('data-book')),
    stroke: p.getAttribute('stroke'),
    fill: p.getAttribute('fill'),
  }));
}

describe("the book's values on the learning-speed chart", () => {
  it('marks ‖δ¹‖ … ‖δ⁴‖ of the four-hidden-layer network as hollow marks in the layer colours, labelled "book"', () => {
    const { container } = renderWithStore(<LearningSpeedPanel />, '?layers=784,30,30,30,30,10');
    expect(marks(container)).toEqual([
      { layer: 1, value: 0.003, stroke: LAYER_COLOURS[0], fill: 'none' },
      { layer: 2, value: 0.017, stroke: LAYER_COLOURS[1], fill: 'none' },
      { layer: 3, value: 0.07, stroke: LAYER_COLOURS[2], fill: 'none' },
      { layer: 4, value: 0.285, stroke: LAYER_COLOURS[3], fill: 'none' },
    ]);
    expect(container.querySelector('.book-marks text')?.textContent).toBe('book');
  });

  it('draws them at epoch 0 and inside the plot, even before any probe', () => {
    const { container } = renderWithStore(<LearningSpeedPanel />, '?layers=784,30,30,10');
    const paths = Array.from(container.querySelectorAll('path[data-book]'));
    expect(paths).toHaveLength(2);
    for (const p of paths) {
      const [x, y] = (p.getAttribute('d') ?? '').slice(1).split('L')[0].split(',').map(Number);
      // x(0) is the left edge of the plot; the top vertex sits 8 units above the value, within the 340-unit box.
      expect(x).toBe(76);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(340);
    }
  });

  it('draws nothing for a network the book did not measure', () => {
    const { container } = renderWithStore(<LearningSpeedPanel />, '?layers=784,30,30,10&activation=relu&init=he');
    expect(marks(container)).toEqual([]);
    expect(container.textContent).not.toContain("the book's ‖δˡ‖");
  });
});
