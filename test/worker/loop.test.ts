import { describe, expect, it } from 'vitest';
import { RunLoop, type Unit } from '../../src/worker/loop';
import { CHUNK_MS } from '../../src/worker/schedule';
import { FakeScheduler } from './harness';

/** A run whose units are scripted; `log` records what the loop told it. */
function scripted(units: Unit[], speed = 10) {
  const run = { units: [...units], done: 0, speed, current: true };
  const log: string[] = [];
  const scheduler = new FakeScheduler();
  const loop = new RunLoop<typeof run>(scheduler, {
    unit: (r) => {
      r.done++;
      loop.pace.add(1); // an epoch of work, in learning-speed mode's units
      const unit = r.units.shift() ?? 'more';
      if (unit === 'stop') loop.stop();
      if (unit === 'more' && r.units.length === 0 && r.done > 10_000) throw new Error('runaway');
      return unit;
    },
    isCurrent: (r) => r.current,
    pace: (r) => ({ mode: 'learning-speed', speed: r.speed }),
    stopped: (_r, failure) => log.push(failure === null ? 'step done' : `failed: ${(failure.err as Error).message}`),
  });
  return { run, log, scheduler, loop };
}

describe('RunLoop', () => {
  it('does nothing until the scheduler runs it, then works until a unit stops it', () => {
    const { run, scheduler, loop } = scripted(['more', 'interval', 'more', 'stop']);
    loop.start(run, 0);
    expect(run.done).toBe(0);
    scheduler.flush();
    expect(run.done).toBe(4);
    expect(scheduler.pending).toBe(0);
  });

  it('a step stops at the end of the first interval and says so', () => {
    const { run, log, scheduler, loop } = scripted(['more', 'more', 'interval', 'more']);
    loop.start(run, 1);
    scheduler.flush();
    expect(run.done).toBe(3);
    expect(log).toEqual(['step done']);
    expect(loop.stepping).toBe(false);
  });

  it('yields to the event loop after a chunk of CHUNK_MS', () => {
    const { run, scheduler, loop } = scripted([]);
    // The fake clock moves 1 ms per read; a unit reads it once.
    loop.start(run, 0);
    scheduler.runNext();
    expect(run.done).toBeGreaterThan(CHUNK_MS / 2);
    expect(run.done).toBeLessThanOrEqual(CHUNK_MS + 1);
    expect(scheduler.pending).toBe(1);
    loop.stop();
  });

  it('waits between units to keep a slow pace', () => {
    const { run, scheduler, loop } = scripted([], 1); // 2 epochs a second
    loop.start(run, 0);
    scheduler.runUntil(2000);
    expect(run.done).toBeGreaterThanOrEqual(4);
    expect(run.done).toBeLessThanOrEqual(6);
    loop.stop();
  });

  it('a stale chunk does nothing: after stop, after a new start, or once the run is replaced', () => {
    const { run, scheduler, loop } = scripted([]);
    loop.start(run, 0);
    loop.stop();
    scheduler.flush();
    expect(run.done).toBe(0);
    loop.start(run, 0);
    run.current = false;
    scheduler.flush();
    expect(run.done).toBe(0);
  });

  it('a new pace drops a long wait queued for the old one', () => {
    const { run, scheduler, loop } = scripted([], 1);
    loop.start(run, 0);
    scheduler.runNext(); // one epoch, then a wait of ~500 ms
    const before = run.done;
    run.speed = 10;
    loop.repace(run, true);
    scheduler.runUntil(scheduler.time + 1);
    expect(run.done).toBeGreaterThan(before + 1);
    loop.stop();
  });

  it('a unit that throws stops the loop and is reported', () => {
    const { run, log, scheduler, loop } = scripted([]);
    const boom = new RunLoop<typeof run>(scheduler, {
      unit: () => {
        throw new Error('out of memory');
      },
      isCurrent: () => true,
      pace: () => ({ mode: 'sgd', speed: 10 }),
      stopped: (_r, failure) => log.push(failure === null ? 'step done' : `failed: ${(failure.err as Error).message}`),
    });
    loop.stop();
    boom.start(run, 0);
    scheduler.flush();
    expect(log).toEqual(['failed: out of memory']);
    expect(scheduler.pending).toBe(0);
  });
});
