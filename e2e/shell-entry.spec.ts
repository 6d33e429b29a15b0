import type { Page } from '@playwright/test';
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
  cspViolations: string[];
  entryRan: boolean;
}

const ENTRY_MARK = 'replay-viewer:boot';

/** Records, before any page script: when the server's video first had data, and every CSP violation. */
async function recordEntry(page: Page): Promise<void> {
  await page.addInitScript((entryMark) => {
    const record = { shellVideoData: null as { runsEntry: boolean; entryHadRun: boolean } | null, cspViolations: [] as string[] };
    (window as unknown as { entryRecord: typeof record }).entryRecord = record;
    addEventListener(
      'loadeddata',
      (event) => {
        const target = event.target;
        if (target instanceof HTMLVideoElement && target.hasAttribute('data-shell-video')) {
          record.shellVideoData ??= { runsEntry: target.hasAttribute('data-boot'), entryHadRun: performance.getEntriesByName(entryMark).length > 0 };
        }
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

/** The head's own module script: built pages have one; a streamed viewer page runs its entry elsewhere. */
function headModuleScripts(page: Page) {
  return page.locator('head script[type="module"]');
}

test('an mp4-only link: the entry runs once the video has data, from its handler, within the page\'s CSP', async ({ page, sid }) => {
  await recordEntry(page);
  // Without the 1 s wait's animation, only the video's data (or failure) can run the entry, however slow the machine.
  await page.route(/\/assets\/index-[\w-]+\.css$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\nvideo[data-boot] { animation: none; }` });
  });
  await page.goto(`/sessions/${sid('mp4-only')}`);
  await expect(seekSlider(page)).toBeVisible({ timeout: APP_SHOWN_MS });
  await expectPlaying(page, { advanceSec: 0.5 });
  const record = await readRecord(page);
  // A lookup slower than the page's 50 ms hls.js wait (a loaded machine, the edge runtime) gets the
  // entry's module script in the stage, as from the head, and its video later without handlers.
  const path = record.shellVideoData?.runsEntry ? 'the video runs the entry' : 'slow lookup: the stage runs the entry';
  test.info().annotations.push({ type: 'path', description: path });
  if (record.shellVideoData?.runsEntry) {
    expect(record.shellVideoData, "the server's video had data before the entry ran").toEqual({ runsEntry: true, entryHadRun: false });
  } else {
    expect(record.shellVideoData, "the server's video, late").toEqual({ runsEntry: false, entryHadRun: expect.any(Boolean) });
    await expect(page.locator('[data-shell-video]')).toHaveCount(1);
  }
  expect(record.entryRan).toBe(true);
  expect(record.cspViolations).toEqual([]);
  await expect(headModuleScripts(page)).toHaveCount(0);
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
  await expect(headModuleScripts(page)).toHaveCount(0);
});

test('an mp4 whose file never arrives: the video\'s 1 s wait still starts the app', async ({ page, sid }) => {
  await recordEntry(page);
  // The storage host hangs: no data, no error, ever.
  await page.route(/\.mp4(\?|$)/, () => undefined);
  await page.goto(`/sessions/${sid('mp4-only')}`, { waitUntil: 'commit' });
  await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible({ timeout: APP_SHOWN_MS });
  const record = await readRecord(page);
  expect(record.shellVideoData).toBeNull();
  expect(record.entryRan).toBe(true);
  expect(record.cspViolations).toEqual([]);
});
