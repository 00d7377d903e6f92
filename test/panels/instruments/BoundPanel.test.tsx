// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { BoundPanel } from '../../../src/panels/instruments/BoundPanel';
import { factorCurve, shading, widthPlot } from '../../../src/panels/instruments/boundGeometry';
import { intervalWidth } from '../../../src/engine';

afterEach(cleanup);

describe('bound geometry', () => {
  it('shades exactly where the sampled factor is at least 1', () => {
    const w = 8;
    const b = -4;
    const s = shading(w, b)!;
    expect(s.shown).not.toBeNull();
    for (const [a, f] of factorCurve(w, b, 2001)) {
      const inside = a >= s.lo && a <= s.hi;
      if (Math.abs(a - s.lo) > 1e-9 && Math.abs(a - s.hi) > 1e-9) expect(f >= 1).toBe(inside);
    }
    expect((s.lo + s.hi) / 2).toBeCloseTo(0.5, 12); // centred where z = wa + b = 0
    expect(shading(3, 0)).toBeNull();
    expect(shading(8, 40)!.shown).toBeNull(); // interval at a ≈ −5, off the plot
  });

  it('the width plot is 0 below |w| = 4 and follows eq. 123 above', () => {
    const pts = widthPlot(61);
    for (const [absW, width] of pts) {
      if (absW < 4) expect(width).toBe(0);
      else expect(width).toBeCloseTo(intervalWidth(absW), 15);
    }
  });
});

describe('BoundPanel', () => {
  it('prints the width for the chosen w and says why it is 0 below 4', () => {
    const { container } = render(<BoundPanel />);
    const width = screen.getByLabelText('interval width');
    expect(Number(width.getAttribute('data-value'))).toBeCloseTo(intervalWidth(8), 12);
    expect(container.querySelector('rect.unstable-interval')).not.toBeNull();
    fireEvent.change(screen.getByRole('slider', { name: 'bound w' }), { target: { value: '3.5' } });
    expect(Number(width.getAttribute('data-value'))).toBe(0);
    expect(width.textContent).toContain('< 4');
    expect(container.querySelector('rect.unstable-interval')).toBeNull();
    fireEvent.change(screen.getByRole('slider', { name: 'bound w' }), { target: { value: '6.89' } });
    expect(width.textContent).toBe('width = 0.4477');
  });

  it('marks the maximum of eq. 123', () => {
    render(<BoundPanel />);
    expect(screen.getByText('max 0.448 at |w| = 6.89')).toBeTruthy();
  });
});
