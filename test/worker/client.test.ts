import { describe, expect, it } from 'vitest';
import { createClient, type ClientEvent, type HeartbeatTimers, type WorkerLike } from '../../src/worker/client';
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
  /** Answers the last ping, as a live worker does. */
  pong(): void {
    const ping = [...this.posted].reverse().find((m) => m.type === 'ping');
    if (ping?.type === 'ping') this.emit('message', { data: { type: 'pong', runId: ping.runId, seq: ping.seq } });
  }
}

/** One interval timer whose clock moves only when the test says. */
class FakeTimers implements HeartbeatTimers {
  time = 0;
  private fn: (() => void) | null = null;
  private every = 0;
  private next = 0;
  setInterval(fn: () => void, ms: number): unknown {
    this.fn = fn;
    this.every = ms;
    this.next = ms;
    return 1;
  }
  clearInterval(): void {
    this.fn = null;
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.fn !== null && this.next <= end) {
      this.time = this.next;
      this.next += this.every;
      this.fn();
    }
    this.time = end;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const timers = new FakeTimers();
  const client = createClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as WorkerLike;
    },
    { heartbeatMs: 1000, timeoutMs: 5000, timers },
  );
  const received: ClientEvent[] = [];
  const unsubscribe = client.subscribe((m) => received.push(m));
  return { worker: workers[0], workers, timers, client, received, unsubscribe };
}

const commands = (w: FakeWorker) => w.posted.filter((m) => m.type !== 'ping');

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

  it('turns an error event into a fault and ends the worker, so a still-running one cannot contradict it', () => {
    const { worker, client, received, timers } = setup();
    client.send({ type: 'start', runId: 7 });
    const event = worker.emit('error', { message: 'Uncaught RangeError: out of memory' });
    expect(event.defaultPrevented).toBe(true);
    expect(worker.terminated).toBe(true);
    expect(received).toEqual([{ type: 'worker-fault', fault: { kind: 'failed', detail: 'Uncaught RangeError: out of memory' } }]);
    // Nothing more is sent to the dead worker, not even a heartbeat, and its late messages are not believed.
    client.send({ type: 'pause', runId: 7 });
    timers.advance(10_000);
    expect(commands(worker)).toEqual([{ type: 'start', runId: 7 }]);
    expect(worker.posted.filter((m) => m.type === 'ping')).toEqual([]);
    worker.emit('error', { message: 'again' });
    expect(received).toHaveLength(1);
  });

  it('says so when the worker script could not load at all, and when a message could not be read', () => {
    const { workers, client, received } = setup();
    workers[0].emit('error');
    expect(received).toEqual([{ type: 'worker-fault', fault: { kind: 'failed', detail: null } }]);
    client.restart();
    client.send({ type: 'configure', runId: 3, config: {} as never });
    workers[1].emit('messageerror');
    expect(received[1]).toEqual({
      type: 'error',
      runId: 3,
      message: 'a message from the training worker could not be read',
      retryable: false,
      cause: { kind: 'unreadable-message', from: 'worker' },
    });
  });

  it('pings once a beat and names a worker that stops answering; it is welcomed back if it answers after all', () => {
    const { worker, timers, received } = setup();
    timers.advance(1000);
    expect(worker.posted).toEqual([{ type: 'ping', runId: 0, seq: 1 }]);
    worker.pong();
    timers.advance(1000);
    expect(worker.posted.at(-1)).toEqual({ type: 'ping', runId: 0, seq: 2 });
    worker.pong();
    // Pongs are the client's business; subscribers never see them.
    expect(received).toEqual([]);
    // Closed or wedged: the ping sent at 3 s is never answered.
    timers.advance(1000);
    timers.advance(4000);
    expect(received).toEqual([]);
    timers.advance(1000);
    expect(received).toEqual([{ type: 'worker-fault', fault: { kind: 'unresponsive', detail: null } }]);
    timers.advance(20_000);
    expect(received).toHaveLength(1);
    worker.pong();
    expect(received.at(-1)).toEqual({ type: 'worker-responding' });
  });

  it('restart ends the old worker and starts a fresh one; the old one is no longer heard', () => {
    const { workers, client, received, timers } = setup();
    client.send({ type: 'configure', runId: 5, config: {} as never });
    timers.advance(6000);
    expect(received).toEqual([{ type: 'worker-fault', fault: { kind: 'unresponsive', detail: null } }]);
    client.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    workers[0].emit('message', { data: { type: 'status', runId: 5, status: 'running', epoch: 9 } });
    expect(received).toHaveLength(1);
    client.send({ type: 'configure', runId: 6, config: {} as never });
    expect(commands(workers[1])).toEqual([{ type: 'configure', runId: 6, config: {} }]);
    // The new worker's heartbeat starts afresh: it answers, and no fault follows.
    timers.advance(1000);
    workers[1].pong();
    timers.advance(1000);
    workers[1].pong();
    expect(received).toHaveLength(1);
    expect(workers[1].posted.filter((m) => m.type === 'ping').map((m) => m.runId)).toEqual([6, 6]);
  });

  it('terminate stops the worker, the heartbeat and the client', () => {
    const { worker, client, received, timers } = setup();
    client.terminate();
    expect(worker.terminated).toBe(true);
    client.send({ type: 'start', runId: 1 });
    timers.advance(10_000);
    expect(worker.posted).toEqual([]);
    worker.emit('message', { data: { type: 'status', runId: 1, status: 'idle', epoch: 0 } });
    expect(received).toEqual([]);
  });
});
