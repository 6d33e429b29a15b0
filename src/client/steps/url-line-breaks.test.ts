import { describe, expect, it } from 'vitest';
import { urlLinePieces } from './url-line-breaks';

describe('urlLinePieces', () => {
  it('breaks a URL after its path separators, never inside the scheme', () => {
    expect(urlLinePieces('https://example.com/login')).toEqual(['https://example.com/', 'login']);
    expect(urlLinePieces('https://shop.example.com/cart/items?id=7&sort=asc#top')).toEqual([
      'https://shop.example.com/',
      'cart/',
      'items?',
      'id=7&',
      'sort=asc#',
      'top',
    ]);
  });

  it('leaves text without separators whole, and always joins back to the text', () => {
    expect(urlLinePieces('alice@example.com')).toEqual(['alice@example.com']);
    expect(urlLinePieces('')).toEqual(['']);
    for (const text of ['a//b/', '/', '///x', 'file:///tmp/a b/c', '?&#', 'x/']) {
      expect(urlLinePieces(text).join('')).toBe(text);
      expect(urlLinePieces(text).every((piece) => piece.length > 0 || text === '')).toBe(true);
    }
  });

  it('does not break before a trailing separator or inside a run of slashes', () => {
    expect(urlLinePieces('https://example.com/')).toEqual(['https://example.com/']);
    expect(urlLinePieces('a//b')).toEqual(['a//b']);
  });
});
