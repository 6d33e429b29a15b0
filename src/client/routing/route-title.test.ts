import { describe, expect, it } from 'vitest';
import { parseRoute, routePageKey, routeTitle } from './route';

describe('routeTitle and routePageKey', () => {
  it('names the page, and the session on a viewer', () => {
    expect(routeTitle(parseRoute('/', ''))).toBe('Notte Replay Viewer');
    expect(routeTitle(parseRoute('/sessions/abc-1', '?t=5'))).toBe('Session abc-1 · Notte Replay');
    expect(routeTitle(parseRoute('/sessions/a.b', ''))).toBe('Invalid session ID · Notte Replay');
    expect(routeTitle(parseRoute('/nope', ''))).toBe('Page not found · Notte Replay');
  });
  it('a new start time on the same session is the same page; another session is not', () => {
    expect(routePageKey(parseRoute('/sessions/abc', '?t=5'))).toBe(routePageKey(parseRoute('/sessions/abc', '?t=9')));
    expect(routePageKey(parseRoute('/sessions/abc', ''))).not.toBe(routePageKey(parseRoute('/sessions/abd', '')));
  });
});
