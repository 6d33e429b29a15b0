import { useSyncExternalStore } from 'react';
import type { MediaClock, MediaSnapshot } from './media-clock';

export function useMediaSnapshot(clock: MediaClock): MediaSnapshot {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
}
