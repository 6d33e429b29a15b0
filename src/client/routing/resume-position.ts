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

interface ResumeState {
  replayViewerResume?: Partial<ResumePosition>;
}

/** The route, with its start where this history entry left off (if it did). */
export function withResumePosition(route: Route, state: unknown): Route {
  const saved = (state as ResumeState | null)?.replayViewerResume;
  const sessionSec = saved?.sessionSec;
  if (route.kind !== 'viewer' || saved?.sessionId !== route.sessionId || typeof sessionSec !== 'number' || !(sessionSec >= 0)) return route;
  return { ...route, start: { kind: 'session-sec', sessionSec }, startPaused: saved.paused === true };
}

/** `state` with the position in it (the rest of the entry's state kept). */
export function stateWithResumePosition(state: unknown, position: ResumePosition): object {
  return { ...(typeof state === 'object' ? state : null), replayViewerResume: position };
}
