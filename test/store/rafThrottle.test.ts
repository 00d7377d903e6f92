import { describe, expect, it } from 'vitest';
import { rafThrottle, type FrameScheduler } from '../../src/store/rafThrottle';

function manualFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const frames: FrameScheduler & { flush(): void; pending(): number } = {
    request(cb) {
      queue.set(next, cb);
      return next++;
    },
    cancel(h) {
      queue.delete(h);
    },
    flush() {
      const cbs = [...queue.values()];
      queue.clear();
      for (const cb of cbs) cb();
    },
    pending: () => queue.size,
  };
  return frames;
}

describe('rafThrottle', () => {
  it('calls once per frame with the latest arguments', () => {
    const frames = manualFrames();
    const calls: number[] = [];
    const draw = rafThrottle((n: number) => calls.push(n), frames);
    draw(1);
    draw(2);
    draw(3);
    expect(calls).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.flush();
    expect(calls).toEqual([3]);
    draw(4);
    frames.flush();
    expect(calls).toEqual([3, 4]);
  });

  it('does nothing in a frame without calls', () => {
    const frames = manualFrames();
    const calls: number[] = [];
    const draw = rafThrottle((n: number) => calls.push(n), frames);
    draw(1);
    frames.flush();
    frames.flush();
    expect(calls).toEqual([1]);
    expect(frames.pending()).toBe(0);
  });

  it('cancel drops the pending call', () => {
    const frames = manualFrames();
    const calls: number[] = [];
    const draw = rafThrottle((n: number) => calls.push(n), frames);
    draw(1);
    draw.cancel();
    frames.flush();
    expect(calls).toEqual([]);
    draw(2);
    frames.flush();
    expect(calls).toEqual([2]);
  });
});
