// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sentence, speedText, StatusLine } from '../../src/panels/status/StatusLine';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

describe('status line', () => {
  it('shows epoch, batch and examples per second while training', async () => {
    const { client, store } = renderWithStore(<StatusLine />, '?mode=sgd');
    act(() => store.getState().start());
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 3, batch: 250, batchesPerEpoch: 5000 })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Epoch 3 of 30'));
    expect(screen.getByRole('status').textContent).toContain('Batch 250 of 5,000');
    expect(screen.getByRole('status').textContent).toContain('1,234 examples/s');
  });

  it('shows a dash for examples per second once the run is paused, finished or was only stepped', async () => {
    const { client, store } = renderWithStore(<StatusLine />, '?mode=sgd');
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 0, batch: 600, batchesPerEpoch: 5000 })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Batch 600 of 5,000'));
    expect(screen.getByRole('status').textContent).toContain('— examples/s');
    act(() => store.getState().start());
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1,234 examples/s'));
    act(() => store.getState().pause());
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Paused'));
    expect(screen.getByRole('status').textContent).toContain('— examples/s');
    expect(screen.getByRole('status').textContent).not.toContain('1,234');
    act(() => client.emit({ type: 'status', runId: 1, status: 'finished', epoch: 30 }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Finished'));
    expect(screen.getByRole('status').textContent).toContain('— examples/s');
  });

  it("says how far a long epoch has got, in both languages, until the epoch's snapshot", async () => {
    const { client, store } = renderWithStore(<StatusLine />);
    act(() => store.getState().start());
    act(() => client.emit({ type: 'progress', runId: 1, epoch: 3, done: 410, total: 1000, stage: 'training' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Epoch 3: 410 of 1,000 images'));
    act(() => store.getState().setLang('zh-CN'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('第 3 次迭代：已完成 1,000 张图像中的 410 张'));
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 3 })));
    await waitFor(() => expect(screen.getByRole('status').textContent).not.toContain('410'));
  });

  it('never prints a non-finite throughput', () => {
    expect(speedText('running', Infinity)).toBe('— examples/s');
    expect(speedText('running', NaN)).toBe('— examples/s');
    expect(speedText('running', 0)).toBe('— examples/s');
    expect(speedText('running', 25063.4)).toBe('25,063 examples/s');
    expect(speedText('idle', 25063.4)).toBe('— examples/s');
  });

  it('shows loading progress while MNIST streams', async () => {
    const { client } = renderWithStore(<StatusLine />);
    act(() => client.emit({ type: 'loading', runId: 0, stage: 'train', loadedBytes: 23.52e6, totalBytes: 47.04e6 }));
    const bar = await screen.findByRole('progressbar', { name: 'Loading MNIST' });
    expect(bar.getAttribute('value')).toBe('23520000');
    expect(screen.getByText(/23\.5 MB of 47\.0 MB/)).toBeTruthy();
    act(() => client.emit({ type: 'ready', runId: 1, stage: 'all', trainingCount: 50000, validationCount: 10000 }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  it('explains divergence instead of showing NaN, as sentences, with the epoch the worker reports', async () => {
    const { client } = renderWithStore(<StatusLine />);
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 9 })));
    act(() =>
      client.emit({
        type: 'diverged',
        runId: 1,
        epoch: 10,
        batch: 0,
        reason:
          'the cost became infinite after 10 epochs of full-batch gradient descent: η = 1000000 is too large for this network. Lower η and reset.',
      }),
    );
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Training diverged. The cost became infinite after 10 epochs');
    // The worker's advice is not repeated by the page.
    expect(banner.textContent?.match(/η/g)?.length).toBe(2);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Epoch 10 of 500'));
    expect(screen.getByRole('status').textContent).toContain('Stopped: diverged');
  });

  it('turns a clause into a sentence', () => {
    expect(sentence('the cost became NaN')).toBe('The cost became NaN.');
    expect(sentence('Already one. ')).toBe('Already one.');
    expect(sentence('')).toBe('');
  });

  it('offers Retry when the data cannot be loaded, which configures again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<StatusLine />);
    act(() =>
      client.emit({ type: 'error', runId: 1, message: 'could not load /mnist/train-images-idx3-ubyte: 404 Not Found', retryable: true }),
    );
    expect(screen.getByRole('alert').textContent).toContain('could not load /mnist/train-images-idx3-ubyte: 404 Not Found');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(client.last('configure')?.runId).toBe(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names each ignored URL parameter', async () => {
    const user = userEvent.setup();
    renderWithStore(<StatusLine />, '?eta=fast&layers=784,30,10');
    expect(screen.getByRole('alert').textContent).toContain('Ignored URL parameter "eta"');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
