/**
 * Requests for a copy of the network, answered by the worker's 'network' message: each gets a number, and
 * the answer with that number settles its promise. A worker that never answers (it crashed, or the page is
 * closing) costs the caller a clear error after a while, not a promise that hangs for ever.
 */
import type { FromWorker } from '../worker/protocol';

export type NetworkCopy = Pick<Extract<FromWorker, { type: 'network' }>, 'sizes' | 'weights' | 'biases'>;

/** Far longer than one unit of training (~20 ms), after which the worker reads its messages. */
export const NETWORK_REQUEST_TIMEOUT_MS = 15_000;

export function createNetworkRequests(timeoutMs = NETWORK_REQUEST_TIMEOUT_MS) {
  let nextId = 1;
  const pending = new Map<number, { resolve(copy: NetworkCopy): void; reject(err: Error): void; timer: ReturnType<typeof setTimeout> }>();
  return {
    /** A new request: its number for the message to the worker, and the promise its answer settles. */
    open(): { requestId: number; answer: Promise<NetworkCopy> } {
      const requestId = nextId++;
      const answer = new Promise<NetworkCopy>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          reject(new Error('the training worker did not answer'));
        }, timeoutMs);
        pending.set(requestId, { resolve, reject, timer });
      });
      return { requestId, answer };
    },
    settle(msg: Extract<FromWorker, { type: 'network' }>): void {
      const request = pending.get(msg.requestId);
      if (request === undefined) return; // timed out already, or never asked for
      pending.delete(msg.requestId);
      clearTimeout(request.timer);
      request.resolve({ sizes: msg.sizes, weights: msg.weights, biases: msg.biases });
    },
  };
}
