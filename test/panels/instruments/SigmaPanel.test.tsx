// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SigmaPanel } from '../../../src/panels/instruments/SigmaPanel';
import { pointerToUnits, readoutAt, sampleCurve, sigmaCurves } from '../../../src/panels/instruments/sigmaGeometry';

afterEach(cleanup);

describe('σ and σ′ geometry', () => {
  it('σ′ peaks at 1/4 at z = 0 on the sampled curve', () => {
    const { sigmaPrime, sigma, other } = sigmaCurves('none', 321);
    expect(other).toBeNull();
    const peak = sigmaPrime.reduce((best, p) => (p[1] > best[1] ? p : best));
    expect(peak[0]).toBeCloseTo(0, 12);
    expect(peak[1]).toBe(0.25);
    expect(sigma[160][1]).toBe(0.5);
    for (const [, v] of sigmaPrime) expect(v).toBeLessThanOrEqual(0.25);
  });

  it('reads out σ, σ′ and the compared derivative', () => {
    const r = readoutAt(0, 'tanh');
    expect(r.sigmaPrime).toBe(0.25);
    expect(r.other).toEqual({ label: 'tanh', fPrime: 1 });
    expect(readoutAt(2, 'relu').other?.fPrime).toBe(1);
    expect(readoutAt(-2, 'relu').other?.fPrime).toBe(0);
    expect(readoutAt(2, 'tanh').other?.fPrime).toBeCloseTo(1 - Math.tanh(2) ** 2, 15);
  });

  it('samples evenly and maps displayed pixels back to drawing units', () => {
    expect(sampleCurve((z) => 2 * z, 0, 1, 3)).toEqual([
      [0, 0],
      [0.5, 1],
      [1, 2],
    ]);
    expect(pointerToUnits(160, 320, 640)).toBe(320);
    expect(pointerToUnits(50, 0, 640)).toBe(50);
  });
});

describe('SigmaPanel', () => {
  it('the z slider moves the readout; σ′(0) = 1/4 is marked', () => {
    render(<SigmaPanel />);
    expect(screen.getByText('σ′(0) = 1/4')).toBeTruthy();
    const readout = screen.getByLabelText('values at z');
    expect(readout.textContent).toContain('σ′(z) = 0.250');
    fireEvent.change(screen.getByRole('slider', { name: 'z' }), { target: { value: '2' } });
    expect(readout.textContent).toContain('σ(z) = 0.881');
    expect(readout.textContent).toContain('σ′(z) = 0.105');
    expect(readout.textContent).toContain('tanh′(z) = 0.0707');
  });

  it('pointer movement over the plot reads values there', () => {
    const { container } = render(<SigmaPanel />);
    const svg = container.querySelector('svg')!;
    // jsdom lays nothing out, so displayed and drawing units coincide: x = 44 is the left edge, z = −8
    fireEvent.pointerMove(svg, { clientX: 44 });
    expect(screen.getByLabelText('values at z').textContent).toContain('z = −8.00');
  });

  it('overlays the chosen activation’s derivative, or none', () => {
    const { container } = render(<SigmaPanel />);
    expect(container.querySelector('path[data-curve="other-prime"]')).not.toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'compare with' }), { target: { value: 'none' } });
    expect(container.querySelector('path[data-curve="other-prime"]')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'compare with' }), { target: { value: 'relu' } });
    expect(screen.getByLabelText('values at z').textContent).toContain('ReLU′(z) = 0');
  });
});
