// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { StatusLine } from '../../../src/panels/status/StatusLine';
import { en } from '../../../src/i18n/en';
import { renderWithStore } from '../render';

afterEach(cleanup);

describe('status line while MNIST loads', () => {
  it('drops "still loading" once the training images failed, leaving the error and its Retry', async () => {
    const { client } = renderWithStore(<StatusLine />);
    act(() => client.emit({ type: 'ready', runId: 0, stage: 'probe', trainingCount: 1000, validationCount: 0 }));
    act(() => client.emit({ type: 'loading', runId: 0, stage: 'train', loadedBytes: 2.1e6, totalBytes: 54.95e6 }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('the training images are still loading'));
    act(() =>
      client.emit({
        type: 'error',
        runId: 0,
        message: '/mnist/train-images-idx3-ubyte.gz: the download stalled: no data for 15 s after 2.1 MB',
        retryable: true,
      }),
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the download stalled'));
    expect(screen.getByRole('status').textContent).not.toContain('still loading');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});

describe('which engine trains', () => {
  it('says nothing while the WebAssembly kernels train', async () => {
    const { client } = renderWithStore(<StatusLine />);
    act(() => client.emit({ type: 'engine', runId: 0, kernels: 'webassembly-simd', webAssemblyBlocked: false }));
    expect(screen.queryByText(/JavaScript engine/)).toBeNull();
  });

  it('says it fell back to JavaScript, and names the policy when that is the reason', async () => {
    const { client } = renderWithStore(<StatusLine />);
    act(() => client.emit({ type: 'engine', runId: 0, kernels: 'javascript', webAssemblyBlocked: true }));
    expect(await screen.findByText(en.engine.blocked)).toBeTruthy();
    cleanup();
    const other = renderWithStore(<StatusLine />);
    act(() => other.client.emit({ type: 'engine', runId: 0, kernels: 'javascript', webAssemblyBlocked: false }));
    expect(await screen.findByText(en.engine.unsupported)).toBeTruthy();
  });
});
