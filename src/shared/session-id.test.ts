import { describe, expect, it } from 'vitest';
import { isValidSessionId, parseSessionInput } from './session-id';

const UUID = '3f1c2a9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
const OWN = 'https://replay.example.com';

describe('parseSessionInput', () => {
  it('accepts a bare ID, trimmed', () => {
    expect(parseSessionInput(`  ${UUID}\n`)).toEqual({ ok: true, sessionId: UUID, startParam: null });
    expect(parseSessionInput('demo_session-1')).toMatchObject({ ok: true, sessionId: 'demo_session-1' });
  });
  it('extracts the ID from a Notte console link', () => {
    expect(parseSessionInput(`https://console.notte.cc/sessions/${UUID}`)).toMatchObject({ ok: true, sessionId: UUID });
    expect(parseSessionInput(`https://console.notte.cc/sessions/${UUID}/?tab=replay`)).toMatchObject({
      ok: true,
      sessionId: UUID,
    });
  });
  it('takes a console link pasted without its scheme, and drops zero-width characters from chat tools', () => {
    expect(parseSessionInput(`console.notte.cc/sessions/${UUID}`)).toMatchObject({ ok: true, sessionId: UUID });
    expect(parseSessionInput(`Console.Notte.cc/sessions/${UUID}?tab=replay`)).toMatchObject({ ok: true, sessionId: UUID });
    expect(parseSessionInput(`\u200B${UUID}\uFEFF`)).toEqual({ ok: true, sessionId: UUID, startParam: null });
    expect(parseSessionInput(`evil.example/sessions/${UUID}`)).toEqual({ ok: false, reason: 'invalid_characters' });
  });
  it('accepts our own viewer links and keeps their start time', () => {
    expect(parseSessionInput(`${OWN}/sessions/${UUID}?t=42`, OWN)).toEqual({ ok: true, sessionId: UUID, startParam: '42' });
    expect(parseSessionInput(`/sessions/${UUID}`, OWN)).toMatchObject({ ok: true, sessionId: UUID });
  });
  it('never takes the last path segment of other links', () => {
    expect(parseSessionInput(`https://evil.example.com/sessions/${UUID}`, OWN)).toEqual({
      ok: false,
      reason: 'unrecognised_link',
    });
    expect(parseSessionInput(`https://console.notte.cc/agents/${UUID}`)).toEqual({ ok: false, reason: 'unrecognised_link' });
    expect(parseSessionInput(`http://console.notte.cc/sessions/${UUID}`)).toEqual({ ok: false, reason: 'unrecognised_link' });
  });
  it('refuses junk with a reason', () => {
    expect(parseSessionInput('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSessionInput('../etc/passwd')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseSessionInput('<script>alert(1)</script>')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseSessionInput('a%2Fb')).toEqual({ ok: false, reason: 'invalid_characters' });
    expect(parseSessionInput('x'.repeat(129))).toEqual({ ok: false, reason: 'too_long' });
    expect(parseSessionInput('x'.repeat(5000))).toEqual({ ok: false, reason: 'too_long' });
    expect(parseSessionInput('https://console.notte.cc/sessions/a%2F..')).toEqual({ ok: false, reason: 'invalid_characters' });
  });
});

describe('isValidSessionId', () => {
  it('allows letters, digits, - and _ up to 128 characters', () => {
    expect(isValidSessionId('a'.repeat(128))).toBe(true);
    expect(isValidSessionId('a'.repeat(129))).toBe(false);
    expect(isValidSessionId('')).toBe(false);
    expect(isValidSessionId('a b')).toBe(false);
    expect(isValidSessionId('ä')).toBe(false);
  });
});
