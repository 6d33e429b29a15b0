import { describe, expect, it } from 'vitest';
import { stateWithResumePosition } from '../player/keep-resume-position';
import { withResumePosition } from './resume-position';
import { parseRoute } from './route';

describe('resume position (history.state)', () => {
  const saved = stateWithResumePosition({ other: 1 }, { sessionId: 'abc', sessionSec: 42.5, paused: true });

  it("keeps the entry's other state", () => {
    expect(saved).toMatchObject({ other: 1 });
  });

  it('continues a reloaded viewer where it was, paused if it was, over the link\'s ?t=', () => {
    expect(withResumePosition(parseRoute('/sessions/abc', '?t=10'), saved)).toMatchObject({
      kind: 'viewer',
      start: { kind: 'session-sec', sessionSec: 42.5 },
      startPaused: true,
    });
  });

  it('leaves a link opened afresh (no state), another session, and other pages alone', () => {
    const fresh = parseRoute('/sessions/abc', '?t=10');
    expect(withResumePosition(fresh, null)).toEqual(fresh);
    const other = parseRoute('/sessions/xyz', '');
    expect(withResumePosition(other, saved)).toEqual(other);
    expect(withResumePosition(parseRoute('/', ''), saved)).toEqual({ kind: 'home' });
  });

  it('ignores state it did not write', () => {
    const route = parseRoute('/sessions/abc', '?t=10');
    for (const state of [{ replayViewerResume: { sessionId: 'abc', sessionSec: 'x' } }, { replayViewerResume: { sessionId: 'abc', sessionSec: -1 } }, { replayViewerResume: null }, 'text', 3]) {
      expect(withResumePosition(route, state)).toEqual(route);
    }
  });
});
