import { isValidSessionId } from '../../shared/session-id';
import { parseStartPosition, type StartPosition } from '../../shared/start-param';
import { sessionPageTitle, SITE_TITLE } from '../../shared/page-titles';

export type Route =
  | { kind: 'home' }
  /** `startPaused`: continue paused (a reload of a paused viewer, resume-position.ts). */
  | { kind: 'viewer'; sessionId: string; start: StartPosition; startPaused: boolean; embed: boolean }
  | { kind: 'invalid-session'; rawId: string; embed: boolean }
  | { kind: 'not-found'; path: string; embed: boolean };

const VIEWER_PATH = /^\/sessions\/([^/]*)\/?$/;

/** Reads a location into a route; junk in the query is ignored, never thrown. */
export function parseRoute(pathname: string, search: string): Route {
  // The server answers /index.html with the home page too.
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { kind: 'home' };
  const params = new URLSearchParams(search);
  // An embedded page that cannot show a replay still shows nothing of the site around it.
  const embed = params.get('embed') === '1';
  const match = VIEWER_PATH.exec(pathname);
  if (!match) return { kind: 'not-found', path: pathname, embed };
  const rawId = safeDecode(match[1] ?? '');
  if (!isValidSessionId(rawId)) return { kind: 'invalid-session', rawId, embed };
  return { kind: 'viewer', sessionId: rawId, start: parseStartPosition(params.get('t')), startPaused: false, embed };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function viewerPath(sessionId: string, startParam?: string | null): string {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return startParam ? `${base}?t=${encodeURIComponent(startParam)}` : base;
}

/** The document's title: tabs and history entries tell sessions apart. */
export function routeTitle(route: Route): string {
  switch (route.kind) {
    case 'home':
      return `${SITE_TITLE} Viewer`;
    case 'viewer':
      return sessionPageTitle(route.sessionId);
    case 'invalid-session':
      return `Invalid session ID · ${SITE_TITLE}`;
    case 'not-found':
      return `Page not found · ${SITE_TITLE}`;
  }
}

/** What an in-app navigation changes: the page shown (a new `?t=` on the same session is not a new page). */
export function routePageKey(route: Route): string {
  return route.kind === 'viewer' ? `viewer:${route.sessionId}` : route.kind === 'not-found' ? `not-found:${route.path}` : route.kind;
}
