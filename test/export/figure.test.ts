// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildFigureSvg, inlineStyledCopy, wrapText } from '../../src/export/figure';

function chart(): SVGSVGElement {
  document.head.innerHTML =
    '<style>.series { stroke: rgb(29, 78, 216); stroke-width: 3px; fill: none } .axis-label { font-weight: 600 }</style>';
  document.body.innerHTML = `
    <svg id="chart" viewBox="0 0 100 50" role="img" aria-label="a chart">
      <g class="axis"><text class="axis-label" x="50" y="48">Epoch</text><text x="2" y="10">10⁻²</text></g>
      <path class="series" d="M0,0L100,50"/>
      <g class="readout"><text>hover box</text></g>
    </svg>
    <svg id="sample" width="28" height="10"><line x1="0" x2="28" y1="5" y2="5" stroke="red"/></svg>`;
  return document.getElementById('chart') as unknown as SVGSVGElement;
}

describe('a standalone figure', () => {
  it('carries computed styles inline instead of classes, and leaves the hover readout out', () => {
    const copy = inlineStyledCopy(chart(), window);
    const path = copy.querySelector('path');
    expect(path?.getAttribute('class')).toBeNull();
    expect(path?.getAttribute('style')).toMatch(/stroke: ?rgb\(29, 78, 216\)/);
    expect(path?.getAttribute('style')).toMatch(/stroke-width: ?3px/);
    expect(copy.querySelector('.axis-label, [class]')).toBeNull();
    expect(copy.textContent).not.toContain('hover box');
    expect(copy.getAttribute('role')).toBeNull();
  });

  it('is one SVG document with white paper, the title, the axes and the legend', () => {
    const svg = chart();
    const built = buildFigureSvg(
      {
        title: 'Learning speed of each hidden layer',
        width: 400,
        height: 200,
        panels: [{ svg, x: 0, y: 0, width: 400, height: 200 }],
        legend: [
          { text: 'Hidden layer 1', sample: document.getElementById('sample') as unknown as SVGSVGElement },
          { text: '∂C/∂b > 0 & < 1', sample: { fill: '#123456' } },
        ],
        note: 'Full bar = 0.1',
      },
      window,
    );
    const doc = new DOMParser().parseFromString(built.svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe('400');
    expect(Number(root.getAttribute('height'))).toBe(built.height);
    expect(built.height).toBeGreaterThan(200);
    expect(root.querySelector('rect')?.getAttribute('style')).toBe('fill:#ffffff');
    const texts = Array.from(root.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toContain('Learning speed of each hidden layer');
    expect(texts).toContain('Epoch');
    expect(texts).toContain('10⁻²');
    expect(texts).toContain('Hidden layer 1');
    expect(texts).toContain('∂C/∂b > 0 & < 1');
    expect(texts).toContain('Full bar = 0.1');
    const nested = root.querySelector('svg');
    expect(nested?.getAttribute('width')).toBe('400');
    expect(nested?.getAttribute('viewBox')).toBe('0 0 100 50');
  });

  it('wraps a long sentence at spaces', () => {
    expect(wrapText('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
    expect(wrapText('', 10)).toEqual([]);
  });
});
