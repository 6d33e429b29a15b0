/**
 * The automatic API-key guard (support/fixtures.ts) sees every kind of response a test can get. To
 * show it, each test plants a leak: the fake API's control route answers the requests it recorded,
 * headers included, and the proxy's calls carry `Authorization: Bearer <key>`. The test then checks
 * the guard caught it, and clears the planted leak so that the guard's own final check passes.
 */
import type { APIRequestContext } from '@playwright/test';
import { CONTROL_HEADER, type FakeUpstream } from './support/fake-upstream.js';
import { expect, test } from './support/fixtures.js';

/** A URL whose answer holds the key: the recorded upstream calls for a session the app has just looked up. */
async function leakingUrl(request: APIRequestContext, upstream: FakeUpstream, sessionId: string): Promise<string> {
  expect((await request.get(`/api/sessions/${sessionId}/replay`)).status(), "the app's own answer").toBe(200);
  expect(upstream.replayCalls(sessionId).map((call) => call.headers['authorization']), 'the proxy called Notte with the key').toEqual([
    `Bearer ${upstream.apiKey}`,
  ]);
  return `${upstream.apiUrl}/__control/requests?session=${sessionId}`;
}

const controlHeaders = { [CONTROL_HEADER]: '1' };

test.describe('the automatic API-key guard', () => {
  test('sees answers to the request fixture', async ({ request, upstream, sid, keyLeaks }) => {
    const url = await leakingUrl(request, upstream, sid('hls-ok'));
    expect(keyLeaks, "nothing in the app's answer").toEqual([]);
    await request.get(url, { headers: controlHeaders });
    expect(keyLeaks).toEqual([`API ${url}: body`]);
    keyLeaks.length = 0;
  });

  test('sees answers to page.request', async ({ page, request, upstream, sid, keyLeaks }) => {
    const url = await leakingUrl(request, upstream, sid('hls-ok'));
    await page.request.get(url, { headers: controlHeaders });
    expect(keyLeaks).toEqual([`API ${url}: body`]);
    keyLeaks.length = 0;
  });

  test('sees answers to an API request context made with playwright.request.newContext()', async ({ playwright, request, upstream, sid, keyLeaks }) => {
    const url = await leakingUrl(request, upstream, sid('hls-ok'));
    const client = await playwright.request.newContext({ extraHTTPHeaders: controlHeaders });
    try {
      await client.get(url);
      expect(keyLeaks).toEqual([`API ${url}: body`]);
    } finally {
      await client.dispose();
    }
    keyLeaks.length = 0;
  });

  test('sees responses in a browser context made with browser.newContext(), and its request', async ({ browser, request, upstream, sid, keyLeaks }) => {
    const url = await leakingUrl(request, upstream, sid('hls-ok'));
    const context = await browser.newContext({ extraHTTPHeaders: controlHeaders });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await expect.poll(() => [...keyLeaks], { message: 'the page saw the key' }).toEqual([`GET ${url}: body`]);
      await context.request.get(url);
      expect(keyLeaks).toEqual([`GET ${url}: body`, `API ${url}: body`]);
    } finally {
      await context.close();
    }
    keyLeaks.length = 0;
  });

  test('sees responses in a page made with browser.newPage()', async ({ browser, request, upstream, sid, keyLeaks }) => {
    const url = await leakingUrl(request, upstream, sid('hls-ok'));
    const page = await browser.newPage({ extraHTTPHeaders: controlHeaders });
    try {
      await page.goto(url);
      await expect.poll(() => [...keyLeaks], { message: 'the page saw the key' }).toEqual([`GET ${url}: body`]);
    } finally {
      await page.close();
    }
    keyLeaks.length = 0;
  });
});
