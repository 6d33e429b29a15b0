import { expect, test } from './support/fixtures.js';
import { APP_SLOW_NOTICE_AFTER_MS } from '../src/client/app-load-notice.js';
import { APP_BUNDLE, failedNotice, fastForwardUntilVisible, holdAppCode, slowNotice } from './support/app-code.js';
import { expectPlaying, seekSlider } from './support/player.js';

// boot.ts (the page's entry) imports the app: React and main.tsx. When their code fails, the page says
// so; when it neither fails nor arrives (a hung connection), the page says so after a while instead of
// staying a shell (or, at home, blank), and the app replaces that notice if its code arrives after all.

const PAST_THE_SLOW_NOTICE_MS = APP_SLOW_NOTICE_AFTER_MS + 5_000;

for (const where of ['home', 'viewer'] as const) {
  test(`${where}: the app's code refused, the page says it could not load and offers a reload`, async ({ page, sid }) => {
    await page.route(APP_BUNDLE, (route) => route.abort('connectionfailed'));
    const path = where === 'home' ? '/' : `/sessions/${sid('mp4-only')}`;
    await page.goto(path);
    await expect(failedNotice(page)).toBeVisible();
    const reload = failedNotice(page).getByRole('link', { name: 'Reload the page' });
    expect(new URL(await reload.getAttribute('href') ?? '', page.url()).pathname).toBe(path);
    await expect(slowNotice(page)).toHaveCount(0);
    if (where === 'viewer') await expectPlaying(page, { advanceSec: 0.5 });
  });

  test(`${where}: the app's code hung, the page says it is taking long and offers a reload`, async ({ page, sid }) => {
    await page.clock.install();
    await holdAppCode(page, 'continue');
    await page.goto(where === 'home' ? '/' : `/sessions/${sid('mp4-only')}`, { waitUntil: 'commit' });
    if (where === 'viewer') await expectPlaying(page, { advanceSec: 0.5 });
    await expect(slowNotice(page)).toHaveCount(0);
    await fastForwardUntilVisible(page, slowNotice(page));
    await expect(slowNotice(page).getByRole('link', { name: 'reload the page' })).toBeVisible();
    await expect(failedNotice(page)).toHaveCount(0);
  });
}

test('viewer: the slow notice comes when boot.ts\'s bound is up, not before', async ({ page, sid }) => {
  // A paused clock: boot.ts's timer starts at the paused time, whenever boot.ts runs, and fires only as the test runs it.
  await page.clock.install({ time: new Date('2026-12-01T12:00:00Z') });
  await page.clock.pauseAt(new Date('2026-12-01T12:00:01Z'));
  // A viewer page's HTML preloads none of the app's code: a request for it comes from boot.ts.
  const { asked } = await holdAppCode(page, 'continue');
  await page.goto(`/sessions/${sid('mp4-only')}`, { waitUntil: 'commit' });
  // boot.ts asks for the app after the video's first frame or its 800 ms cap: run the clock until it has.
  let hasAsked = false;
  void asked.then(() => (hasAsked = true));
  let ranMs = 0;
  while (!hasAsked) {
    expect(ranMs, 'boot.ts asks for the app within its 800 ms cap').toBeLessThan(5_000);
    await page.clock.runFor(100);
    ranMs += 100;
  }
  // boot.ts set its timer somewhere in the `ranMs` just run: still quiet just before the bound, shown after it.
  await page.clock.runFor(APP_SLOW_NOTICE_AFTER_MS - ranMs - 500);
  await expect(slowNotice(page)).toHaveCount(0);
  await page.clock.runFor(ranMs + 1_000);
  await expect(slowNotice(page)).toBeVisible();
});

test('the app\'s code arrives late: the slow notice goes and the player comes, with no error', async ({ page, sid }) => {
  await page.clock.install();
  const { release } = await holdAppCode(page, 'continue');
  await page.goto(`/sessions/${sid('mp4-only')}`, { waitUntil: 'commit' });
  await fastForwardUntilVisible(page, slowNotice(page));
  release();
  await expect(seekSlider(page)).toBeVisible({ timeout: 15_000 });
  await expect(slowNotice(page)).toHaveCount(0);
  await expect(failedNotice(page)).toHaveCount(0);
  await expectPlaying(page, { advanceSec: 0.5 });
});

for (const where of ['home', 'viewer'] as const) {
  test(`${where}: once the app is up, the slow notice never comes`, async ({ page, sid }) => {
    await page.clock.install();
    await page.goto(where === 'home' ? '/' : `/sessions/${sid('mp4-only')}`);
    await expect(where === 'home' ? page.getByRole('textbox', { name: 'Session ID' }) : seekSlider(page)).toBeVisible({ timeout: 15_000 });
    await page.clock.fastForward(PAST_THE_SLOW_NOTICE_MS);
    await expect(slowNotice(page)).toHaveCount(0);
  });
}
