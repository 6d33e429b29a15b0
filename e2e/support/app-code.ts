import { expect, type Locator, type Page } from '@playwright/test';

/** React and main.tsx: what boot.ts (the page's entry) imports. Held back, the page is the shell and boot.ts only. */
export const APP_BUNDLE = /\/assets\/(main|react)-[\w-]+\.js$/;

export interface HeldRequests {
  /** Settles when the first held request has been made. */
  asked: Promise<void>;
  /** Lets every held request (and later ones) go on, or fails them. */
  release: () => void;
}

/** Holds every request matching `url` until `release()`. */
export async function holdRequests(page: Page, url: string | RegExp, onRelease: 'continue' | 'refuse'): Promise<HeldRequests> {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let markAsked = () => undefined as void;
  const asked = new Promise<void>((resolve) => (markAsked = resolve));
  await page.route(url, async (route) => {
    markAsked();
    await gate;
    await (onRelease === 'continue' ? route.continue() : route.abort('connectionfailed'));
  });
  return { asked, release };
}

/** Holds every request for the app's code until `release()`. */
export function holdAppCode(page: Page, onRelease: 'continue' | 'refuse'): Promise<HeldRequests> {
  return holdRequests(page, APP_BUNDLE, onRelease);
}

/** boot.ts's notices (src/client/app-load-notice.ts), as a user finds them. */
export const slowNotice = (page: Page): Locator => page.getByRole('status').filter({ hasText: 'The viewer is taking long to load' });
export const failedNotice = (page: Page): Locator => page.getByRole('alert').filter({ hasText: 'The viewer could not load' });

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
