/**
 * The thin React layer over the vanilla store. Each <App> gets its store through context, so tests
 * render with their own store and fake worker.
 */
import { createContext, createElement, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './store';
import { rafThrottle } from './rafThrottle';

const LabContext = createContext<LabStore | null>(null);

export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return createElement(LabContext.Provider, { value: store }, children);
}

export function useLabStore(): LabStore {
  const store = useContext(LabContext);
  if (!store) throw new Error('Gradient Lab components must be rendered inside <LabProvider store={...}>.');
  return store;
}

/** The store, or null outside a LabProvider: for pieces that also render alone (the instruments in their tests). */
export function useOptionalLabStore(): LabStore | null {
  return useContext(LabContext);
}

/** Re-renders whenever the selected value changes. For configuration and other slow-changing state. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/**
 * Re-renders at most once per animation frame, with the latest value. For state that streams with
 * every snapshot (series, table, status line), so a fast worker cannot make React re-render faster than
 * the screen refreshes.
 */
export function useLabFrame<T>(selector: (state: LabState) => T): T {
  const store = useLabStore();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const throttled = rafThrottle(onChange);
      const unsubscribe = store.subscribe(() => throttled());
      return () => {
        throttled.cancel();
        unsubscribe();
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => selector(store.getState()));
}
