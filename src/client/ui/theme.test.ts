// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyThemeChoice, readThemeChoice } from './theme';

const KEY = 'replay-viewer.theme';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
  document.cookie = 'replay-viewer-theme=; Path=/; Max-Age=0';
});

describe('the theme choice', () => {
  it('is the stored one first', () => {
    window.localStorage.setItem(KEY, 'dark');
    document.documentElement.setAttribute('data-theme', 'light');
    expect(readThemeChoice()).toBe('dark');
  });

  it("without a stored one, is the theme the server sent the page in, and applying it keeps the cookie", () => {
    document.documentElement.setAttribute('data-theme', 'dark');
    document.cookie = 'replay-viewer-theme=dark; Path=/';
    applyThemeChoice(readThemeChoice());
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    expect(document.cookie).toContain('replay-viewer-theme=dark');
    expect(window.localStorage.getItem(KEY)).toBe('dark');
  });

  it('where storage is refused, still follows the page (the cookie is then its only copy)', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    document.documentElement.setAttribute('data-theme', 'light');
    expect(readThemeChoice()).toBe('light');
  });

  it('is the system one when neither says otherwise', () => {
    expect(readThemeChoice()).toBe('system');
    window.localStorage.setItem(KEY, 'sepia');
    expect(readThemeChoice()).toBe('system');
  });
});
