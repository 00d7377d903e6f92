import { describe, expect, it } from 'vitest';
import { errorText, malformedCommand, needsNetwork, unknownCommand } from '../../src/worker/commands';
import type { ToWorker } from '../../src/worker/protocol';

describe('command wording', () => {
  it('accepts anything with a type and a whole-number runId, and names what is wrong otherwise', () => {
    expect(malformedCommand({ type: 'start', runId: 3 })).toBeNull();
    const rule = 'a command must be an object with a type and a whole-number runId, got';
    expect(malformedCommand(null)).toBe(`${rule} null`);
    expect(malformedCommand('start')).toBe(`${rule} "start"`);
    expect(malformedCommand({ type: 'start', runId: 1.5 })).toBe(`${rule} an object`);
    expect(malformedCommand({ type: 7, runId: 1 })).toBe(`${rule} an object`);
    expect(malformedCommand([1])).toBe(`${rule} a list`);
  });

  it('says which command needs a network first, and names one it does not know', () => {
    expect(needsNetwork({ type: 'set-speed', runId: 1, speed: 3 })).toBe('cannot change the speed yet: no network has been configured');
    expect(needsNetwork({ type: 'step', runId: 1, count: 1 })).toBe('cannot step yet: no network has been configured');
    expect(needsNetwork({ type: 'jump', runId: 1 } as unknown as ToWorker)).toBe('unknown command "jump"');
    expect(unknownCommand({ type: 'jump' })).toBe('unknown command "jump"');
  });

  it('shows an exception by its message', () => {
    expect(errorText(new Error('disk full'))).toBe('disk full');
    expect(errorText('plain')).toBe('plain');
  });
});
