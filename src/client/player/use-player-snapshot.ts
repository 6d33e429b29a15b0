import { useSyncExternalStore } from 'react';
import type { PlayerStore, MediaSnapshot } from './player-store';

export function usePlayerSnapshot(clock: PlayerStore): MediaSnapshot {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
}
