import { readLocal, writeLocal } from '../ui/local-store';
import { PLAYBACK_RATES } from './player-store';

const KEY = 'replay-viewer.playbackRate';

export function readPreferredRate(): number {
  const stored = Number(readLocal(KEY));
  return (PLAYBACK_RATES as readonly number[]).includes(stored) ? stored : 1;
}

export function writePreferredRate(rate: number): void {
  writeLocal(KEY, String(rate));
}
