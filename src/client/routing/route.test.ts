import { describe, expect, it } from 'vitest';
import { parseRoute, viewerPath } from './route';

describe('parseRoute', () => {
  it('reads the home page', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'home' });
    expect(parseRoute('/index.html', ''), 'the server answers it with the home page').toEqual({ kind: 'home' });
  });
  it('reads a viewer link with a start time and embed flag', () => {
    expect(parseRoute('/sessions/abc-123', '?t=1m5s&embed=1')).toEqual({
      kind: 'viewer',
      sessionId: 'abc-123',
      start: { kind: 'session-sec', sessionSec: 65 },
      startPaused: false,
      embed: true,
    });
    expect(parseRoute('/sessions/abc/', '')).toMatchObject({ kind: 'viewer', sessionId: 'abc', start: { kind: 'none' } });
  });
  it('ignores junk parameters', () => {
    expect(parseRoute('/sessions/abc', '?t=%%%&embed=<x>&zzz')).toMatchObject({ kind: 'viewer', start: { kind: 'none' }, embed: false });
  });
  it('refuses invalid IDs, decoded', () => {
    expect(parseRoute('/sessions/%2E%2E%2Fetc', '')).toEqual({ kind: 'invalid-session', rawId: '../etc', embed: false });
    expect(parseRoute('/sessions/a.b', '?embed=1'), 'embedded, it stays embedded').toMatchObject({ kind: 'invalid-session', embed: true });
    expect(parseRoute(`/sessions/${'a'.repeat(5000)}`, '')).toMatchObject({ kind: 'invalid-session' });
    expect(parseRoute('/sessions/%E0%A4%A', '')).toMatchObject({ kind: 'invalid-session' });
    expect(parseRoute('/sessions/', '')).toMatchObject({ kind: 'invalid-session' });
  });
  it('knows nothing else', () => {
    expect(parseRoute('/admin', '')).toEqual({ kind: 'not-found', path: '/admin', embed: false });
    expect(parseRoute('/sessions/a/b', '')).toMatchObject({ kind: 'not-found' });
  });
});

describe('viewerPath', () => {
  it('builds share links', () => {
    expect(viewerPath('abc')).toBe('/sessions/abc');
    expect(viewerPath('abc', '12.5')).toBe('/sessions/abc?t=12.5');
  });
});
