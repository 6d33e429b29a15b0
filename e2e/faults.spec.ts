/** Issue 3: every upstream fault and bad input gets a clear answer in the UI. */
import type { Page } from '@playwright/test';
import { freePort } from './support/app-server.js';
import { LONGER_PROCESSING_CALLS } from './support/fake-upstream.js';
import { expect, test } from './support/fixtures.js';
import { expectPlaying } from './support/player.js';

/** How long we watch for further upstream calls after a final answer (absence needs a window). */
const QUIET_WINDOW_MS = 5_000;

function visibleAlert(page: Page) {
  return page.getByRole('alert').filter({ visible: true });
}

test.describe('upstream says: not ready yet', () => {
  test('processing → a processing status that polls with backoff, then plays by itself', async ({ page, sid, upstream }) => {
    test.setTimeout(120_000);
    const id = sid('processing-longer-then-ready');
    await page.goto(`/sessions/${id}`);
    await expect(page.getByText(/processing|not ready/i).filter({ visible: true }).first()).toBeVisible();
    await expectPlaying(page, { timeout: 90_000 });
    const calls = upstream.replayCalls(id);
    // The page's own lookup, one poll per "still processing" answer, and nothing after the replay was ready.
    expect(calls.map((call) => call.status)).toEqual([...Array<number>(LONGER_PROCESSING_CALLS).fill(404), 200]);
    const gaps = calls.slice(1).map((call, i) => call.atMs - (calls[i]?.atMs ?? 0));
    const described = `gaps between polls: ${JSON.stringify(gaps)}`;
    // By design the first poll waits 3 s and each next one 1.5 times as long: a timer never fires
    // early, so these are floors, whatever the load.
    gaps.forEach((gap, i) => expect(gap, `poll ${i + 1}; ${described}`).toBeGreaterThanOrEqual(3_000 * 1.5 ** i - 50));
    // The gaps grow. The first one also holds the page's load (the poll waits for the app), so compare from the second:
    // 4.5 s, 6.75 s, 10.1 s (margins of 2 s and more).
    for (let i = 2; i < gaps.length; i += 1) expect(gaps[i], described).toBeGreaterThan(gaps[i - 1] ?? Infinity);
  });

  test('waiting for the session (410 retryable) → waits, then plays by itself', async ({ page, sid }) => {
    test.setTimeout(120_000);
    await page.goto(`/sessions/${sid('waiting-then-ready')}`);
    await expect(page.getByText(/processing|not ready|waiting|still running/i).filter({ visible: true }).first()).toBeVisible();
    await expectPlaying(page, { timeout: 90_000 });
  });
});

test.describe('upstream says: final answers (no polling)', () => {
  const finals: Array<[scenario: string, text: RegExp]> = [
    ['not-found', /not found/i],
    ['failed', /fail/i],
    ['unavailable', /no (video|frames|replay)|unavailable|not available|fail/i],
  ];
  for (const [scenario, text] of finals) {
    test(`${scenario} → a final message and no further upstream calls`, async ({ page, sid, upstream }) => {
      const id = sid(scenario);
      await page.goto(`/sessions/${id}`);
      await expect(visibleAlert(page)).toContainText(text);
      const callsAtAlert = upstream.replayCalls(id).length;
      expect(callsAtAlert, 'a non-retryable answer is never retried').toBe(1);
      await page.waitForTimeout(QUIET_WINDOW_MS);
      expect(upstream.replayCalls(id).length, 'no polling after a final answer').toBe(callsAtAlert);
      await expect(visibleAlert(page)).toContainText(text);
    });
  }

  test('an unknown ID → an alert saying "not found"', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('no-such-scenario')}`);
    await expect(visibleAlert(page)).toContainText(/not found/i);
  });
});

test.describe('upstream says: slow down / broken', () => {
  test('429 with Retry-After → says it waits, makes no call before Retry-After, then plays', async ({ page, sid, upstream, startApp }) => {
    // An upstream 429 rightly pauses every upstream call of that app (the limit is per key): use an app of its own.
    const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey });
    const id = sid('rate-limited');
    await page.goto(`${server.url}/sessions/${id}`);
    await expect(page.getByText(/rate|wait|trying again|too many/i).filter({ visible: true }).first()).toBeVisible();
    await expectPlaying(page, { timeout: 30_000 });
    const calls = upstream.replayCalls(id);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    const [first, second] = calls;
    expect((second?.atMs ?? 0) - (first?.atMs ?? 0), 'no upstream call before Retry-After').toBeGreaterThanOrEqual(
      upstream.options.retryAfterSec * 1000 - 50,
    );
  });

  test('5xx/529 → a message and a Retry button that works; automatic retries are bounded', async ({ page, sid, upstream }) => {
    const id = sid('server-error');
    const asked: number[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/sessions/${id}/replay`) asked.push(Date.now());
    });
    await page.goto(`/sessions/${id}`);
    const alert = visibleAlert(page);
    const retry = alert.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText(/\S{3,}/);
    // The HTML's preload, then two automatic retries (refresh-policy.ts: MAX_AUTOMATIC_RETRIES).
    expect(asked, 'the first request and two automatic retries').toHaveLength(3);
    const upstreamCalls = upstream.replayCalls(id).length;
    expect(upstreamCalls, 'the proxy adds no retries of its own').toBeLessThanOrEqual(asked.length);
    await page.waitForTimeout(5_000);
    expect(asked, 'no background requests once the error is shown').toHaveLength(3);
    expect(upstream.replayCalls(id).length).toBe(upstreamCalls);
    upstream.heal(id);
    await retry.click();
    await expectPlaying(page, { timeout: 30_000 });
  });

  test('no answer from Notte → the proxy gives up (504) and the page says it timed out, with Retry', async ({ page, sid }) => {
    const id = sid('slow');
    const answers: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === `/api/sessions/${id}/replay`) answers.push(response.status());
    });
    await page.goto(`/sessions/${id}`, { waitUntil: 'commit' });
    // A hang guard, not a timing: the proxy's own limit is ~10 s, the fake holds the request 20 s.
    await expect(visibleAlert(page)).toContainText(/timed out|time ?out|did not answer in time/i, { timeout: 30_000 });
    await expect(visibleAlert(page).getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(answers, 'the proxy answered 504, not the fake upstream after its 20 s').toEqual([504]);
  });

  test('200 with a body that fails the schema → "unexpected response"', async ({ page, sid, app }) => {
    const id = sid('malformed');
    await page.goto(`/sessions/${id}`);
    await expect(visibleAlert(page)).toContainText(/unexpected response/i);
    expect(app.log(), 'details go to the server log').toContain(id);
  });

  test('200 with a non-JSON body → "unexpected response"', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('malformed-nonjson')}`);
    await expect(visibleAlert(page)).toContainText(/unexpected response/i);
  });

  test('200 with both media fields null → "no video"', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('no-video')}`);
    await expect(visibleAlert(page)).toContainText(/no video/i);
  });

  test("401 (the server's key is wrong) → says to check NOTTE_API_KEY and never shows the key", async ({ page, startApp, upstream, sid }) => {
    const wrongKey = 'nk_e2e_wrong_key_9d41c7e0b2_must_not_leak';
    const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: wrongKey });
    // Every response the page gets, with its headers and (where the browser kept one) its body.
    const seen: Array<Promise<{ url: string; text: string }>> = [];
    page.on('response', (response) => {
      seen.push(
        response
          .text()
          .catch(() => '')
          .then((body) => ({ url: response.url(), text: `${body}\n${JSON.stringify(response.headers())}` })),
      );
    });
    const id = sid('hls-ok');
    await page.goto(`${server.url}/sessions/${id}`);
    await expect(visibleAlert(page)).toContainText(/NOTTE_API_KEY/);
    await expect(visibleAlert(page)).toContainText(/authori[sz]ed|authenticat|key/i);
    expect(await page.content()).not.toContain(wrongKey);
    const responses = await Promise.all(seen);
    const replayAnswer = responses.find((response) => response.url === `${server.url}/api/sessions/${id}/replay`);
    expect(replayAnswer?.text, "the proxy's answer to the replay request was read").toContain('upstream_auth');
    for (const response of responses) expect(response.text, response.url).not.toContain(wrongKey);
    expect(server.log()).not.toContain(wrongKey);
  });

  test('connection refused → a message and Retry', async ({ page, startApp, sid }) => {
    const closedPort = await freePort();
    const server = await startApp({ upstreamUrl: `http://127.0.0.1:${closedPort}`, apiKey: 'nk_e2e_unreachable_key' });
    await page.goto(`${server.url}/sessions/${sid('hls-ok')}`);
    await expect(visibleAlert(page).getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 30_000 });
    await expect(visibleAlert(page)).toContainText(/reach|connect|unavailable|server/i);
  });
});

test.describe('bad input in the URL', () => {
  const badPaths: Array<[string, string]> = [
    ['encoded path traversal', '/sessions/%2E%2E%2Fetc'],
    ['5,000 characters', `/sessions/${'a'.repeat(5000)}`],
    ['markup', '/sessions/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['encoded slash', '/sessions/abc%2Fdef'],
    ['a dot-dot segment', '/sessions/..%2F..%2Fapi'],
  ];
  for (const [label, path] of badPaths) {
    test(`an invalid ID in the URL is refused in the UI and never reaches the upstream: ${label}`, async ({ page, upstream }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const before = upstream.requests().length;
      const response = await page.goto(path);
      expect(response?.status(), 'the page is served (not a crash)').toBeLessThan(500);
      await expect(visibleAlert(page)).toContainText(/session id|not valid|invalid/i);
      await page.waitForLoadState('networkidle');
      expect(upstream.requests().slice(before), 'nothing reached the upstream').toEqual([]);
      expect(dialogs).toEqual([]);
    });
  }
});
