// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createLabStore } from '../../src/store/store';
import { createFakeClient, makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

describe('App', () => {
  it('shows the fig. 4 network, its first probe, and reacts to the controls', async () => {
    const user = userEvent.setup();
    const client = createFakeClient();
    const store = createLabStore({ client, search: '' });
    store.getState().connect();
    const { container } = render(<App store={store} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Gradient Lab — why deep networks are hard to train (Nielsen, ch. 5)',
    );
    expect(client.sent[0]).toMatchObject({
      type: 'configure',
      runId: 1,
      config: { layers: [784, 30, 30, 10], mode: 'learning-speed', seed: 1 },
    });

    act(() => client.emit(makeSnapshot(1, [30, 30])));
    await waitFor(() => expect(container.querySelectorAll('rect[data-layer]')).toHaveLength(12));
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: 'Add hidden layer' }));
    expect(client.last('configure')?.config.layers).toEqual([784, 30, 30, 30, 10]);
    expect(screen.getByText(/^Network re-initialised with seed 1/)).toBeTruthy();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));

    await user.click(screen.getByRole('switch', { name: 'Exploding gradients' }));
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 3, exploding: true });
  });
});
