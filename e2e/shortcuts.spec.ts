import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectPlaying, pausedAt, playerVideo, videoState } from './support/player.js';

async function expectTimeNear(page: Page, videoSec: number, tolerance = 0.15): Promise<void> {
  await expect
    .poll(async () => Math.abs((await videoState(page)).currentTime - videoSec), { message: `currentTime ≈ ${videoSec}` })
    .toBeLessThan(tolerance);
}

test.describe('keyboard shortcuts (focus anywhere but a text field)', () => {
  test.beforeEach(async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
  });

  test('Space and K play and pause', async ({ page }) => {
    await page.keyboard.press('Space');
    await expect.poll(async () => (await videoState(page)).paused).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(async () => (await videoState(page)).paused).toBe(false);
    await page.keyboard.press('K');
    await expect.poll(async () => (await videoState(page)).paused).toBe(true);
  });

  test('J/L move 10 s, arrows 5 s', async ({ page }) => {
    await pausedAt(page, 1);
    await page.keyboard.press('l');
    await expectTimeNear(page, 11);
    await page.keyboard.press('j');
    await expectTimeNear(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectTimeNear(page, 6);
    await page.keyboard.press('ArrowLeft');
    await expectTimeNear(page, 1);
  });

  test(', and . step one frame while paused', async ({ page }) => {
    await pausedAt(page, 6);
    await page.keyboard.press('.');
    await expectTimeNear(page, 6.04, 0.01);
    await page.keyboard.press(',');
    await page.keyboard.press(',');
    await expectTimeNear(page, 5.96, 0.01);
  });

  test('digits jump to tenths of the video', async ({ page }) => {
    await pausedAt(page, 1);
    const { duration } = await videoState(page);
    await page.keyboard.press('5');
    await expectTimeNear(page, duration * 0.5, 0.05);
    await page.keyboard.press('9');
    await expectTimeNear(page, duration * 0.9, 0.05);
    await page.keyboard.press('0');
    await expectTimeNear(page, 0, 0.05);
  });

  test('Shift+> and Shift+< change the speed', async ({ page }) => {
    const rate = () => playerVideo(page).evaluate((node) => (node as HTMLVideoElement).playbackRate);
    await page.keyboard.press('Shift+>');
    await expect.poll(rate).toBe(1.25);
    await page.keyboard.press('Shift+<');
    await page.keyboard.press('Shift+<');
    await expect.poll(rate).toBe(0.75);
  });

  test('F toggles fullscreen on the player', async ({ page }) => {
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label') ?? null)).toBe('Replay player');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  test('P toggles picture-in-picture, on and off', async ({ page }) => {
    // Debian's Chromium offers picture-in-picture, headless too: this test needs it.
    expect(await page.evaluate(() => document.pictureInPictureEnabled), 'the browser offers picture-in-picture').toBe(true);
    await expect(page.getByRole('button', { name: 'Picture-in-picture' })).toHaveCount(1);
    const inPip = () => playerVideo(page).evaluate((node) => (document.pictureInPictureElement === null ? 'none' : document.pictureInPictureElement === node ? 'player' : 'another element'));
    expect(await inPip()).toBe('none');
    await page.keyboard.press('p');
    await expect.poll(inPip, { message: 'the player is in picture-in-picture' }).toBe('player');
    await page.keyboard.press('p');
    await expect.poll(inPip, { message: 'and leaves it' }).toBe('none');
  });

  test('? opens the dialog "Keyboard shortcuts"; Escape closes it', async ({ page }) => {
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Picture-in-picture');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('? when the dialog\'s code is gone from the server (a redeploy since the page opened): a message, and the video plays on', async ({ page }) => {
    await page.route('**/assets/ShortcutsDialog-*.js', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    await page.keyboard.press('Shift+?');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the keyboard shortcuts' });
    await expect(alert).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Seek' }), 'the player stays').toBeVisible();
    await expectPlaying(page, { message: 'the video plays on' });
    await page.keyboard.press('k');
    await expect.poll(async () => (await videoState(page)).paused, { message: 'the other shortcuts still work' }).toBe(true);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeHidden();
  });

  test('keys typed into a text field are not shortcuts', async ({ page }) => {
    await pausedAt(page, 1);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Scratch field');
      document.querySelector('main')?.prepend(input);
    });
    const field = page.getByRole('textbox', { name: 'Scratch field' });
    await field.click();
    // As shortcuts, each of these keys would leave a mark: K plays, 5 jumps to 50 %, L moves 10 s, > speeds up, N goes to a step.
    await page.keyboard.type('k5l>n');
    await expect(field).toHaveValue('k5l>n');
    // A shortcut acts in its keydown handler; give anything it might have queued two frames to land.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const state = await playerVideo(page).evaluate((node) => {
      const video = node as HTMLVideoElement;
      return { paused: video.paused, currentTime: Math.round(video.currentTime * 100) / 100, playbackRate: video.playbackRate };
    });
    expect(state, 'the video as it was before typing').toEqual({ paused: true, currentTime: 1, playbackRate: 1 });
    // The same key outside the field is a shortcut: the check above would have seen it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('k');
    await expect.poll(async () => (await videoState(page)).paused).toBe(false);
  });
});
