import { describe, expect, it } from 'vitest';
import { THEME_COOKIE, themeCookie, themeFromCookieHeader } from './theme-cookie';

describe('the theme cookie', () => {
  it('reads back what it writes', () => {
    for (const choice of ['light', 'dark'] as const) {
      const [pair] = themeCookie(choice).split(';');
      expect(themeFromCookieHeader(`other=1; ${pair}; more=x`)).toBe(choice);
    }
  });
  it('reads nothing but light or dark, whatever the header holds', () => {
    for (const header of [null, '', 'other=dark', `${THEME_COOKIE}=`, `${THEME_COOKIE}=blue`, `${THEME_COOKIE}=dark"><script>`, `x${THEME_COOKIE}=dark`]) {
      expect(themeFromCookieHeader(header)).toBeNull();
    }
  });
  it('"system" removes it', () => {
    expect(themeCookie(null)).toContain('Max-Age=0');
  });
});
