import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectPlaying, seekSlider } from './support/player.js';

// On a shared link the server's page runs its entry (boot.ts) from the player's stage: an mp4-only
// replay's <video> imports it from its event handlers once it has data (or has failed, or after 1 s),
// so no script runs while the file starts to load (src/server/shell-boot.ts).

// Generous: two test workers on two CPUs; these tests are about what starts the app, not how fast.
const APP_SHOWN_MS = 30_000;

interface EntryRecord {
  /** The server's video had data: whether it runs the entry (`data-boot`), and whether the entry had run by then. */
  shellVideoData: { runsEntry: boolean; entryHadRun: boolean } | null;
  /** The server's video ended its 1 s CSS animation (the wait): whether the entry had run by then. */
  shellVideoWaitEnded: { runsEntry: boolean; entryHadRun: boolean } | null;
  /** `error` events of the server's video. */
  shellVideoErrors: number;
  cspViolations: string[];
  entryRan: boolean;
}

const ENTRY_MARK = 'replay-viewer:boot';

/** Records, before any page script: when the server's video first had data or ended its wait, and every CSP violation. */
async function recordEntry(page: Page): Promise<void> {
  await page.addInitScript((entryMark) => {
    type Moment = { runsEntry: boolean; entryHadRun: boolean };
    const record = {
      shellVideoData: null as Moment | null,
      shellVideoWaitEnded: null as Moment | null,
      shellVideoErrors: 0,
      cspViolations: [] as string[],
    };
    (window as unknown as { entryRecord: typeof record }).entryRecord = record;
    const shellVideo = (target: EventTarget | null) => (target instanceof HTMLVideoElement && target.hasAttribute('data-shell-video') ? target : null);
    const moment = (video: HTMLVideoElement): Moment => ({ runsEntry: video.hasAttribute('data-boot'), entryHadRun: performance.getEntriesByName(entryMark).length > 0 });
    // Capturing listeners on window run before the video's own handlers (which may run the entry).
    addEventListener(
      'loadeddata',
      (event) => {
        const video = shellVideo(event.target);
        if (video) record.shellVideoData ??= moment(video);
      },
      true,
    );
    addEventListener(
      'animationend',
      (event) => {
        const video = shellVideo(event.target);
        if (video) record.shellVideoWaitEnded ??= moment(video);
      },
      true,
    );
    addEventListener(
      'error',
      (event) => {
        if (shellVideo(event.target)) record.shellVideoErrors += 1;
      },
      true,
    );
    document.addEventListener('securitypolicyviolation', (event) => record.cspViolations.push(`${event.violatedDirective}: ${event.sample}`));
  }, ENTRY_MARK);
}

async function readRecord(page: Page): Promise<EntryRecord> {
  return page.evaluate(
    (entryMark) => ({
      ...(window as unknown as { entryRecord: Omit<EntryRecord, 'entryRan'> }).entryRecord,
      entryRan: performance.getEntriesByName(entryMark).length > 0,
    }),
    ENTRY_MARK,
  );
}

/** Module scripts anywhere in the page: built pages have one in the head; a stage without a video that runs the entry has its own. */
function moduleScripts(page: Page) {
  return page.locator('script[type="module"]');
}

/**
 * The server decides what the stage holds from its own lookup of the replay, and waits 50 ms for it
 * before it treats the lookup as slow (src/server/shell-video.ts: then the stage gets the entry's
 * module script, and the video later, without handlers). A replay the proxy has cached is known at
 * once, however loaded the machine: asking for it first makes the page take the video path.
 */
async function cacheReplay(request: APIRequestContext, sessionId: string): Promise<void> {
  const response = await request.get(`/api/sessions/${sessionId}/replay`);
  expect(response.status(), 'the replay is cached by the proxy').toBe(200);
}

test('an mp4-only link: the entry runs once the video has data, from its handler, within the page\'s CSP', async ({ page, sid, request }) => {
  const id = sid('mp4-only');
  await cacheReplay(request, id);
  await recordEntry(page);
  // Without the 1 s wait's animation, only the video's data (or failure) can run the entry, however slow the machine.
  await page.route(/\/assets\/index-[\w-]+\.css$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nvideo[data-boot] { animation: none; }` });
  });
  await page.goto(`/sessions/${id}`);
  await expect(seekSlider(page)).toBeVisible({ timeout: APP_SHOWN_MS });
  await expectPlaying(page, { advanceSec: 0.5 });
  // The page took the video path: the server's video carries the entry, and no module script runs it.
  await expect(page.locator('video[data-shell-video][data-boot]')).toHaveCount(1);
  await expect(moduleScripts(page), 'no module script: the video runs the entry').toHaveCount(0);
  const record = await readRecord(page);
  expect(record.shellVideoData, "the server's video had data before the entry ran").toEqual({ runsEntry: true, entryHadRun: false });
  expect(record.shellVideoErrors).toBe(0);
  expect(record.entryRan).toBe(true);
  expect(record.cspViolations).toEqual([]);
});

test('a stream link runs the entry from the stage and plays, within the page\'s CSP', async ({ page, sid }) => {
  await recordEntry(page);
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expect(seekSlider(page)).toBeVisible({ timeout: APP_SHOWN_MS });
  await expectPlaying(page, { advanceSec: 0.5 });
  const record = await readRecord(page);
  expect(record.cspViolations).toEqual([]);
  expect(record.shellVideoData, 'no video from the server for a stream').toBeNull();
  expect(record.entryRan).toBe(true);
  await expect(page.locator('head script[type="module"]')).toHaveCount(0);
});

test('an mp4 whose file never arrives: the video\'s 1 s wait still starts the app', async ({ page, sid, request, upstream }) => {
  // The fake storage never answers this mp4's request: no data, no error, ever.
  const id = sid('mp4-hangs');
  await cacheReplay(request, id);
  await recordEntry(page);
  await page.goto(`/sessions/${id}`, { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible({ timeout: APP_SHOWN_MS });
  // The server's video carries the entry, and nothing else could have run it: no module script anywhere.
  await expect(page.locator('video[data-shell-video][data-boot]')).toHaveCount(1);
  await expect(moduleScripts(page), 'no module script: the video runs the entry').toHaveCount(0);
  const record = await readRecord(page);
  expect(record.shellVideoData, 'the video never had data').toBeNull();
  expect(record.shellVideoErrors, 'nor failed').toBe(0);
  expect(record.shellVideoWaitEnded, 'its wait ended before the entry had run').toEqual({ runsEntry: true, entryHadRun: false });
  expect(record.entryRan).toBe(true);
  expect(record.cspViolations).toEqual([]);
  const mp4Requests = upstream.storageRequests({ sessionId: id }).filter((r) => r.asset === 'clip/clip.mp4');
  expect(mp4Requests.length, 'the video asked storage for its file').toBeGreaterThanOrEqual(1);
  expect(mp4Requests.map((r) => r.status), 'storage never answered it').toEqual(mp4Requests.map(() => 0));
});
