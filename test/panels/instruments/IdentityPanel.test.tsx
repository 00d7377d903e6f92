// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { IdentityPanel } from '../../../src/panels/instruments/IdentityPanel';
import { errorTable, outputCurve } from '../../../src/panels/instruments/identityGeometry';
import { solveIdentity } from '../../../src/engine';

afterEach(cleanup);

function error(): number {
  return Number(screen.getByLabelText('identity max error').getAttribute('data-value'));
}

describe('identity geometry', () => {
  it('the error table falls with w₁ and tracks w₁²/96', () => {
    const rows = errorTable([1, 0.1, 0.01]);
    expect(rows[1].error).toBeLessThan(rows[0].error);
    expect(rows[2].error).toBeLessThan(rows[1].error);
    for (const r of rows) expect(r.error / r.predicted).toBeCloseTo(1, 1);
  });

  it('the solved curve lies on y = x', () => {
    for (const [x, y] of outputCurve(solveIdentity(0.1), 11)) expect(Math.abs(y - x)).toBeLessThan(2e-4);
  });
});

describe('IdentityPanel', () => {
  it('Solve reduces the max error from the starting guess to about w₁²/96', () => {
    render(<IdentityPanel />);
    const before = error();
    expect(before).toBeGreaterThan(0.4);
    fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
    const after = error();
    expect(after).toBeLessThan(before / 1000);
    expect(after).toBeCloseTo(0.01 / 96, 5);
    expect((screen.getByRole('slider', { name: 'neuron w₂' }) as HTMLInputElement).value).toBe('40');
  });

  it('a smaller w1 keeps shrinking the error once b, w2 and c follow it', () => {
    render(<IdentityPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Solve' }));
    const solved = error();
    // remove the additive term: the neuron alone is off by 2/w1 − ½ = 19.5
    fireEvent.change(screen.getByRole('slider', { name: 'neuron c' }), { target: { value: '0' } });
    expect(error()).toBeCloseTo(19.5, 3);
    expect(solved).toBeLessThan(1e-3);
    expect(screen.getAllByRole('row')).toHaveLength(7); // header + 6 values of w1
  });
});
