// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Eq124Panel } from '../../../src/panels/instruments/Eq124Panel';
import { factorBarWidth, factorRows } from '../../../src/panels/instruments/eq124Geometry';
import { Instruments } from '../../../src/panels/instruments/Instruments';
import type { Snapshot } from '../../../src/worker/protocol';
import { activationFields } from '../../store/fakeClient';

afterEach(cleanup);

function snapshot(factorNorms: number[], layerNorms: number[], meanPrime: number[]): Snapshot {
  return {
    type: 'snapshot',
    runId: 1,
    epoch: 3,
    batch: 0,
    batchesPerEpoch: 1,
    gradB: new Float32Array(0),
    hiddenOffsets: [0],
    layerNorms: Float64Array.from(layerNorms),
    meanActivationPrime: Float64Array.from(meanPrime),
    saturatedShare: new Float64Array(meanPrime.length),
    ...activationFields(meanPrime.length),
    factorNorms: Float64Array.from(factorNorms),
    examplesPerSecond: 0,
  };
}

describe('eq. 124 geometry', () => {
  it('pairs each hidden layer with its factor norm and the measured ratio ‖δʰ‖/‖δʰ⁺¹‖', () => {
    const rows = factorRows(snapshot([0.3, 0.5, 0.7], [0.01, 0.04, 0.2], [0.2, 0.21, 0.19]));
    expect(rows.map((r) => r.h)).toEqual([1, 2, 3]);
    expect(rows[0].measuredRatio).toBeCloseTo(0.25, 12);
    expect(rows[1].measuredRatio).toBeCloseTo(0.2, 12);
    expect(rows[2].measuredRatio).toBeNull();
    expect(rows[1].factorNorm).toBe(0.5);
  });

  it('bars grow with the norm on a log scale and vanish for non-finite norms', () => {
    expect(factorBarWidth(10)).toBeGreaterThan(factorBarWidth(1));
    expect(factorBarWidth(1) - factorBarWidth(0.1)).toBeCloseTo(factorBarWidth(10) - factorBarWidth(1), 9);
    expect(factorBarWidth(Number.NaN)).toBe(0);
    expect(factorBarWidth(0)).toBe(0);
  });
});

describe('Eq124Panel', () => {
  it('waits for a snapshot', () => {
    render(<Eq124Panel />);
    expect(screen.getByText('Waiting for the first probe of the network…')).toBeTruthy();
  });

  it('shows the spectral norm and mean σ′ per hidden layer, with one bar each', () => {
    const { container, rerender } = render(<Eq124Panel snapshot={snapshot([0.3, 0.5], [0.01, 0.04], [0.2, 0.21])} />);
    expect(screen.getByLabelText('factor norm layer 1').textContent).toBe('0.300');
    expect(screen.getByLabelText('mean σ′ layer 2').textContent).toBe('0.210');
    const bars = () =>
      Array.from(container.querySelectorAll('rect.factor-bar')).map((r) => [r.getAttribute('data-h'), Number(r.getAttribute('data-norm'))]);
    expect(bars()).toEqual([
      ['1', 0.3],
      ['2', 0.5],
    ]);
    // An infinite norm is a run gone wrong; NaN is reserved for "not applicable" (next test).
    rerender(<Eq124Panel snapshot={snapshot([25, 24.9, Number.POSITIVE_INFINITY], [5, 0.2, 0.01], [0.25, 0.25, 0.25])} />);
    expect(bars()).toHaveLength(3);
    expect(bars()[0]).toEqual(['1', 25]);
    expect(screen.getByLabelText('factor norm layer 3').textContent).toBe('not finite (diverged)');
  });

  it('says "n/a" and why where a cure makes the factor not applicable (NaN by design), never NaN or "diverged"', () => {
    // Hidden layer 1 sits below a skip; layer 2 keeps its exact factor.
    const { container } = render(<Eq124Panel snapshot={snapshot([Number.NaN, 0.5], [0.03, 0.04], [0.2, 0.21])} />);
    const cell = screen.getByLabelText('factor norm layer 1: not applicable');
    expect(cell.textContent).toBe('n/a');
    expect(cell.getAttribute('title')).toMatch(/With a skip path the factor is I \+ Σ′W; with layer normalisation the Jacobian includes/);
    expect(screen.getByLabelText('factor norm layer 2').textContent).toBe('0.500');
    expect(screen.getByRole('table', { name: 'Eq. 124 per hidden layer' }).getAttribute('aria-describedby')).toBe('eq124-note');
    expect(document.getElementById('eq124-note')?.textContent).toContain('n/a: eq. 124');
    const bar = container.querySelector('rect.factor-bar[data-h="1"]');
    expect(bar?.getAttribute('width')).toBe('0');
    expect(bar?.getAttribute('data-norm')).toBe('n/a');
    expect(container.textContent).not.toMatch(/NaN|diverged/);
  });

  it('mentions "n/a" under the table only when a factor is not applicable', () => {
    render(<Eq124Panel snapshot={snapshot([0.3, 0.5], [0.01, 0.04], [0.2, 0.21])} />);
    expect(document.getElementById('eq124-note')?.textContent).not.toContain('n/a');
  });

  it("names the derivative of the live network's activation in the mean column", () => {
    const { rerender } = render(<Eq124Panel snapshot={snapshot([0.3], [0.01], [0.2])} />);
    expect(screen.getByRole('columnheader', { name: 'mean σ′(zʰ)' })).toBeTruthy();
    rerender(<Eq124Panel snapshot={snapshot([0.3], [0.01], [0.6])} activation="relu" />);
    expect(screen.getByRole('columnheader', { name: 'mean ReLU′(zʰ)' })).toBeTruthy();
    expect(screen.queryByRole('columnheader', { name: 'mean σ′(zʰ)' })).toBeNull();
  });

  it('is part of the instruments page, which passes the snapshot through', () => {
    render(<Instruments snapshot={snapshot([0.4], [0.02], [0.2])} />);
    expect(screen.getByLabelText('factor norm layer 1').textContent).toBe('0.400');
    expect(screen.getByRole('heading', { name: 'The chain: a₀ → four sigmoid neurons → C' })).toBeTruthy();
    expect(screen.getAllByRole('slider').length).toBeGreaterThan(15);
  });

  it('keeps the other instruments’ state when a new snapshot arrives', () => {
    const { rerender } = render(<Instruments snapshot={snapshot([0.4], [0.02], [0.2])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Exploding recipe' }));
    const w2 = () => (screen.getByRole('slider', { name: 'w2' }) as HTMLInputElement).value;
    expect(w2()).toBe('100');
    rerender(<Instruments snapshot={snapshot([0.5], [0.03], [0.21])} />);
    expect(w2()).toBe('100');
    expect(screen.getByLabelText('factor norm layer 1').textContent).toBe('0.500');
  });
});
