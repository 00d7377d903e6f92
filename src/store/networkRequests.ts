/**
 * Requests for a copy of the network, answered by the worker's 'network' (or 'network-refused') message: each
 * gets a number, and the answer with that number settles its promise. Every request settles: with the copy,
 * with the worker's reason for not sending one, at once when the worker it was sent to fails or is replaced
 * (its answer can no longer come), and after a while when the worker stays silent.
 */
import type { ErrorCause, FromWorker } from '../worker/protocol';

export type NetworkCopy = Pick<Extract<FromWorker, { type: 'network' }>, 'sizes' | 'weights' | 'biases'>;

/** Why a request for the network failed, as data the page words in its language. */
export type NetworkReadFailure =
  /** The worker answered that it cannot send a network. */
  | { kind: 'refused'; cause: ErrorCause }
  /** The worker the request went to stopped or was restarted before it answered. */
  | { kind: 'worker-gone' }
  /** No answer within `seconds`. */
  | { kind: 'no-answer'; seconds: number };

export class NetworkReadError extends Error {
  constructor(readonly failure: NetworkReadFailure) {
    super(
      failure.kind === 'refused'
        ? `the training worker refused to send the network (${failure.cause.kind})`
        : failure.kind === 'worker-gone'
          ? 'the training worker stopped before it answered'
          : 'the training worker did not answer',
    );
    this.name = 'NetworkReadError';
  }
}

/** Far longer than one unit of training (~20 ms), after which the worker reads its messages. */
export const NETWORK_REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  resolve(copy: NetworkCopy): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export function createNetworkRequests(timeoutMs = NETWORK_REQUEST_TIMEOUT_MS) {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const fail = (requestId: number, failure: NetworkReadFailure) => {
    const request = pending.get(requestId);
    if (request === undefined) return;
    pending.delete(requestId);
    clearTimeout(request.timer);
    request.reject(new NetworkReadError(failure));
  };
  return {
    /** A new request: its number for the message to the worker, and the promise its answer settles. */
    open(): { requestId: number; answer: Promise<NetworkCopy> } {
      const requestId = nextId++;
      const answer = new Promise<NetworkCopy>((resolve, reject) => {
        const timer = setTimeout(() => fail(requestId, { kind: 'no-answer', seconds: Math.round(timeoutMs / 1000) }), timeoutMs);
        pending.set(requestId, { resolve, reject, timer });
      });
      return { requestId, answer };
    },
    settle(msg: Extract<FromWorker, { type: 'network' | 'network-refused' }>): void {
      if (msg.type === 'network-refused') {
        fail(msg.requestId, { kind: 'refused', cause: msg.cause });
        return;
      }
      const request = pending.get(msg.requestId);
      if (request === undefined) return; // timed out already, or never asked for
      pending.delete(msg.requestId);
      clearTimeout(request.timer);
      request.resolve({ sizes: msg.sizes, weights: msg.weights, biases: msg.biases });
    },
    /** The worker every open request went to is gone: none of them can be answered now. */
    abandonAll(): void {
      for (const requestId of [...pending.keys()]) fail(requestId, { kind: 'worker-gone' });
    },
    /** Requests still waiting for an answer. */
    get waiting(): number {
      return pending.size;
    },
  };
}
