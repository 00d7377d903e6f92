/**
 * What the worker says about commands themselves, before any of them acts: the shape every command must
 * have, and the words for one that cannot be carried out.
 */
import { showValue } from '../config';
import type { ToWorker } from './protocol';

/** What each command does, for "cannot … yet" before the first configuration (a ping needs no network). */
const COMMAND_VERBS: Record<Exclude<ToWorker['type'], 'configure' | 'ping'>, string> = {
  start: 'start',
  step: 'step',
  pause: 'pause',
  reset: 'reset',
  'set-preset': 'change the preset',
  'set-speed': 'change the speed',
  'set-pause-at': 'plan a pause',
  'measure-seeds': 'measure other seeds',
  'read-network': 'read out the network',
  'load-network': 'load a network',
};

/**
 * Why `raw` is not a command, or null when it has a type and a whole-number runId. The type system cannot
 * vouch for what arrives through postMessage.
 */
export function malformedCommand(raw: unknown): string | null {
  const c = raw as { type?: unknown; runId?: unknown } | null;
  if (typeof c === 'object' && c !== null && typeof c.type === 'string' && Number.isInteger(c.runId)) return null;
  return `a command must be an object with a type and a whole-number runId, got ${showValue(raw)}`;
}

export function unknownCommand(msg: unknown): string {
  return `unknown command ${showValue((msg as { type?: unknown }).type)}`;
}

/** A command that needs a network, as the refusals name it. */
export type NetworkCommand = keyof typeof COMMAND_VERBS;

/** The refusal of a command that needs a network before any has been configured. */
export function needsNetwork(msg: ToWorker): string {
  const verb = (COMMAND_VERBS as Record<string, string | undefined>)[msg.type];
  return verb === undefined ? unknownCommand(msg) : notConfiguredText(msg.type as NetworkCommand);
}

export function notConfiguredText(command: NetworkCommand): string {
  return `cannot ${COMMAND_VERBS[command]} yet: no network has been configured`;
}

/** An exception as the page shows it: its message, never a stack trace. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
