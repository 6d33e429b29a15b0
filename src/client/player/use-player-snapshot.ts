import { useSyncExternalStore } from 'react';
import type { MediaSnapshot, PlayerStore } from './player-store';

/**
 * One value of the player's state; the component renders again only when that value changes.
 * `select` must return a primitive or a reference the store keeps (the snapshot changes ~30×/s while playing).
 */
export function usePlayerValue<T>(store: PlayerStore, select: (snapshot: MediaSnapshot) => T): T {
  const read = () => select(store.getSnapshot());
  return useSyncExternalStore(store.subscribe, read, read);
}
