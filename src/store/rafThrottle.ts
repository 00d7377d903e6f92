/**
 * Calls `fn` at most once per animation frame with the latest arguments it was given. Snapshots can
 * arrive faster than the screen refreshes; drawing each would waste the frame budget on pictures nobody
 * sees, so only the newest one of each frame is drawn.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a pending call (on unmount, so nothing draws into a removed element). */
  cancel(): void;
}

export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const browserFrames: FrameScheduler = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

export function rafThrottle<A extends unknown[]>(fn: (...args: A) => void, frames: FrameScheduler = browserFrames): Throttled<A> {
  let pending: A | null = null;
  let handle: number | null = null;
  const throttled = ((...args: A) => {
    pending = args;
    if (handle !== null) return;
    handle = frames.request(() => {
      handle = null;
      const args = pending;
      pending = null;
      if (args) fn(...args);
    });
  }) as Throttled<A>;
  throttled.cancel = () => {
    if (handle !== null) frames.cancel(handle);
    handle = null;
    pending = null;
  };
  return throttled;
}
