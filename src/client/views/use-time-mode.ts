import { useState } from 'react';
import type { TimeMode } from '../../shared/wall-clock';
import { readLocal, writeLocal } from '../ui/local-store';

const KEY = 'replay-viewer.timeMode';

export function useTimeMode(): [TimeMode, (mode: TimeMode) => void] {
  const [mode, setMode] = useState<TimeMode>(() => (readLocal(KEY) === 'wall' ? 'wall' : 'session'));
  return [
    mode,
    (next) => {
      writeLocal(KEY, next);
      setMode(next);
    },
  ];
}
