import type { Locator, Page } from '@playwright/test';
import { APP_BUNDLE, holdAppCode, holdRequests } from './support/app-code.js';
import { expect, test } from './support/fixtures.js';
import { expectPlaying, playerVideo, seekSlider } from './support/player.js';

// The server sends a shell of the viewer page; boot.ts plays the video in it before React runs,
// and React's Player adopts that very element in the very same place.

// The app starts after the video's first frame (or 800 ms) by design; with two test workers on two CPUs,
// a clean-clone run once took ~11 s to show it. These tests are about which element plays, not how fast.
const APP_SHOWN_MS = 30_000;

type Box = { x: number; y: number; width: number; height: number };

/**
 * The element's box within the page's `.app` (shell and React alike): boot.ts's notice that the app is slow
 * to arrive (after 15 s, above `.app`) moves everything down, and a loaded machine can take that long.
 */
async function boxInApp(locator: Locator): Promise<Box> {
  return locator.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const app = node.closest('.app')?.getBoundingClientRect() ?? { x: 0, y: 0 };
    return { x: box.x - app.x, y: box.y - app.y, width: box.width, height: box.height };
  });
}

async function videoBox(page: Page): Promise<Box> {
  return boxInApp(playerVideo(page));
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  for (const query of ['', '?embed=1']) {
    test(`at ${viewport.width} px${query ? ' embedded' : ''}, the video plays before the app's bundle runs, where the player keeps it`, async ({
      browser,
      app,
      sid,
    }) => {
      const id = sid('mp4-only');
      const shellContext = await browser.newContext({ viewport, baseURL: app.url });
      try {
        const shellPage = await shellContext.newPage();
        // No React at all: only boot.ts and the server's shell. The app's code is held back, not refused
        // (a refusal shows the "could not load" notice above the page).
        await shellPage.route(APP_BUNDLE, () => new Promise<void>(() => undefined));
        await shellPage.goto(`/sessions/${id}${query}`);
        await expect(shellPage.locator('[data-shell-stage] video')).toHaveCount(1);
        await expectPlaying(shellPage, { advanceSec: 0.5 });
        await expect(seekSlider(shellPage)).toHaveCount(0);
        const shellBox = await videoBox(shellPage);

        const appContext = await browser.newContext({ viewport, baseURL: app.url });
        try {
          const appPage = await appContext.newPage();
          await appPage.goto(`/sessions/${id}${query}`);
          await expect(seekSlider(appPage)).toBeVisible({ timeout: APP_SHOWN_MS });
          await expectPlaying(appPage);
          const appBox = await videoBox(appPage);
          for (const side of ['x', 'y', 'width', 'height'] as const) {
            expect(appBox[side], `video ${side} in the shell and in the app`).toBeCloseTo(shellBox[side], 0);
          }
        } finally {
          await appContext.close();
        }
      } finally {
        await shellContext.close();
      }
    });
  }
}

test('the Player adopts the video the shell started: one element, never replaced, still playing', async ({ page, sid }) => {
  await page.addInitScript(() => {
    const seen: HTMLVideoElement[] = [];
    (window as unknown as { seenVideos: HTMLVideoElement[] }).seenVideos = seen;
    new MutationObserver(() => {
      for (const video of document.querySelectorAll('video')) {
        if (seen.includes(video)) continue;
        seen.push(video);
        video.dataset['firstParent'] = video.parentElement?.hasAttribute('data-shell-stage') ? 'shell' : 'app';
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expect(seekSlider(page)).toBeVisible({ timeout: APP_SHOWN_MS });
  await expectPlaying(page, { advanceSec: 1 });
  const { count, firstParent, sameAsFirst } = await playerVideo(page).evaluate((node) => {
    const seen = (window as unknown as { seenVideos: HTMLVideoElement[] }).seenVideos;
    return { count: seen.length, firstParent: (node as HTMLVideoElement).dataset['firstParent'], sameAsFirst: seen[0] === node };
  });
  expect(firstParent, 'the video was first shown in the shell').toBe('shell');
  expect(sameAsFirst, 'the player shows the first video made').toBe(true);
  expect(count, 'no second player video was made').toBe(1);
  await expect(page.locator('[data-shell-stage]')).toHaveCount(0);
});

test('an mp4-only link plays from the HTML alone, and the app adopts that file without loading it again', async ({ page, request, sid }) => {
  const id = sid('mp4-only');
  await page.addInitScript(() => {
    (window as unknown as { loadStarts: number }).loadStarts = 0;
    window.addEventListener('loadstart', () => ((window as unknown as { loadStarts: number }).loadStarts += 1), true);
  });
  // Every script held back: what plays now was started by the HTML's own <video src>.
  let releaseScripts: () => void = () => undefined;
  const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(/\/assets\/[\w.-]+\.js$/, async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  // Not until `load`: that waits for the held scripts.
  await page.goto(`/sessions/${id}`, { waitUntil: 'domcontentloaded' });
  const served = page.locator('[data-shell-stage] video[data-shell-video]');
  await expect(served).toHaveCount(1);
  await expectPlaying(page, { advanceSec: 0.5 });
  const src = await served.getAttribute('src');
  expect(src, 'the replay\'s mp4 link, from the proxy').toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\.mp4/);
  await served.evaluate((video) => (video.dataset['marked'] = 'from-html'));

  releaseScripts();
  await expect(seekSlider(page)).toBeVisible({ timeout: APP_SHOWN_MS });
  await expectPlaying(page, { advanceSec: 0.5 });
  expect(await playerVideo(page).getAttribute('data-marked'), 'the Player shows the element the HTML made').toBe('from-html');
  expect(await playerVideo(page).getAttribute('src')).toBe(src);
  expect(await page.evaluate(() => (window as unknown as { loadStarts: number }).loadStarts), 'the file was loaded once').toBe(1);

  // A stream is the browser's choice (hls.js or native HLS): no video in its HTML, nor with ?t=.
  for (const path of [`/sessions/${sid('hls-ok')}`, `/sessions/${id}?t=3`]) {
    const html = await (await request.get(path)).text();
    expect(html, path).toContain('data-shell-stage');
    expect(html, path).not.toContain('<video');
  }
});

/**
 * A box read before the page's stylesheet has arrived is the unstyled one (a script's layout does not
 * wait for it; only painting does): seen once as 8,27,359,154 against the styled 0,65,375,211.
 */
async function stylesheetsLoaded(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null)))
    .toBe(true);
}

async function stageBox(page: Page, selector: string): Promise<string> {
  const box = await boxInApp(page.locator(selector).first());
  return [box.x, box.y, box.width, box.height].map((n) => n.toFixed(0)).join(',');
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  test(`at ${viewport.width} px, a slow replay: the stage stays put from the shell through loading to the player`, async ({ page, sid }) => {
    await page.setViewportSize(viewport);
    // Both held until the test lets them go: the app's code, and the replay (the preload included).
    const { release: releaseApp } = await holdAppCode(page, 'continue');
    const { release: releaseReplay } = await holdRequests(page, '**/api/sessions/*/replay', 'continue');
    // Not waiting for `load`: that would wait for the held replay preload.
    await page.goto(`/sessions/${sid('hls-ok')}`, { waitUntil: 'commit' });
    await expect(page.locator('[data-shell-stage]')).toBeVisible();
    await stylesheetsLoaded(page);
    const inShell = await stageBox(page, '[data-shell-stage]');
    // The app gives up waiting for the video (800 ms) and shows its loading state in the same place.
    releaseApp();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the replay' })).toBeVisible();
    const whileLoading = await stageBox(page, '.player-stage-loading');
    releaseReplay();
    await expect(seekSlider(page)).toBeVisible({ timeout: 15_000 });
    await expectPlaying(page);
    const playing = await stageBox(page, '.player-stage');
    expect(whileLoading).toBe(inShell);
    expect(playing).toBe(inShell);
  });
}

test('a link to a moment by timestamp (no head start): the stage the shell shows is where the player plays', async ({ browser, app, sid }) => {
  const path = `/sessions/${sid('hls-ok')}?t=${encodeURIComponent('2026-03-01T10:00:08Z')}`;
  const shellContext = await browser.newContext({ baseURL: app.url });
  const appContext = await browser.newContext({ baseURL: app.url });
  try {
    const shellPage = await shellContext.newPage();
    await shellPage.route(APP_BUNDLE, () => new Promise<void>(() => undefined));
    await shellPage.goto(path, { waitUntil: 'commit' });
    await expect(shellPage.locator('[data-shell-stage]')).toBeVisible();
    await stylesheetsLoaded(shellPage);
    const inShell = await stageBox(shellPage, '[data-shell-stage]');
    const appPage = await appContext.newPage();
    await appPage.goto(path);
    await expect(seekSlider(appPage)).toBeVisible({ timeout: 15_000 });
    await expectPlaying(appPage);
    expect(await stageBox(appPage, '.player-stage')).toBe(inShell);
  } finally {
    await shellContext.close();
    await appContext.close();
  }
});
