/** Helpers that read the player the way a user sees it: the one visible <video> and the "Seek" slider. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface VideoState {
  currentTime: number;
  duration: number;
  paused: boolean;
  muted: boolean;
  readyState: number;
  currentSrc: string;
  error: number | null;
}

/** The player: exactly one visible <video> (helper videos must stay hidden). */
export function playerVideo(page: Page): Locator {
  return page.locator('video').filter({ visible: true });
}

export function seekSlider(page: Page): Locator {
  return page.getByRole('slider', { name: 'Seek' });
}

export async function videoState(page: Page): Promise<VideoState> {
  return playerVideo(page).evaluate((node) => {
    const video = node as HTMLVideoElement;
    return {
      currentTime: video.currentTime,
      duration: video.duration,
      paused: video.paused,
      muted: video.muted,
      readyState: video.readyState,
      currentSrc: video.currentSrc,
      error: video.error ? video.error.code : null,
    };
  });
}

/** Null while there is not exactly one visible video (e.g. during loading or an error). */
async function videoStateOrNull(page: Page): Promise<VideoState | null> {
  if ((await playerVideo(page).count()) !== 1) return null;
  try {
    return await videoState(page);
  } catch {
    return null;
  }
}

/**
 * Waits until the visible video plays: not paused, muted, and its currentTime advances by at least
 * `advanceSec` (from wherever it was when it first played). Returns the last state seen.
 */
export async function expectPlaying(page: Page, options: { timeout?: number; advanceSec?: number; message?: string } = {}): Promise<VideoState> {
  const timeout = options.timeout ?? 30_000;
  const advanceSec = options.advanceSec ?? 0.5;
  const label = options.message ?? 'the visible video plays';
  let firstPlaying: number | null = null;
  let last: VideoState | null = null;
  await expect
    .poll(
      async () => {
        last = await videoStateOrNull(page);
        if (!last || last.paused || last.readyState < 2 || last.error !== null) return `not playing: ${JSON.stringify(last)}`;
        if (firstPlaying === null) firstPlaying = last.currentTime;
        return last.currentTime - firstPlaying >= advanceSec ? 'advancing' : `waiting for time to advance past ${firstPlaying + advanceSec}: ${last.currentTime}`;
      },
      { timeout, message: label, intervals: [100, 200, 250] },
    )
    .toBe('advancing');
  const state = last as VideoState | null;
  if (!state) throw new Error('unreachable: no video state');
  expect(state.muted, 'the player starts muted (recordings have no sound; muted autoplay is allowed)').toBe(true);
  return state;
}

/** Records every `seeking` target of the visible video into `window.__e2eSeeks`. */
export async function recordSeeks(page: Page): Promise<void> {
  await playerVideo(page).evaluate((node) => {
    const video = node as HTMLVideoElement;
    const w = window as unknown as { __e2eSeeks?: number[] };
    w.__e2eSeeks = [];
    video.addEventListener('seeking', () => w.__e2eSeeks?.push(video.currentTime));
  });
}

export async function recordedSeeks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __e2eSeeks?: number[] }).__e2eSeeks ?? []);
}

/** Clicks the Seek track at `fraction` of its bounding box (vertically centred). */
export async function clickSliderAt(page: Page, fraction: number): Promise<void> {
  const slider = seekSlider(page);
  await expect(slider).toBeVisible();
  const box = await slider.boundingBox();
  if (!box) throw new Error('the Seek slider has no bounding box');
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

export interface SliderValues {
  min: number;
  max: number;
  now: number;
  text: string | null;
}

export async function sliderValues(page: Page): Promise<SliderValues> {
  return seekSlider(page).evaluate((node) => ({
    min: Number(node.getAttribute('aria-valuemin')),
    max: Number(node.getAttribute('aria-valuemax')),
    now: Number(node.getAttribute('aria-valuenow')),
    text: node.getAttribute('aria-valuetext'),
  }));
}

/** `m:ss` below one hour, `h:mm:ss` from one hour (the contract for aria-valuetext). */
export function clockText(totalSec: number): string {
  const whole = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Where playback started, however long it has run since: the start of the last range the video
 * played (ranges are sorted by time, so a jump forward after a brief start at 0 counts as the start).
 */
export async function firstPlayedSec(page: Page): Promise<number | null> {
  return playerVideo(page).evaluate((node) => {
    const played = (node as HTMLVideoElement).played;
    return played.length > 0 ? played.start(played.length - 1) : null;
  });
}

/** Pauses the player at `videoSec` and waits for that frame (a known moment for a test). */
export async function pausedAt(page: Page, videoSec: number): Promise<void> {
  await playerVideo(page).evaluate(async (node, sec) => {
    const video = node as HTMLVideoElement;
    video.pause();
    video.currentTime = sec;
    await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
  }, videoSec);
}
