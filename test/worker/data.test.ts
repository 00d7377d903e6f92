import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/idx';
import { DataLoader, describeLoadFailure, loadFailureCause, type DataEvents } from '../../src/worker/data';
import { ManualSource, settle, syntheticSplit } from './harness';

function recorder() {
  const log: string[] = [];
  const events: DataEvents = {
    progress: (p) => log.push(`progress ${p.loadedBytes}`),
    probeReady: (probe) => log.push(`probe ${probe.count}`),
    allReady: (split) => log.push(`all ${split.training.count}`),
    failed: (err) => log.push(`failed ${describeLoadFailure(err)}`),
    guard: (fn) => {
      try {
        fn();
      } catch (err) {
        log.push(`guarded ${(err as Error).message}`);
      }
    },
  };
  return { log, events };
}

describe('DataLoader', () => {
  it('announces progress, then the probe images, then the whole split, and downloads once', async () => {
    const source = new ManualSource(syntheticSplit(1200, 10));
    const { log, events } = recorder();
    const data = new DataLoader(source.load, events);
    data.ensure();
    data.ensure();
    source.progress(300);
    source.deliverProbe();
    expect(data.probeSet?.count).toBe(1000);
    expect(data.split).toBeNull();
    source.deliverAll();
    await settle();
    expect(log).toEqual(['progress 300', 'probe 1000', 'all 1200']);
    data.ensure();
    expect(source.calls).toBe(1);
  });

  it('takes the probe images from the split when the source never sent them early', async () => {
    const { log, events } = recorder();
    const data = new DataLoader(() => Promise.resolve(syntheticSplit(200, 10)), events);
    data.ensure();
    await settle();
    expect(log).toEqual(['probe 200', 'all 200']);
    expect(data.probeSet?.count).toBe(200);
  });

  it('after a failure the next ensure is the retry, and the images already here are not announced again', async () => {
    const first = new ManualSource(syntheticSplit());
    let attempt = 0;
    const second = new ManualSource(syntheticSplit());
    const { log, events } = recorder();
    const data = new DataLoader((hooks) => (++attempt === 1 ? first.load(hooks) : second.load(hooks)), events);
    data.ensure();
    first.deliverProbe();
    first.fail(new Error('offline'));
    await settle();
    data.ensure();
    second.deliverProbe();
    second.deliverAll();
    await settle();
    expect(log).toEqual(['probe 200', 'failed could not load the MNIST files: offline', 'all 200']);
  });

  it('a source that throws at once is a failed download like any other', async () => {
    const { log, events } = recorder();
    const data = new DataLoader(() => {
      throw new Error('no network');
    }, events);
    data.ensure();
    await settle();
    expect(log).toEqual(['failed could not load the MNIST files: no network']);
  });

  it('passes a bad file through in its own words', () => {
    expect(describeLoadFailure(new DataFileError('train-labels', { code: 'gzip' }))).toBe(
      'train-labels: is gzip-compressed (it starts with 1f 8b); decompress it first',
    );
  });

  it('gives the page the problem as data: the file and its code, or the exception of a failed load', () => {
    expect(loadFailureCause(new DataFileError('train-labels', { code: 'html' }))).toEqual({
      kind: 'data-file',
      file: 'train-labels',
      problem: { code: 'html' },
    });
    expect(loadFailureCause(new TypeError('Failed to fetch'))).toEqual({ kind: 'load-failed', reason: 'Failed to fetch' });
  });
});
