/**
 * The worker's errors in English: what went wrong loading MNIST (the data module's own words, which Node
 * prints too), refused commands, and why the network could not be read out. Each is a whole clause the
 * status banner shows after its heading.
 */
import { describeDataProblem } from '../../data/problem';
import type { NetworkReadFailure } from '../../store/networkRequests';
import { notConfiguredText } from '../../worker/commands';
import type { ErrorCause } from '../../worker/protocol';

function cause(c: ErrorCause): string {
  switch (c.kind) {
    case 'data-file':
      return `${c.file}: ${describeDataProblem(c.problem)}`;
    case 'load-failed':
      return `could not load the MNIST files: ${c.reason}`;
    case 'not-configured':
      return notConfiguredText(c.command);
    case 'probe-not-ready':
      return 'cannot measure other seeds yet: the first 1000 training images have not arrived';
    case 'network-unreadable':
      return `the network could not be copied: ${c.reason}`;
    case 'training-stopped':
      return `training stopped: ${c.reason}`;
    case 'config-refused':
      return `configuration refused: ${c.reason}`;
    case 'command-refused':
    case 'unexpected':
      return c.reason;
    case 'unreadable-message':
      return c.from === 'page'
        ? 'a command from the page could not be read by the training worker'
        : 'a message from the training worker could not be read';
    default: {
      const unreachable: never = c;
      return unreachable;
    }
  }
}

export const loadErrorsEn = {
  cause,
  /** The notice when the network could not be exported: why, in a sentence. */
  networkRead: (f: NetworkReadFailure) =>
    f.kind === 'refused'
      ? `The network could not be read out of the training worker: ${cause(f.cause)}.`
      : f.kind === 'worker-gone'
        ? 'The network could not be read out: the training worker stopped before it answered. Export it again once the worker runs.'
        : `The network could not be read out: the training worker did not answer within ${f.seconds} s.`,
};
