import { describe, expect, it } from 'vitest';
import { loggableUrl, withLoggableUrls } from './loggable-url.mjs';

describe('loggableUrl', () => {
  it('leaves a plain URL as it is', () => {
    expect(loggableUrl('https://api.notte.cc')).toBe('https://api.notte.cc');
    expect(loggableUrl('http://127.0.0.1:4010/v1')).toBe('http://127.0.0.1:4010/v1');
  });

  it('hides a user name and password', () => {
    expect(loggableUrl('https://user:s3cret@api.notte.cc/v1')).toBe('https://***@api.notte.cc/v1');
    expect(loggableUrl('https://token@api.notte.cc')).toBe('https://***@api.notte.cc');
    // Unencoded `@` and `/` in a password: the URL parser would split it elsewhere, the log must not show it.
    expect(loggableUrl('https://user:p@ss/w@rd@api.notte.cc')).toBe('https://***@api.notte.cc');
    // A `?` in the password (an invalid URL, so it reaches the config error's sentence).
    expect(loggableUrl('https://user:pa?ss@api.notte.cc')).toBe('https://***@api.notte.cc');
    expect(loggableUrl('https://user:pa?ss@api.notte.cc/v1?k=1')).toBe('https://***@api.notte.cc/v1?***');
  });

  it('hides a query and a fragment', () => {
    expect(loggableUrl('https://api.notte.cc/?token=s3cret')).toBe('https://api.notte.cc/?***');
    expect(loggableUrl('https://api.notte.cc#s3cret')).toBe('https://api.notte.cc#***');
    expect(loggableUrl('https://u:p@api.notte.cc/?a=@b')).toBe('https://***@api.notte.cc/?***');
  });

  it('does the same for text that is not a valid URL', () => {
    expect(loggableUrl('user:s3cret@api.notte.cc')).toBe('***@api.notte.cc');
    expect(loggableUrl('ftp://user:s3cret@host?x=1')).toBe('ftp://***@host?***');
    expect(loggableUrl('api.notte.cc')).toBe('api.notte.cc');
  });
});

describe('withLoggableUrls', () => {
  it('makes every URL in a message loggable, and leaves the rest', () => {
    const message = 'Request cannot be constructed from a URL that includes credentials: https://user:s3cret@127.0.0.1:9/sessions/x/replay?k=s3cret';
    expect(withLoggableUrls(message)).toBe('Request cannot be constructed from a URL that includes credentials: https://***@127.0.0.1:9/sessions/x/replay?***');
    expect(withLoggableUrls('fetch failed (ECONNREFUSED)')).toBe('fetch failed (ECONNREFUSED)');
  });
});
