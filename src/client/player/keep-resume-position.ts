import type { ResumePosition, ResumeState } from '../routing/resume-position';
import { videoToSessionSec } from '../../shared/session-time';

/** Browsers limit how often a page may replace its history state (Safari: 100 times in 30 s). */
const SAVE_WHILE_PLAYING_EVERY_MS = 2_000;

/**
 * Keeps where this video is, and whether it is paused, in the history entry (routing/resume-position.ts),
 * so that a reload or Back/Forward continues there. Returns the stop.
 */
export function keepResumePosition(video: HTMLVideoElement, sessionId: string, videoStartMs: number | null): () => void {
  let lastSavedAtMs = 0;
  const save = () => {
    // Nothing watched yet: a reload should start as the link says, not at 0:00 of a video still loading.
    if (video.currentTime <= 0 && !video.played.length) return;
    lastSavedAtMs = Date.now();
    const position = { sessionId, sessionSec: videoToSessionSec(video.currentTime, videoStartMs), paused: video.paused };
    try {
      window.history.replaceState(stateWithResumePosition(window.history.state, position), '');
    } catch {
      // Over the browser's rate of history writes: the next save will do.
    }
  };
  const saveWhilePlaying = () => {
    if (Date.now() - lastSavedAtMs >= SAVE_WHILE_PLAYING_EVERY_MS) save();
  };
  const events: Array<[string, () => void]> = [
    ['pause', save],
    ['play', save],
    ['seeked', save],
    ['timeupdate', saveWhilePlaying],
  ];
  for (const [type, listener] of events) video.addEventListener(type, listener);
  window.addEventListener('pagehide', save);
  // No save on the way out: an in-app navigation has already made another history entry current.
  return () => {
    for (const [type, listener] of events) video.removeEventListener(type, listener);
    window.removeEventListener('pagehide', save);
  };
}

/** `state` with the position in it (the rest of the entry's state kept). Here, not in resume-position.ts: boot.ts loads that. */
export function stateWithResumePosition(state: unknown, position: ResumePosition): object {
  const withPosition: ResumeState = { replayViewerResume: position };
  return { ...(typeof state === 'object' ? state : null), ...withPosition };
}
