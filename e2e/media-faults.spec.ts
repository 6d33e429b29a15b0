/** Issue 3: media faults — expiring links, storage without CORS, a 2-hour replay. */
import { BREAKS_AT_SEGMENT, CLIP_VIDEO_START_MS, LONG_DURATION_MS, LONG_VIDEO_START_MS, SHORT_LINKS_DURATION_MS } from './support/fake-upstream.js';
import { expect, test } from './support/fixtures.js';
import { clickSliderAt, expectPlaying, recordSeeks, recordedSeeks, seekSlider, sliderValues, videoState } from './support/player.js';

/** The design's floor between two scheduled renewals (MIN_RENEW_DELAY_MS, 5 s), less clock rounding. */
const MIN_RENEW_GAP_MS = 5_000 - 50;

test('short-lived links: playback continues past the first expires_at, and a seek after expiry still plays', async ({ page, sid, upstream }) => {
  test.setTimeout(120_000);
  const id = sid('short-links');
  const durationSec = SHORT_LINKS_DURATION_MS / 1000;
  await page.goto(`/sessions/${id}`);
  await expectPlaying(page);
  const firstExpiry = upstream.issuedExpiries(id)[0];
  if (firstExpiry === undefined) throw new Error('the fake upstream issued no links');

  // Let the first links expire while watching.
  await expect
    .poll(() => Date.now(), { timeout: upstream.options.shortLinkTtlMs + 15_000, message: 'waiting past the first expires_at' })
    .toBeGreaterThan(firstExpiry + 2_000);
  await expectPlaying(page, { advanceSec: 1, message: 'still playing after the first links expired' });

  // A seek to an unbuffered position after expiry needs fresh links.
  await recordSeeks(page);
  await clickSliderAt(page, 0.9);
  const target = 0.9 * durationSec;
  await expect.poll(async () => (await recordedSeeks(page)).some((t) => Math.abs(t - target) <= 1)).toBe(true);
  await expectPlaying(page, { timeout: 20_000, advanceSec: 1, message: 'plays after a seek past expiry' });
  const state = await videoState(page);
  expect(state.currentTime, 'playing at the sought position, not elsewhere').toBeGreaterThanOrEqual(target - 1);

  const calls = upstream.replayCalls(id);
  expect(calls.length, 'the replay was renewed').toBeGreaterThanOrEqual(2);
  const refused = upstream.storageRequests({ sessionId: id }).filter((r) => r.status === 403);
  // Renewals come at a fraction of the links' remaining lifetime but never less than 5 s apart
  // (src/shared/link-expiry.ts: max(5 s, 0.6 × remaining); here 0.6 × 8 s < 5 s). Only storage refusing a
  // link (403) may ask sooner, once: so every gap under 5 s follows a 403. A timer never fires early:
  // the floor holds whatever the load.
  const gaps = calls.slice(1).map((call, i) => ({ gapMs: call.atMs - (calls[i]?.atMs ?? 0), fromMs: calls[i]?.atMs ?? 0, toMs: call.atMs }));
  const described = `gaps between replay calls: ${JSON.stringify(gaps.map((g) => g.gapMs))}; storage 403s: ${refused.length}`;
  for (const { gapMs, fromMs, toMs } of gaps) {
    if (gapMs >= MIN_RENEW_GAP_MS) continue;
    expect(refused.some((r) => r.atMs >= fromMs && r.atMs <= toMs), `a renewal ${gapMs} ms after the last one, with no 403 before it; ${described}`).toBe(true);
  }
  // Each 403 costs at most one renewal (the segment is then fetched on its fresh link), never a loop of refusals.
  expect(refused.length, `no blind retry loop on 403s; ${described}`).toBeLessThanOrEqual(calls.length - 1);
});

test('storage without CORS headers for segments → falls back to the mp4 and plays', async ({ page, sid, upstream }) => {
  const id = sid('no-cors-hls');
  await page.goto(`/sessions/${id}`);
  const state = await expectPlaying(page, { timeout: 30_000 });
  expect(state.currentSrc).toMatch(/\.mp4(\?|$)/);
  expect(upstream.storageRequests({ sessionId: id }).some((r) => r.mode === 'nocors'), 'HLS was tried first').toBe(true);
});

test('a stream that breaks mid-way falls back to the mp4 where the video was, not at 0:00', async ({ page, sid, upstream }) => {
  const id = sid('hls-breaks-late');
  // Start 20 s into the video: 2 s before the first segment storage no longer has.
  const startVideoSec = 20;
  await page.goto(`/sessions/${id}?t=${CLIP_VIDEO_START_MS / 1000 + startVideoSec}`);
  await expect
    .poll(() => upstream.storageRequests({ sessionId: id }).some((r) => r.status === 404), { message: 'a missing segment was asked for' })
    .toBe(true);
  await expect
    .poll(async () => (await videoState(page)).currentSrc, { timeout: 30_000, message: 'the player fell back to the mp4' })
    .toMatch(/\.mp4(\?|$)/);
  const state = await expectPlaying(page, { message: 'the mp4 plays after the stream broke' });
  expect(state.currentTime, 'resumed where the stream broke').toBeGreaterThanOrEqual(startVideoSec - 0.5);
  const missing = upstream.storageRequests({ sessionId: id }).filter((r) => r.status === 404);
  expect(missing.every((r) => Number(/seg_(\d+)/.exec(r.path)?.[1]) >= BREAKS_AT_SEGMENT), 'only the missing segments failed').toBe(true);
});

test('a renewal answered "session not found" stops renewing: the viewer says so, offers Try again, and asks Notte no more', async ({ page, sid, upstream }) => {
  test.setTimeout(90_000);
  const id = sid('short-links-then-gone');
  await page.goto(`/sessions/${id}`);
  await expectPlaying(page);
  await expect(page.getByText('Could not renew the storage links:')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Playback continues until the current links expire.')).toBeVisible();
  const firstExpiry = upstream.issuedExpiries(id)[0];
  if (firstExpiry === undefined) throw new Error('the fake upstream issued no links');
  // Past the expiry, renewals would come every 5 s if a final answer were asked again.
  await expect
    .poll(() => Date.now(), { timeout: upstream.options.shortLinkTtlMs + 30_000, message: 'waiting 12 s past the expiry' })
    .toBeGreaterThan(firstExpiry + 12_000);
  // The scheduled renewal, and at most one more when storage refuses the expired links; then nothing.
  const statuses = upstream.replayCalls(id).map((call) => call.status);
  expect(statuses.slice(0, 2), 'the first answer, then the renewal').toEqual([200, 404]);
  expect(statuses.length, `replay calls: ${statuses.join(', ')}`).toBeLessThanOrEqual(3);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => upstream.replayCalls(id).length, { message: 'Try again asks once more' }).toBe(statuses.length + 1);
  await expect(page.getByText('Could not renew the storage links:')).toBeVisible();
});

test('storage without any CORS headers (mp4 too) → native mp4 playback still works', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('no-cors-all')}`);
  const state = await expectPlaying(page, { timeout: 30_000 });
  expect(state.currentSrc).toMatch(/\.mp4(\?|$)/);
});

test('a 2-hour replay with thousands of segments seeks to 90% and plays promptly', async ({ page, sid }) => {
  const durationSec = LONG_DURATION_MS / 1000;
  const startSec = LONG_VIDEO_START_MS / 1000;
  await page.goto(`/sessions/${sid('long')}`);
  await expectPlaying(page);
  const values = await sliderValues(page);
  expect(values.min).toBeCloseTo(startSec, 3);
  expect(values.max).toBeCloseTo(startSec + durationSec, 3);
  expect(values.text, 'h:mm:ss from one hour').toMatch(/^\d+:\d\d$/);

  // One pixel of the track is several seconds here: allow two pixels of rounding.
  const trackWidth = (await seekSlider(page).boundingBox())?.width ?? 1;
  const tolerance = Math.max(2, (2 * durationSec) / trackWidth);
  await recordSeeks(page);
  await clickSliderAt(page, 0.9);
  const target = 0.9 * durationSec;
  await expect.poll(async () => (await recordedSeeks(page)).some((t) => Math.abs(t - target) <= tolerance)).toBe(true);
  await expectPlaying(page, { timeout: 10_000, advanceSec: 1, message: 'plays within a few seconds of the seek' });
  expect((await videoState(page)).currentTime).toBeGreaterThanOrEqual(target - tolerance);
  await expect.poll(async () => (await sliderValues(page)).text).toMatch(/^\d:\d\d:\d\d$/);
});
