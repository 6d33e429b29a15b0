import { CLIP_VIDEO_START_MS } from './support/fake-upstream.js';
import { expect, test } from './support/fixtures.js';
import { expectPlaying, firstPlayedSec, playerVideo, seekSlider, videoState } from './support/player.js';

const START_SEC = CLIP_VIDEO_START_MS / 1000;
/** Video seconds of the fake session's timed steps (see sessionDetails in fake-upstream.ts). */
const STEP_VIDEO_SECS = [0.5, 2, 4, 7];

async function waitForVideoTime(page: import('@playwright/test').Page, videoSec: number, toleranceSec = 0.6) {
  await expect
    .poll(async () => Math.abs((await videoState(page)).currentTime - videoSec), { message: `video near ${videoSec} s` })
    .toBeLessThan(toleranceSec);
}

test.describe('steps on the timeline', () => {
  test('markers sit at (started_at − created_at) − video_start_ms, failures stand out', async ({ page, sid, upstream }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const durationSec = upstream.clipDurationMs / 1000;
    const slider = seekSlider(page);
    const markers = slider.locator('[data-step-marker]');
    await expect(markers).toHaveCount(STEP_VIDEO_SECS.length);
    const box = await slider.boundingBox();
    if (!box) throw new Error('no slider box');
    const lefts = await markers.evaluateAll((nodes) =>
      nodes.map((node) => {
        const rect = node.getBoundingClientRect();
        return rect.left + rect.width / 2;
      }),
    );
    lefts.forEach((left, i) => {
      const expected = box.x + ((STEP_VIDEO_SECS[i] ?? 0) / durationSec) * box.width;
      expect(Math.abs(left - expected), `marker ${i} at ${STEP_VIDEO_SECS[i]} s`).toBeLessThan(2);
    });
    await expect(slider.locator('.marker-failed')).toHaveCount(1);
  });

  test('the list "Steps" shows every step; clicking or Enter seeks; the current one is marked', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    // Paused, so that the clip cannot run past the positions checked below on a slow machine.
    await playerVideo(page).evaluate((node) => (node as HTMLVideoElement).pause());
    const list = page.getByRole('list', { name: 'Steps' });
    const items = list.getByRole('listitem');
    await expect(items).toHaveCount(7);
    await expect(list).toContainText('Element not clickable');
    await expect(items.filter({ hasText: 'Log in' })).toContainText(new RegExp(`0:0${START_SEC + 2}`));

    await items.filter({ hasText: 'alice@example.com' }).getByRole('button').click();
    await waitForVideoTime(page, 4, 0.1);
    await expect(items.filter({ hasText: 'alice@example.com' })).toHaveAttribute('aria-current', 'true');

    await items.filter({ hasText: 'Log in' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await waitForVideoTime(page, 2, 0.1);
    await expect(items.filter({ hasText: 'Log in' })).toHaveAttribute('aria-current', 'true');
    await expect(list.locator('[aria-current]')).toHaveCount(1);
  });

  test('on a phone, the current step scrolls into view inside the list (not the page)', async ({ page, sid }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await playerVideo(page).evaluate((node) => (node as HTMLVideoElement).pause());
    const list = page.getByRole('list', { name: 'Steps' });
    await expect(list.getByRole('listitem')).toHaveCount(7);
    // A short list, so that the later steps sit below its visible part.
    await list.evaluate((node) => ((node as HTMLElement).style.maxHeight = '120px'));
    await playerVideo(page).evaluate((node) => ((node as HTMLVideoElement).currentTime = 7.5));
    const current = list.locator('[aria-current="true"]');
    await expect(current).toContainText('click');
    await expect
      .poll(
        async () => {
          const [row, box] = await Promise.all([current.boundingBox(), list.boundingBox()]);
          return row !== null && box !== null && row.y >= box.y - 1 && row.y + row.height <= box.y + box.height + 1;
        },
        { message: 'the current row lies inside the list box' },
      )
      .toBe(true);
  });

  test('steps outside the video are shown but disabled', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    const items = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(items).toHaveCount(7);
    await expect(items.first().getByRole('button')).toBeDisabled();
    // The fake's agent_step_start carries no time at all: the viewer does not claim where it happened.
    await expect(items.first()).toContainText('time unknown');
    await expect(items.filter({ hasText: 'Logged in' }).getByRole('button')).toBeDisabled();
  });

  test("a step's URL wraps after a slash, not in the middle of a word", async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    const detail = page.getByRole('list', { name: 'Steps' }).locator('.step-detail', { hasText: 'https://example.com/login' }).first();
    await expect(detail).toBeVisible();
    // The lines each text piece of the detail is laid out on (pieces are split at the URL's separators).
    const piecesLines = await detail.evaluate((node) =>
      [...node.childNodes]
        .filter((child) => child.nodeType === Node.TEXT_NODE)
        .map((child) => {
          const range = document.createRange();
          range.selectNodeContents(child);
          return { text: child.textContent, tops: [...new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))] };
        }),
    );
    // At this width (1280 px, two columns) the goto step's URL does not fit on one line next to its ✓.
    expect(new Set(piecesLines.flatMap((piece) => piece.tops)).size, JSON.stringify(piecesLines)).toBeGreaterThan(1);
    for (const piece of piecesLines) expect(piece.tops, `"${piece.text}" stays on one line`).toHaveLength(1);
    await expect(detail).toHaveText('https://example.com/login');
  });

  test('N and Shift+N jump to the next and previous step', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await page.keyboard.press('k');
    await expect.poll(async () => (await videoState(page)).paused).toBe(true);
    await playerVideo(page).evaluate((node) => {
      (node as HTMLVideoElement).currentTime = 3;
    });
    await page.keyboard.press('n');
    await waitForVideoTime(page, 4, 0.2);
    await page.keyboard.press('n');
    await waitForVideoTime(page, 7, 0.2);
    await page.keyboard.press('Shift+N');
    await waitForVideoTime(page, 4, 0.2);
  });

  test('the replay still plays when the steps cannot be loaded', async ({ page, sid, upstream }) => {
    // Notte answers the replay, but 500 for the session's details (the steps).
    const id = sid('details-fail');
    await page.goto(`/sessions/${id}`);
    await expectPlaying(page);
    // The app retries a 5xx a couple of times (1 s, then 2 s) before it says so.
    await expect(page.getByText(/steps could not be loaded/i)).toBeVisible({ timeout: 20_000 });
    const detailCalls = upstream.requests({ sessionId: id, kind: 'session' });
    expect(detailCalls.length, 'the details were asked for').toBeGreaterThanOrEqual(1);
    expect(detailCalls.map((call) => call.status), 'and failed each time').toEqual(detailCalls.map(() => 500));
    await expectPlaying(page, { message: 'the video plays on' });
  });
});

test.describe('time and links to a moment', () => {
  test('wall-clock mode shows local times from created_at, with UTC on hover', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await page.getByRole('button', { name: 'Wall clock' }).click();
    await expect(page.getByRole('button', { name: 'Wall clock' })).toHaveAttribute('aria-pressed', 'true');
    const readout = page.locator('.time-readout');
    await expect(readout).toHaveText(/\d\d:\d\d:\d\d/);
    await expect(readout).toHaveAttribute('title', /2026-03-01 10:00:\d\d UTC/);
    await expect(page.getByText('Closed')).toBeVisible();
    await expect(page.getByText('0:41')).toBeVisible();
  });

  for (const [label, param, videoSec] of [
    // Early in the clip, so that a slow machine still sees it playing.
    ['seconds', '6', 6 - START_SEC],
    ['1m5s form', '0m7s', 7 - START_SEC],
    ['ISO timestamp', '2026-03-01T10:00:05.250Z', 5 - START_SEC],
  ] as const) {
    test(`?t= as ${label} starts there`, async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('hls-ok')}?t=${encodeURIComponent(param)}`);
      await expectPlaying(page, { advanceSec: 0.2 });
      // Within a second of the moment asked for (segment boundaries may start playback a little early).
      const startedAt = await firstPlayedSec(page);
      expect(Math.abs((startedAt ?? -99) - videoSec)).toBeLessThan(1);
    });
  }

  test('"Copy link" copies the link at the current time; the other option without time', async ({ page, context, sid }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = sid('hls-ok');
    await page.goto(`/sessions/${id}`);
    await expectPlaying(page);
    await page.keyboard.press('k');
    await playerVideo(page).evaluate((node) => {
      (node as HTMLVideoElement).currentTime = 5;
    });
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    const withTime = await page.evaluate(() => navigator.clipboard.readText());
    expect(withTime).toBe(`${new URL(page.url()).origin}/sessions/${id}?t=${5 + START_SEC}`);
    await page.getByRole('button', { name: 'Copy without time' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}/sessions/${id}`);
  });
});

test('"Copy link" without the Clipboard API (plain http on a LAN address): copied the old way, focus stays on the button', async ({ page, sid }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  const button = page.getByRole('button', { name: 'Copy link', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  await expect(button, 'a keyboard user is where they were').toBeFocused();
});

test.describe('player controls', () => {
  test('after a speed chosen with the mouse the shortcuts work again; from the keyboard, focus stays on the select', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const speed = page.getByRole('combobox', { name: 'Playback speed' });
    // A native popup cannot be clicked in headless Chromium: what a click does (press, focus), then the choice.
    await speed.dispatchEvent('pointerdown');
    await speed.focus();
    await speed.selectOption('1.5');
    await expect(speed).not.toBeFocused();
    await page.keyboard.press('k');
    await expect.poll(() => playerVideo(page).evaluate((node) => (node as HTMLVideoElement).paused), { message: 'k pauses' }).toBe(true);
    await speed.focus();
    await page.keyboard.press('ArrowUp');
    await expect(speed).toBeFocused();
  });

  test('speed is chosen, applied and remembered', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('2');
    await expect.poll(() => playerVideo(page).evaluate((node) => (node as HTMLVideoElement).playbackRate)).toBe(2);
    await page.reload();
    await expectPlaying(page);
    expect(await playerVideo(page).evaluate((node) => (node as HTMLVideoElement).playbackRate)).toBe(2);
    await expect(page.getByRole('combobox', { name: 'Playback speed' })).toHaveValue('2');
  });

  test('the mp4 downloads under the session name', async ({ page, sid }) => {
    const id = sid('hls-ok');
    await page.goto(`/sessions/${id}`);
    await expectPlaying(page);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download MP4' }).click();
    expect((await download).suggestedFilename()).toBe(`notte-session-${id}.mp4`);
  });

  test('hovering the scrubber previews the time, the step and a frame; the helper video stays hidden', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const box = await seekSlider(page).boundingBox();
    if (!box) throw new Error('no slider box');
    const durationSec = (await videoState(page)).duration;
    await page.mouse.move(box.x + box.width * (4.2 / durationSec), box.y + box.height / 2);
    const preview = page.locator('.scrubber-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toContainText(`0:0${Math.floor(4.2 + START_SEC)}`);
    await expect(preview).toContainText('fill');
    await expect(preview.locator('canvas')).toBeVisible();
    await expect(page.locator('video').filter({ visible: true })).toHaveCount(1);
    // It follows the pointer (written in place, not re-rendered) and goes when the pointer leaves.
    const firstLeft = await preview.evaluate((node) => node.getBoundingClientRect().left);
    await page.mouse.move(box.x + box.width * (13.5 / durationSec), box.y + box.height / 2);
    await expect(preview).toContainText(`0:${Math.floor(13.5 + START_SEC)}`);
    expect(await preview.evaluate((node) => node.getBoundingClientRect().left)).toBeGreaterThan(firstLeft);
    await page.mouse.move(5, 5);
    await expect(preview).toBeHidden();
  });
});
