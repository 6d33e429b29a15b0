/** What the viewer says while it waits or after something failed, and where keyboard focus goes then. */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectPlaying } from './support/player.js';

function visibleAlert(page: Page) {
  return page.getByRole('alert').filter({ visible: true });
}

test('the one button named "Copy link" is unambiguous (role and name, as assistive tech and tests find it)', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  // Not exact: a name merely containing "Copy link" would make this match two buttons.
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copy without time' })).toBeVisible();
});

test('while the replay loads, its steps wait for the video: none is called "outside the video"', async ({ page, sid }) => {
  // `slow` holds the replay; its steps arrive at once.
  await page.goto(`/sessions/${sid('slow')}`);
  await expect(page.getByText('Loading the replay…')).toBeVisible();
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps.first()).toBeVisible();
  expect(await steps.count()).toBeGreaterThan(2);
  await expect(page.getByText('outside the video')).toHaveCount(0);
  const timedStep = steps.filter({ hasText: 'goto' });
  await expect(timedStep).toBeDisabled();
  await expect(timedStep).toHaveAttribute('title', 'Available once the video has loaded');
});

test.describe('final answers say what they mean', () => {
  const finals: Array<[scenario: string, title: string, sentence: string]> = [
    ['unavailable', 'No video', 'This session has no video: nothing was recorded for it.'],
    ['failed', 'Recording failed', 'The recording of this session failed'],
  ];
  for (const [scenario, title, sentence] of finals) {
    test(`${scenario}: "${sentence}"`, async ({ page, sid }) => {
      await page.goto(`/sessions/${sid(scenario)}`);
      await expect(visibleAlert(page)).toContainText(title);
      await expect(visibleAlert(page)).toContainText(sentence);
    });
  }
});

test('a session still running (410 waiting_for_session) is called that, with when the viewer checks again', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('waiting-then-ready')}`);
  await expect(visibleAlert(page)).toContainText('The session is still running');
  const countdown = page.getByText(/^Checking again in \d+ s\.$/);
  await expect(countdown).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open another session' })).toBeVisible();
  await expectPlaying(page, { timeout: 60_000 });
});

test('the countdown to the next check counts down', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('processing-forever')}`);
  const countdown = page.getByText(/^Checking again in \d+ s\.$/);
  await expect(countdown).toBeVisible();
  const seconds = async () => Number(/(\d+) s/.exec((await countdown.textContent().catch(() => '')) ?? '')?.[1]);
  // Some reading is lower than the one before it (a check in between starts a new, longer wait).
  let previous = Number.NaN;
  await expect
    .poll(
      async () => {
        const now = await seconds();
        const wentDown = now < previous;
        previous = now;
        return wentDown;
      },
      { message: 'the number goes down', intervals: [400] },
    )
    .toBe(true);
});

test('a Retry that brings the replay back keeps keyboard focus on the page, not on <body>', async ({ page, sid, upstream }) => {
  const id = sid('server-error');
  await page.goto(`/sessions/${id}`);
  const retry = visibleAlert(page).getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible({ timeout: 30_000 });
  upstream.heal(id);
  await retry.focus();
  await page.keyboard.press('Enter');
  await expectPlaying(page);
  const focused = await page.evaluate(() => (document.activeElement === document.body ? 'body' : (document.activeElement?.id ?? document.activeElement?.tagName)));
  expect(focused).toBe('main');
  // From there the shortcuts work at once (k pauses).
  await page.keyboard.press('k');
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLVideoElement>('video.player-video')?.paused)).toBe(true);
});

test('a Try again that fails again says so, and keeps focus on the button', async ({ page, sid }) => {
  test.setTimeout(90_000);
  await page.goto(`/sessions/${sid('short-links-then-gone')}`);
  await expectPlaying(page);
  await expect(page.getByText('Notte no longer has this session')).toBeVisible({ timeout: 30_000 });
  const tryAgain = page.getByRole('button', { name: 'Try again' });
  await tryAgain.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Tried again: still failing.')).toBeVisible();
  await expect(tryAgain).toBeFocused();
});

test('Download MP4 from storage without CORS opens the file in a new tab; the viewer stays', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('no-cors-all')}`);
  await expectPlaying(page, { timeout: 30_000 });
  const viewerUrl = page.url();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Download MP4' }).click();
  const popup = await popupOpened;
  expect(popup.url()).toMatch(/\.mp4(\?|$)/);
  await popup.close();
  expect(page.url()).toBe(viewerUrl);
  await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible();
});

test("a browser clock two hours fast still shows the links' real time left, and does not renew them in a loop", async ({ page, sid, upstream }) => {
  test.setTimeout(60_000);
  // The machine's clock is wrong, as in a VM or a container: every Date in the page is two hours ahead.
  await page.addInitScript(() => {
    const aheadMs = 2 * 3_600_000;
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    class FastDate extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date> | []) {
        if (args.length === 0) super(realNow() + aheadMs);
        else super(...(args as ConstructorParameters<typeof Date>));
      }
      static override now() {
        return realNow() + aheadMs;
      }
    }
    globalThis.Date = FastDate as DateConstructor;
  });
  const id = sid('hls-ok');
  // Counted in the browser: the proxy would answer repeated renewals from its cache, unseen upstream.
  const replayRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/sessions/${id}/replay`) replayRequests.push(request.url());
  });
  await page.goto(`/sessions/${id}`);
  await expectPlaying(page);
  expect(await page.evaluate(() => Date.now() - performance.timeOrigin - performance.now())).toBeGreaterThan(3_600_000);
  // The fake upstream's links live an hour.
  await expect(page.getByRole('timer')).toHaveText(/^Links expire in (59|1:00):\d\d/);
  const requestsAfterLoad = replayRequests.length;
  expect(requestsAfterLoad, 'the replay was asked for once (the preload)').toBe(1);
  await expect.poll(() => Date.now(), { timeout: 20_000, message: 'watching for renewals for 12 s' }).toBeGreaterThan(Date.now() + 12_000);
  expect(replayRequests.length, 'no renewal of links with an hour left').toBe(requestsAfterLoad);
  expect(upstream.replayCalls(id).length).toBe(1);
});
