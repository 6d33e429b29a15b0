import type { Page } from '@playwright/test';
import { CLIP_VIDEO_START_MS } from './support/fake-upstream.js';
import { expect, test } from './support/fixtures.js';
import {
  clickSliderAt,
  clockText,
  expectPlaying,
  firstPlayedSec,
  pausedAt,
  playerVideo,
  recordSeeks,
  recordedSeeks,
  seekSlider,
  sliderValues,
  videoState,
} from './support/player.js';

const START_SEC = CLIP_VIDEO_START_MS / 1000;

test.describe('viewer: playback', () => {
  test('HLS plays from the in-memory playlist, muted, and time advances', async ({ page, sid, upstream }) => {
    const id = sid('hls-ok');
    await page.goto(`/sessions/${id}`);
    await expect(playerVideo(page)).toHaveCount(1);
    const state = await expectPlaying(page, { advanceSec: 1.5 });
    expect(state.muted).toBe(true);
    const segments = upstream.storageRequests({ sessionId: id }).filter((r) => r.asset.endsWith('.ts'));
    expect(segments.length, 'HLS segments were fetched from storage').toBeGreaterThan(0);
    expect(segments.every((r) => r.status === 200), 'segments came back 200').toBe(true);

    const [call] = upstream.replayCalls(id);
    expect(call?.headers['authorization']).toBe(`Bearer ${upstream.apiKey}`);
    expect(call?.headers['x-notte-request-origin'], 'the proxy names itself to Notte').toBeTruthy();
  });

  test('mp4-only replay plays the mp4', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('mp4-only')}`);
    const state = await expectPlaying(page);
    expect(state.currentSrc).toMatch(/\.mp4(\?|$)/);
  });

  test('broken HLS (segments 404) falls back to the mp4 and plays; HLS stops retrying', async ({ page, sid, upstream }) => {
    const id = sid('broken-hls');
    await page.goto(`/sessions/${id}`);
    const state = await expectPlaying(page, { timeout: 30_000 });
    expect(state.currentSrc).toMatch(/\.mp4(\?|$)/);
    const missingBefore = upstream.storageRequests({ sessionId: id }).filter((r) => r.mode === 'missing').length;
    expect(missingBefore, 'the HLS segments were tried first').toBeGreaterThan(0);
    // Watch a little more playback (or the end of the short clip), then the count must not have grown.
    const t0 = (await videoState(page)).currentTime;
    await expect
      .poll(async () => {
        const now = await videoState(page);
        return now.currentTime >= t0 + 1.5 || now.currentTime >= now.duration - 0.1;
      })
      .toBe(true);
    const missingAfter = upstream.storageRequests({ sessionId: id }).filter((r) => r.mode === 'missing').length;
    expect(missingAfter, 'the dead HLS instance no longer requests segments').toBe(missingBefore);
  });

  test('an fMP4 stream (init segment in #EXT-X-MAP, .m4s segments) plays and seeks, with no mp4 to fall back to', async ({ page, sid, upstream }) => {
    const id = sid('hls-fmp4');
    await page.goto(`/sessions/${id}`);
    await expectPlaying(page);
    await playerVideo(page).evaluate((node) => {
      (node as HTMLVideoElement).currentTime = 21;
    });
    await expect.poll(async () => (await videoState(page)).currentTime, { message: 'playing past the seek target' }).toBeGreaterThan(21.5);
    const fetched = upstream.storageRequests({ sessionId: id });
    expect(fetched.filter((r) => r.asset === 'clip/fmp4_init.mp4').map((r) => r.status)).toEqual([200]);
    const segments = fetched.filter((r) => r.asset.endsWith('.m4s'));
    expect(segments.some((r) => r.asset === 'clip/fmp4_010.m4s'), 'the segment of the seek target').toBe(true);
    expect(segments.every((r) => r.status === 200)).toBe(true);
  });

  test('a replay with expires_at null still plays', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('null-expiry')}`);
    await expectPlaying(page);
  });
});

test.describe('viewer: the Seek slider in session time', () => {
  test('bounds are video_start_ms..start+duration and valuenow tracks currentTime + start', async ({ page, sid, upstream }) => {
    const durationSec = upstream.clipDurationMs / 1000;
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const slider = seekSlider(page);
    await expect(slider).toBeVisible();
    await expect(slider).toHaveAttribute('aria-valuemin', String(START_SEC));
    const values = await sliderValues(page);
    expect(values.min).toBeCloseTo(START_SEC, 3);
    expect(values.max).toBeCloseTo(START_SEC + durationSec, 3);

    // role=slider sits on the whole track (a wide bar), not on a thumb or a hidden input.
    const trackBox = await slider.boundingBox();
    expect(trackBox && trackBox.width >= 100 && trackBox.width > 3 * trackBox.height, `the role=slider element is the track: ${JSON.stringify(trackBox)}`).toBe(true);

    // valuenow follows the video: currentTime + start, both read in the same task.
    const drift = () =>
      page.evaluate((startSec) => {
        const video = [...document.querySelectorAll('video')].find((v) => v.checkVisibility());
        const node = document.querySelector('[role="slider"]');
        if (!video || !node) return Number.POSITIVE_INFINITY;
        return Math.abs(Number(node.getAttribute('aria-valuenow')) - (video.currentTime + startSec));
      }, START_SEC);
    await expect.poll(drift, { message: '|aria-valuenow − (currentTime + start)|' }).toBeLessThan(0.75);

    const first = (await sliderValues(page)).now;
    await expect.poll(async () => (await sliderValues(page)).now, { message: 'valuenow advances while playing' }).toBeGreaterThan(first + 0.5);
    const later = await sliderValues(page);
    expect(later.now).toBeGreaterThanOrEqual(START_SEC);
    expect(later.text, 'aria-valuetext is aria-valuenow as m:ss').toBe(clockText(later.now));
  });

  test('a click at 75% of the track seeks the video to 75% of its duration', async ({ page, sid, upstream }) => {
    const durationSec = upstream.clipDurationMs / 1000;
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await recordSeeks(page);
    await clickSliderAt(page, 0.75);
    await expect
      .poll(async () => (await recordedSeeks(page)).some((t) => Math.abs(t - 0.75 * durationSec) <= 0.5), {
        message: `a seek to ≈${0.75 * durationSec}s`,
      })
      .toBe(true);
    const seeks = await recordedSeeks(page);
    expect(seeks.every((t) => Math.abs(t - 0.75 * durationSec) <= 0.5), `every seek lands at 75%: ${JSON.stringify(seeks)}`).toBe(true);
    const after = await videoState(page);
    expect(after.currentTime).toBeGreaterThanOrEqual(0.75 * durationSec - 0.5);
    await expect.poll(async () => (await sliderValues(page)).now).toBeGreaterThanOrEqual(START_SEC + 0.75 * durationSec - 0.5);
    // The readout follows the seek (after its first frame: player-store.ts).
    const readoutSec = async () => {
      const [min, sec] = ((await page.locator('.time-current').textContent()) ?? '').split(':').map(Number);
      return (min ?? 0) * 60 + (sec ?? 0);
    };
    await expect.poll(readoutSec).toBeGreaterThanOrEqual(Math.floor(START_SEC + 0.75 * durationSec - 0.5));
  });

  test('keyboard on the slider: Home, End and arrows seek', async ({ page, sid, upstream }) => {
    const durationSec = upstream.clipDurationMs / 1000;
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    await recordSeeks(page);
    const slider = seekSlider(page);
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await recordedSeeks(page)).at(-1) ?? -1).toBeGreaterThan(durationSec - 1);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await recordedSeeks(page)).at(-1) ?? -1).toBeLessThan(0.5);
    const beforeArrow = (await recordedSeeks(page)).length;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await recordedSeeks(page)).length).toBeGreaterThan(beforeArrow);
    const lastSeek = (await recordedSeeks(page)).at(-1) ?? -1;
    expect(lastSeek).toBeGreaterThan(0);
    // With Ctrl, Alt or Meta the keys belong to the browser (Alt+← is Back): the slider leaves them alone.
    const beforeModified = (await recordedSeeks(page)).length;
    const prevented = await slider.evaluate((node) => {
      const event = new KeyboardEvent('keydown', { key: 'ArrowLeft', ctrlKey: true, bubbles: true, cancelable: true });
      node.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented, 'Ctrl+← is not taken by the slider').toBe(false);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await recordedSeeks(page)).length, 'the plain arrow still seeks, once').toBe(beforeModified + 1);
  });

  test('?t= opens at that session time', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}?t=8`);
    await expectPlaying(page);
    // t=8 s of session time is 8 − 3 = 5 s into the video.
    expect(await firstPlayedSec(page)).toBeCloseTo(8 - START_SEC, 0);
    const values = await sliderValues(page);
    expect(values.now).toBeGreaterThanOrEqual(8 - 0.5);
  });

  test('junk ?t= is ignored and the replay plays from the start', async ({ page, sid }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`/sessions/${sid('hls-ok')}?t=%3Cscript%3E&foo=bar&t=-5`);
    await expectPlaying(page);
    expect(await firstPlayedSec(page)).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });

  test('null video_start_ms/video_duration_ms: bounds fall back to 0..media duration', async ({ page, sid, upstream }) => {
    await page.goto(`/sessions/${sid('null-bounds')}`);
    await expectPlaying(page);
    await expect.poll(async () => (await sliderValues(page)).max).toBeGreaterThan(upstream.clipDurationMs / 1000 - 0.5);
    const values = await sliderValues(page);
    expect(values.min).toBe(0);
    expect(values.max).toBeLessThan(upstream.clipDurationMs / 1000 + 0.5);
  });
});

/** Watches the playhead's writes while the video plays on by `advanceSec`. */
async function watchPlayhead(page: Page, advanceSec: number) {
  return page.evaluate(async (advance) => {
    const played = document.querySelector<HTMLElement>('.scrubber-played');
    const track = document.querySelector<HTMLElement>('[role="slider"]');
    const video = [...document.querySelectorAll('video')].find((v) => v.checkVisibility());
    if (!played || !track || !video) throw new Error('no playhead, track or video');
    let writes = 0;
    const observer = new MutationObserver((records) => {
      writes += records.length;
    });
    observer.observe(played, { attributes: true, attributeFilter: ['style'] });
    const fromSec = video.currentTime;
    const fromWidthPx = track.getBoundingClientRect().width;
    const deadline = performance.now() + 15_000;
    while (video.currentTime - fromSec < advance && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    return {
      writes,
      advancedSec: video.currentTime - fromSec,
      playedFraction: Number(played.style.getPropertyValue('--played')),
      currentSec: video.currentTime,
      trackDevicePx: Math.round(track.getBoundingClientRect().width * window.devicePixelRatio),
      trackResized: track.getBoundingClientRect().width !== fromWidthPx,
    };
  }, advanceSec);
}

test.describe('viewer: the playhead', () => {
  test('follows the video, on the track\'s device pixels', async ({ page, sid, upstream }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const watched = await watchPlayhead(page, 1);
    expect(watched.advancedSec).toBeGreaterThanOrEqual(1);
    // 1 s of a 30 s clip is tens of pixels: the playhead moves with the frames (however few a loaded machine shows).
    expect(watched.writes, 'writes of the playhead in 1 s of a short clip').toBeGreaterThanOrEqual(3);
    const onDevicePixels = watched.playedFraction * watched.trackDevicePx;
    expect(Math.abs(onDevicePixels - Math.round(onDevicePixels)), `--played ${watched.playedFraction} on ${watched.trackDevicePx} device px`).toBeLessThan(1e-6);
    const videoFraction = watched.currentSec / (upstream.clipDurationMs / 1000);
    // Read after the last write, up to a few frames later: within half a second of the video.
    expect(Math.abs(watched.playedFraction - videoFraction)).toBeLessThan(0.5 / (upstream.clipDurationMs / 1000) + 1 / watched.trackDevicePx);
  });

  test('on a 2-hour replay it is written only when it reaches another pixel', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('long')}`);
    await expectPlaying(page);
    const watched = await watchPlayhead(page, 1.5);
    expect(watched.advancedSec).toBeGreaterThanOrEqual(1.5);
    // 1.5 s of 2 hours is a fraction of a pixel on any track: one write at most, where it crosses into the
    // next pixel, and one more if the track changed width meanwhile (writing on every frame made 21 here).
    const allowed = watched.trackResized ? 2 : 1;
    expect(watched.writes, `writes of the playhead while the video played ${watched.advancedSec.toFixed(2)} s`).toBeLessThanOrEqual(allowed);
  });
});

test.describe('viewer: expiry countdown and sharing', () => {
  test('the countdown is a timer reading "Links expire in mm:ss" and counts down', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    const timer = page.getByRole('timer');
    await expect(timer).toBeVisible();
    await expect(timer).toHaveText(/Links expire in (\d+:)?\d+:\d\d/);
    const first = await timer.innerText();
    await expect.poll(async () => timer.innerText(), { timeout: 5_000, message: 'the countdown text changes' }).not.toBe(first);
    await expect(timer).toHaveText(/Links expire in (\d+:)?\d+:\d\d/);
    const minutes = /in (?:(\d+):)?(\d+):\d\d/.exec(await timer.innerText());
    const totalMinutes = Number(minutes?.[1] ?? 0) * 60 + Number(minutes?.[2] ?? -1);
    expect(totalMinutes, 'about one hour left (the fake upstream issues 1 h links)').toBeGreaterThanOrEqual(58);
    expect(totalMinutes).toBeLessThanOrEqual(60);
  });

  test('"Copy link" copies the viewer link with the moment shown; opened in a fresh browser context it plays from there', async ({ page, context, browser, sid, baseURL }) => {
    const id = sid('hls-ok');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
    await page.goto(`/sessions/${id}`);
    await expectPlaying(page);
    // Hold the video at a known moment: 10 s into the video is 13 s of session time (video_start_ms 3000).
    const videoSec = 10;
    await pausedAt(page, videoSec);
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.getByText(/copied/i).first()).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const sessionSec = videoSec + START_SEC;
    expect(link).toBe(`${baseURL ?? ''}/sessions/${id}?t=${sessionSec}`);

    const fresh = await browser.newContext();
    try {
      const teammate = await fresh.newPage();
      await teammate.goto(link);
      await expectPlaying(teammate);
      expect(await firstPlayedSec(teammate), 'the teammate starts where the link points').toBeCloseTo(videoSec, 0);
      const values = await sliderValues(teammate);
      expect(values.now, 'and the slider is past that moment').toBeGreaterThanOrEqual(sessionSec);
    } finally {
      await fresh.close();
    }
  });
});
