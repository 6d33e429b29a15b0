/**
 * The theme the user chose (not "system"), kept in a cookie as well as in localStorage so that the
 * server can send a page, the viewer's shell included, already in it: no flash of the other theme
 * before the scripts run. Only these two values are ever read back.
 */
export type ChosenTheme = 'light' | 'dark';

export const THEME_COOKIE = 'replay-viewer-theme';

export function isChosenTheme(value: string | null | undefined): value is ChosenTheme {
  return value === 'light' || value === 'dark';
}

export function themeFromCookieHeader(header: string | null | undefined): ChosenTheme | null {
  for (const part of (header ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === THEME_COOKIE && isChosenTheme(value)) return value;
  }
  return null;
}

/** A `document.cookie` assignment: a year for a choice, removal for "system". */
export function themeCookie(choice: ChosenTheme | null): string {
  return choice === null
    ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${THEME_COOKIE}=${choice}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
