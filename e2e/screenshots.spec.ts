/**
 * Screenshots of every state at desktop and phone widths into `screenshots/` (gitignored), for
 * people to look at. Not part of `npm test`; run after a build with:
 *   SCREENSHOTS=1 npx playwright test --project=screenshots
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './support/app-server.js';
import { expect, test } from './support/fixtures.js';
import { failedNotice, fastForwardUntilVisible, holdAppCode, slowNotice } from './support/app-code.js';
import { expectPlaying } from './support/player.js';

const OUT_DIR = path.join(REPO_ROOT, 'screenshots');
const viewports = [
  { width: 1280, height: 800 },
  { width: 375, height: 812 },
];

async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  // Let fonts and layout settle; animations are frozen by Playwright's screenshot option.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT_DIR, `${name}-${width}x${height}.png`), fullPage, animations: 'disabled' });
}

for (const viewport of viewports) {
  test.describe(`${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('home', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('textbox', { name: 'Session ID' })).toBeVisible();
      await shoot(page, 'home');
    });

    test('home, invalid input', async ({ page }) => {
      await page.goto('/');
      const input = page.getByRole('textbox', { name: 'Session ID' });
      await input.fill('../../etc/passwd');
      await input.press('Enter');
      await expect(page.getByRole('alert').or(page.locator('[aria-invalid="true"]')).first()).toBeVisible();
      await shoot(page, 'home-invalid');
    });

    test('demo home', async ({ page, demoApp }) => {
      await page.goto(demoApp.url);
      await expect(page.locator('a[href*="/sessions/"]').first()).toBeVisible();
      await shoot(page, 'demo-home');
    });

    test('viewer playing', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('hls-ok')}`);
      await expectPlaying(page, { advanceSec: 2 });
      await shoot(page, 'viewer-playing');
    });

    test('viewer, long replay', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('long')}?t=3600`);
      await expectPlaying(page);
      await shoot(page, 'viewer-long');
    });

    test('viewer, links about to expire', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('short-links')}`);
      await expectPlaying(page);
      await expect(page.getByRole('timer')).toContainText('Links expire in 0:0');
      await shoot(page, 'viewer-links-expiring');
    });

    test('viewer, renewal failing', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('short-links')}`);
      await expectPlaying(page);
      await page.route('**/api/sessions/*/replay', (route) =>
        route.fulfill({
          status: 502,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'upstream_error', message: 'Notte answered 500.', retryable: true } }),
        }),
      );
      await expect(page.getByText('Could not renew the storage links yet')).toBeVisible({ timeout: 30_000 });
      await shoot(page, 'viewer-renewal-failing');
    });

    test('viewer, a renewal answered with a final no (the session was deleted)', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('short-links-then-gone')}`);
      await expectPlaying(page);
      await expect(page.getByText('Could not renew the storage links:')).toBeVisible({ timeout: 30_000 });
      await shoot(page, 'viewer-renewal-refused');
    });

    test('viewer, the replay is slow to answer', async ({ page, sid }) => {
      await page.route('**/api/sessions/*/replay', () => new Promise<void>(() => undefined));
      await page.goto(`/sessions/${sid('hls-ok')}`, { waitUntil: 'commit' });
      await expect(page.getByRole('status').filter({ hasText: 'Loading the replay' })).toBeVisible();
      await shoot(page, 'viewer-loading');
    });

    test('viewer, offline', async ({ page, context, sid }) => {
      await page.goto(`/sessions/${sid('hls-ok')}`);
      await expectPlaying(page);
      await context.setOffline(true);
      await expect(page.getByText('You are offline')).toBeVisible();
      await shoot(page, 'viewer-offline');
      await context.setOffline(false);
    });

    test('viewer, hover preview and shortcuts dialog', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('hls-ok')}`);
      await expectPlaying(page);
      const box = await page.getByRole('slider', { name: 'Seek' }).boundingBox();
      if (!box) throw new Error('no slider box');
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
      await expect(page.locator('.scrubber-preview-frame')).toBeVisible();
      await page.waitForTimeout(500);
      // A full-page capture resizes the viewport, and the pointer would no longer hover.
      await shoot(page, 'viewer-hover-preview', { fullPage: false });
      await page.mouse.move(5, 5);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await shoot(page, 'viewer-shortcuts-dialog');
    });

    test('viewer, the steps and the shortcuts cannot be loaded (a redeploy since the page opened)', async ({ page, sid }) => {
      await page.route(/\/assets\/(StepsPanel|ShortcutsDialog)-[^/]+\.js$/, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
      await page.goto(`/sessions/${sid('hls-ok')}`);
      await expectPlaying(page);
      await page.keyboard.press('?');
      await expect(page.getByRole('alert').filter({ hasText: 'Could not load the keyboard shortcuts' })).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: "Could not load the session's steps" })).toBeVisible();
      await shoot(page, 'viewer-parts-failed');
    });

    test('viewer, link in the URL is invalid', async ({ page }) => {
      await page.goto('/sessions/%2E%2E%2Fetc');
      await expect(page.getByRole('alert').first()).toBeVisible();
      await shoot(page, 'viewer-invalid-id');
    });

    for (const [route, name] of [
      ['/', 'home'],
      ['/sessions/{id}', 'viewer'],
    ] as const) {
      test(`${name}, the app's code hung, then refused`, async ({ page, sid }) => {
        await page.clock.install();
        const { release: refuse } = await holdAppCode(page, 'refuse');
        await page.goto(route.replace('{id}', sid('mp4-only')), { waitUntil: 'commit' });
        if (name === 'viewer') await expectPlaying(page);
        await fastForwardUntilVisible(page, slowNotice(page));
        await shoot(page, `${name}-app-slow`);
        refuse();
        await expect(failedNotice(page)).toBeVisible();
        await shoot(page, `${name}-app-failed`);
      });
    }

    const errorStates: Array<[string, string]> = [
      ['not-found', 'error-not-found'],
      ['failed', 'error-failed'],
      ['no-video', 'error-no-video'],
      ['malformed', 'error-unexpected'],
      ['server-error', 'error-server'],
      ['processing-forever', 'processing'],
      ['rate-limited', 'rate-limited'],
    ];
    for (const [scenario, name] of errorStates) {
      test(name, async ({ page, sid, startApp, upstream }) => {
        // An upstream 429 pauses the whole app's upstream calls: rate-limited gets an app of its own.
        const prefix = scenario === 'rate-limited' ? (await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey })).url : '';
        await page.goto(`${prefix}/sessions/${sid(scenario)}`);
        await expect(page.getByRole('alert').filter({ hasText: /\S/ }).first()).toBeVisible({ timeout: 45_000 });
        await shoot(page, name);
      });
    }
  });
}
