import { describe, expect, it } from 'vitest';
import { createClientFor, type WorkerLike } from '../../src/worker/client';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A Worker stand-in: records what is posted and lets the test fire the worker's events. */
class FakeWorker extends EventTarget {
  posted: ToWorker[] = [];
  terminated = false;
  postMessage(msg: ToWorker): void {
    this.posted.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(type: string, init: Record<string, unknown> = {}): Event {
    const event = new Event(type, { cancelable: true });
    Object.assign(event, init);
    this.dispatchEvent(event);
    return event;
  }
}

function setup() {
  const worker = new FakeWorker();
  const client = createClientFor(worker as unknown as WorkerLike);
  const received: FromWorker[] = [];
  const unsubscribe = client.subscribe((m) => received.push(m));
  return { worker, client, received, unsubscribe };
}

describe('the worker client', () => {
  it('passes commands to the worker and its messages to every subscriber until they unsubscribe', () => {
    const { worker, client, received, unsubscribe } = setup();
    client.send({ type: 'start', runId: 4 });
    expect(worker.posted).toEqual([{ type: 'start', runId: 4 }]);
    const status: FromWorker = { type: 'status', runId: 4, status: 'running', epoch: 0 };
    worker.emit('message', { data: status });
    expect(received).toEqual([status]);
    unsubscribe();
    worker.emit('message', { data: status });
    expect(received).toHaveLength(1);
  });

  it('turns a worker error event into an error message for the run last addressed', () => {
    const { worker, client, received } = setup();
    client.send({ type: 'reset', runId: 7 });
    const event = worker.emit('error', { message: 'SyntaxError: Unexpected token' });
    expect(event.defaultPrevented).toBe(true);
    expect(received).toEqual([
      {
        type: 'error',
        runId: 7,
        message: 'the training worker failed: SyntaxError: Unexpected token. Reload the page to start it again.',
        retryable: false,
      },
    ]);
  });

  it('says so when the worker script could not load at all, and when a message could not be read', () => {
    const { worker, received } = setup();
    worker.emit('error');
    worker.emit('messageerror');
    expect(received.map((m) => m.type === 'error' && m.message)).toEqual([
      'the training worker failed (its script could not be loaded or crashed). Reload the page to start it again.',
      'a message from the training worker could not be read',
    ]);
    expect(received.every((m) => m.runId === 0)).toBe(true);
  });

  it('terminate stops the worker and silences the client', () => {
    const { worker, client, received } = setup();
    client.terminate();
    expect(worker.terminated).toBe(true);
    client.send({ type: 'start', runId: 1 });
    expect(worker.posted).toEqual([]);
    worker.emit('message', { data: { type: 'status', runId: 1, status: 'idle', epoch: 0 } });
    expect(received).toEqual([]);
  });
});
