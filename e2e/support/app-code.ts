import { expect, type Locator, type Page } from '@playwright/test';

/** React and main.tsx: what boot.ts (the page's entry) imports. Held back, the page is the shell and boot.ts only. */
export const APP_BUNDLE = /\/assets\/(main|react)-[\w-]+\.js$/;

/** Holds every request matching `url` until `release()`, which lets them go on or fails them. */
export async function holdRequests(page: Page, url: string | RegExp, onRelease: 'continue' | 'refuse'): Promise<{ release: () => void }> {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await gate;
    await (onRelease === 'continue' ? route.continue() : route.abort('connectionfailed'));
  });
  return { release };
}

/** Holds every request for the app's code until `release()`. */
export function holdAppCode(page: Page, onRelease: 'continue' | 'refuse'): Promise<{ release: () => void }> {
  return holdRequests(page, APP_BUNDLE, onRelease);
}

/**
 * Runs the page's fake clock (`page.clock.install()`) forward a second at a time until `locator` shows.
 * One jump would race boot.ts: a jump made before it ran fires nothing, and nothing the page exposes
 * tells that it has run (Playwright's fake clock also fakes away `performance.getEntriesByName`).
 */
export async function fastForwardUntilVisible(page: Page, locator: Locator, { atMostSec = 40 } = {}): Promise<void> {
  for (let sec = 0; sec < atMostSec; sec += 1) {
    if (await locator.isVisible()) return;
    await page.clock.fastForward(1_000);
  }
  await expect(locator).toBeVisible();
}
