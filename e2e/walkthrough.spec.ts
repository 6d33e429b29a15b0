/** Found by using the viewer as a person would (a walkthrough of session 16): each test fails on the build before its fix. */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { clickSliderAt, expectPlaying, playerVideo, seekSlider } from './support/player.js';

const videoSec = (page: Page) => playerVideo(page).evaluate((video: HTMLVideoElement) => video.currentTime);

test('drags that follow one another each land where they end (a left-over selection used to cut the next one short)', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  await playerVideo(page).evaluate((video: HTMLVideoElement) => video.pause());
  const box = await seekSlider(page).boundingBox();
  if (!box) throw new Error('no Seek slider');
  const durationSec = await playerVideo(page).evaluate((video: HTMLVideoElement) => video.duration);
  const y = box.y + box.height / 2;
  const drag = async (from: number, to: number) => {
    await page.mouse.move(box.x + box.width * from, y);
    await page.mouse.down();
    for (let step = 1; step <= 12; step += 1) await page.mouse.move(box.x + box.width * (from + ((to - from) * step) / 12), y);
    await page.mouse.up();
    await expect.poll(() => videoSec(page), { message: `a drag from ${from} to ${to}` }).toBeCloseTo(durationSec * to, 0);
  };
  await drag(0.2, 0.7);
  await drag(0.4, 0.9);
  await drag(0.5, 0.1);
});

test('a link past the end of the video (copied on its last frame, or a ?t= beyond it) shows the end, not a restart from 0:00', async ({ page, sid }) => {
  // hls-ok: the video starts 3 s into the session and lasts 30 s, so session second 60 is past its end.
  await page.goto(`/sessions/${sid('hls-ok')}?t=60`);
  await expect.poll(() => playerVideo(page).evaluate((video: HTMLVideoElement) => video.ended), { message: 'plays its last moment, then ends' }).toBe(true);
  // …and stays there once the app has started (it used to call play() on the ended video: from 0:00).
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect.poll(() => Date.now(), { message: 'watching for 3 s' }).toBeGreaterThan(Date.now() + 3_000);
  expect(await videoSec(page)).toBeGreaterThan(29);
});

test('a reload continues where the viewer was, paused if it was; a link opened afresh still starts at its ?t=', async ({ page, context, sid }) => {
  const id = sid('hls-ok');
  await page.goto(`/sessions/${id}?t=6`);
  await expectPlaying(page);
  await clickSliderAt(page, 0.6);
  await expect.poll(() => videoSec(page)).toBeGreaterThan(15);
  await page.keyboard.press('k');
  await expect.poll(() => playerVideo(page).evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
  const pausedAtSec = await videoSec(page);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect.poll(() => videoSec(page), { message: 'back where it was' }).toBeCloseTo(pausedAtSec, 0);
  // Paused, and it stays paused.
  await expect.poll(() => Date.now(), { message: 'watching for 2 s' }).toBeGreaterThan(Date.now() + 2_000);
  expect(await playerVideo(page).evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
  expect(await videoSec(page)).toBeCloseTo(pausedAtSec, 0);

  // The same link in a new tab is a fresh start at ?t=6 (3 s into the video), playing.
  const other = await context.newPage();
  await other.goto(`/sessions/${id}?t=6`);
  const state = await expectPlaying(other);
  expect(state.currentTime).toBeLessThan(10);
  await other.close();
});

test('Back to a viewer continues where it was left, not from the start', async ({ page, sid }) => {
  const id = sid('hls-ok');
  await page.goto(`/sessions/${id}`);
  await expectPlaying(page);
  await clickSliderAt(page, 0.7);
  await expect.poll(() => videoSec(page)).toBeGreaterThan(18);
  const leftAtSec = await videoSec(page);
  await page.getByRole('link', { name: 'Notte Replay' }).click();
  await expect(page.getByRole('textbox', { name: 'Session ID' })).toBeVisible();
  await page.goBack();
  await expectPlaying(page);
  expect(await videoSec(page)).toBeGreaterThan(leftAtSec - 2.5);
});

test('a double click on the video toggles fullscreen; a click on the shortcuts dialog\'s backdrop closes it', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  await playerVideo(page).dblclick();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.getAttribute('aria-label') ?? null)).toBe('Replay player');
  await playerVideo(page).dblclick();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  // Inside the dialog's box: it stays.
  const box = await dialog.boundingBox();
  if (!box) throw new Error('no dialog box');
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect(dialog).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(dialog).toBeHidden();
});

test('the steps list does not pull its reader back to the current step', async ({ page, sid }) => {
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  const list = page.getByRole('list', { name: 'Steps' });
  const canScroll = await list.evaluate((node) => node.scrollHeight > node.clientHeight + 20);
  expect(canScroll, 'the list scrolls at this height').toBe(true);
  // The reader scrolls to the bottom with the wheel, then moves the pointer away.
  await list.hover();
  await page.mouse.wheel(0, 2_000);
  await expect.poll(() => list.evaluate((node) => node.scrollTop)).toBeGreaterThan(0);
  const readAt = await list.evaluate((node) => node.scrollTop);
  await page.mouse.move(5, 5);
  // A new current step while they read (a seek back to the first step on the video) leaves the list where it is.
  await clickSliderAt(page, 0.02);
  await expect.poll(() => Date.now(), { message: 'watching for 2 s' }).toBeGreaterThan(Date.now() + 2_000);
  expect(await list.evaluate((node) => node.scrollTop)).toBe(readAt);
});
