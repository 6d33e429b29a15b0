import { startTransition, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MediaSnapshot, PlayerStore } from './player-store';

/**
 * One value of the player's state; the component renders again only when that value changes.
 * `select` must return a primitive or a reference the store keeps (the snapshot changes ~30×/s while playing).
 */
export function usePlayerValue<T>(store: PlayerStore, select: (snapshot: MediaSnapshot) => T): T {
  const read = () => select(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, read, read);
}

/**
 * Like `usePlayerValue`, but the re-render a change causes is a transition: it never holds up the
 * frame after a seek or a click (the step list, the time readout), and React may skip stale ones.
 */
export function usePlayerValueDeferred<T>(store: PlayerStore, select: (snapshot: MediaSnapshot) => T): T {
  const selectRef = useRef(select);
  useLayoutEffect(() => {
    selectRef.current = select;
  });
  // Only a trigger: a render always reads the value afresh below.
  const [, setSeen] = useState<T>(() => select(store.getSnapshot()));
  useEffect(() => {
    const update = () => {
      const next = selectRef.current(store.getSnapshot());
      startTransition(() => setSeen(() => next));
    };
    update();
    return store.subscribe(update);
  }, [store]);
  return select(store.getSnapshot());
}
