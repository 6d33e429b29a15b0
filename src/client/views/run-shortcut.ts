import type { ShortcutCommand } from '../player/keyboard-shortcuts';
import type { PlayerStore } from '../player/player-store';
import { toggleFullscreen, togglePictureInPicture } from '../player/presentation';
import { writePreferredRate } from '../player/playback-rate-preference';
import { adjacentStepVideoSec } from '../../shared/timeline-steps';

interface ShortcutContext {
  store: PlayerStore;
  videoDurationSec: number | null;
  stepVideoSecs: readonly (number | null)[];
  openHelp: () => void;
}

export function runShortcut(command: ShortcutCommand, { store, videoDurationSec, stepVideoSecs, openHelp }: ShortcutContext): void {
  switch (command.kind) {
    case 'toggle-play':
      store.togglePlay();
      return;
    case 'seek-by':
      store.seekBy(command.deltaSec);
      return;
    case 'frame-step':
      store.stepFrame(command.direction);
      return;
    case 'jump-to-tenth':
      if (videoDurationSec !== null) store.seekVideoSec((videoDurationSec * command.tenth) / 10);
      return;
    case 'rate':
      writePreferredRate(store.changePlaybackRate(command.direction));
      return;
    case 'fullscreen':
      toggleFullscreen(store.playerElement);
      return;
    case 'picture-in-picture':
      togglePictureInPicture(store.videoElement);
      return;
    case 'step': {
      const target = adjacentStepVideoSec(stepVideoSecs, store.live().currentSec, videoDurationSec, command.direction);
      if (target !== null) store.seekVideoSec(target);
      return;
    }
    case 'help':
      openHelp();
      return;
  }
}
