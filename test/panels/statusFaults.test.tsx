// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StatusLine } from '../../src/panels/status/StatusLine';
import { RunBar } from '../../src/panels/controls/RunBar';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

describe('the stopped-worker banner', () => {
  it('replaces a frozen "Training" with the stopped worker and a Restart that starts a new one', async () => {
    const { client, store } = renderWithStore(
      <>
        <RunBar />
        <StatusLine />
      </>,
      '?mode=sgd',
    );
    act(() => store.getState().start());
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 118, batch: 20, batchesPerEpoch: 5000 })));
    act(() => client.emit({ type: 'worker-fault', fault: { kind: 'unresponsive', detail: null } }));
    const status = screen.getByRole('status').textContent ?? '';
    expect(status).toContain('Stopped: the training worker stopped');
    expect(status).not.toContain('Training');
    expect(status).toContain('— examples/s');
    expect(screen.getByRole('button', { name: 'Start' }).className).not.toContain('active');
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('The training worker stopped. It has not answered for 8 seconds');

    await userEvent.click(screen.getByRole('button', { name: 'Restart the training worker' }));
    expect(client.restarts).toBe(1);
    expect(screen.queryByRole('button', { name: 'Restart the training worker' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Ready');
  });

  it('names a failed worker in the browser’s words, and keeps it named after "Add hidden layer"', () => {
    const { client, store } = renderWithStore(<StatusLine />);
    act(() => client.emit({ type: 'worker-fault', fault: { kind: 'failed', detail: 'SyntaxError: Unexpected token' } }));
    act(() => store.getState().addHiddenLayer());
    expect(screen.getByRole('alert').textContent).toContain('It failed: SyntaxError: Unexpected token.');
    act(() => store.getState().start());
    expect(screen.getByRole('status').textContent).toContain('Stopped: the training worker stopped');
  });
});
