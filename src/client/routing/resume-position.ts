import type { Route } from './route';

/**
 * Where a viewer was in this history entry, kept in `history.state`: a reload, or Back and Forward to
 * the entry, continue there (and paused, if it was) rather than from the link's start. A link opened
 * afresh has no state, so a shared `?t=` is unaffected. (Small: boot.ts reads it before the app.)
 */
export interface ResumePosition {
  sessionId: string;
  sessionSec: number;
  paused: boolean;
}

/** The history state's key (keep-resume-position.ts writes it). */
export interface ResumeState {
  replayViewerResume?: Partial<ResumePosition>;
}

/** The route, with its start where this history entry left off (if it did). */
export function withResumePosition(route: Route, state: unknown): Route {
  const saved = (state as ResumeState | null)?.replayViewerResume;
  const sessionSec = saved?.sessionSec;
  if (route.kind !== 'viewer' || saved?.sessionId !== route.sessionId || typeof sessionSec !== 'number' || !(sessionSec >= 0)) return route;
  return { ...route, start: { kind: 'session-sec', sessionSec }, startPaused: saved.paused === true };
}
