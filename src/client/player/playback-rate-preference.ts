import { readLocal, writeLocal } from '../ui/local-store';

/** The speeds the player offers. Here, not in player-store.ts: boot.ts reads the preference, and must not pull the store in. */
export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

const KEY = 'replay-viewer.playbackRate';

export function readPreferredRate(): number {
  const stored = Number(readLocal(KEY));
  return (PLAYBACK_RATES as readonly number[]).includes(stored) ? stored : 1;
}

export function writePreferredRate(rate: number): void {
  writeLocal(KEY, String(rate));
}
