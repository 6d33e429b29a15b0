import { isChosenTheme, themeCookie } from '../../shared/theme-cookie';
import { readLocal, writeLocal } from './local-store';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'replay-viewer.theme';
const ORDER: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * The stored choice; without one (storage refused or cleared), the theme the page was sent in: the
 * server puts the cookie's choice on <html>, and that cookie must not be undone for want of the other copy.
 */
export function readThemeChoice(): ThemeChoice {
  const stored = readLocal(KEY) ?? document.documentElement.getAttribute('data-theme');
  return isChosenTheme(stored) ? stored : 'system';
}

/** `color-scheme` on <html> drives every `light-dark()` colour in the stylesheet. */
export function applyThemeChoice(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  writeLocal(KEY, choice === 'system' ? null : choice);
  // The server reads it to send pages already in this theme (src/server/page-responses.ts).
  document.cookie = themeCookie(choice === 'system' ? null : choice);
}

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length] ?? 'system';
}
