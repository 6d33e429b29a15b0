/**
 * The edge project serves the Worker through Miniflare alone (edge-server.ts); `npm run start:edge`
 * runs it under `wrangler dev`, with wrangler's dev proxy in front. This spec runs that very launch
 * (scripts/edge-dev.mjs's arguments): a shared link plays, the demo works, the key reaches no output.
 * In the edge project only (playwright.config.ts).
 */
import { expect, test } from './support/fixtures.js';
import { expectPlaying, seekSlider } from './support/player.js';

test('under wrangler dev, as npm run start:edge runs it: a shared link plays and the key stays out of its output', async ({
  page,
  sid,
  upstream,
  startApp,
}) => {
  const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey, edgeVia: 'wrangler-dev' });
  await page.goto(`${server.url}/sessions/${sid('hls-ok')}`);
  await expect(seekSlider(page)).toBeVisible({ timeout: 30_000 });
  await expectPlaying(page, { advanceSec: 1 });
  const replay = await page.request.get(`${server.url}/api/sessions/${sid('mp4-only')}/replay`);
  expect(replay.status()).toBe(200);
  await expect.poll(() => server.log(), { message: 'its request log' }).toContain('/api/sessions/mp4-only--');
  expect(server.log()).not.toContain(upstream.apiKey);
});

test('under wrangler dev without a key: the embedded demo', async ({ page, startApp }) => {
  const server = await startApp({ apiKey: null, edgeVia: 'wrangler-dev' });
  await page.goto(server.url);
  await page.locator('a[href*="/sessions/"]').first().click();
  await expectPlaying(page, { advanceSec: 1 });
});
