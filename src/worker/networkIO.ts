/**
 * The network in and out of the worker: a copy of the weights for the page to save, and weights from a file
 * put in place of the seed's draw. The trainer dispatches the two commands here.
 */
import type { Model } from './model';
import type { FromWorker } from './protocol';

/** Copies of the current weights and biases, and the buffers to transfer (the copies, never the engine's own). */
export function readNetwork(m: Model, runId: number, requestId: number): { msg: FromWorker; transfer: Transferable[] } {
  const { weights, biases } = m.net.copyLayers();
  return {
    msg: { type: 'network', runId, requestId, sizes: [...m.net.layers], weights, biases },
    transfer: [...weights, ...biases].map((a) => a.buffer),
  };
}

/**
 * Why the weights of a 'load-network' do not fit the configured network, or null when they do. The page has
 * already checked the file; this guards the worker against any other sender.
 */
export function loadProblem(m: Model, weights: unknown, biases: unknown): string | null {
  const layers = m.net.weights.length;
  if (!Array.isArray(weights) || !Array.isArray(biases) || weights.length !== layers || biases.length !== layers)
    return `cannot load the network: the network has ${layers} layers of weights and biases`;
  for (let l = 0; l < layers; l++) {
    const w = weights[l];
    const b = biases[l];
    if (
      !(w instanceof Float32Array) ||
      !(b instanceof Float32Array) ||
      w.length !== m.net.weights[l].length ||
      b.length !== m.net.biases[l].length
    )
      return `cannot load the network: layer ${l + 1} must have ${m.net.weights[l].length} weights and ${m.net.biases[l].length} biases`;
    for (const v of w) if (!Number.isFinite(v)) return `cannot load the network: layer ${l + 1} has a weight that is not finite`;
    for (const v of b) if (!Number.isFinite(v)) return `cannot load the network: layer ${l + 1} has a bias that is not finite`;
  }
  return null;
}

/** Keeps the loaded weights on the model; the caller re-initialises, which puts them in place and probes them. */
export function keepLoadedNetwork(m: Model, weights: Float32Array[], biases: Float32Array[]): void {
  m.loaded = { weights: weights.map((w) => w.slice()), biases: biases.map((b) => b.slice()) };
}
