/** The key never reaches the browser (responses, headers, page) nor the app's logs. */
import { expect, scanResponseForKey, test } from './support/fixtures.js';
import { expectPlaying } from './support/player.js';

test('no response seen by the browser contains the API key, and the app log does not either', async ({ page, sid, upstream, app, baseURL }) => {
  const seen: string[] = [];
  const leaks: string[] = [];
  const scans: Array<Promise<void>> = [];
  page.on('response', (response) => {
    seen.push(response.url());
    scans.push(scanResponseForKey(response, upstream.apiKey).then((leak) => void (leak && leaks.push(leak))));
  });

  await page.goto('/');
  await page.goto(`/sessions/${sid('hls-ok')}`);
  await expectPlaying(page);
  // Error paths too: the key must not ride along in error messages.
  for (const scenario of ['not-found', 'malformed', 'failed', 'no-video']) {
    await page.goto(`/sessions/${sid(scenario)}`);
    await expect(page.getByRole('alert').filter({ visible: true })).toBeVisible();
  }
  await page.goto('/sessions/%2E%2E%2Fetc');
  await page.goto('/no/such/page');
  await Promise.all(scans);

  expect(seen.some((url) => url.startsWith(`${baseURL}/api/`)), 'the proxy was exercised').toBe(true);
  expect(seen.some((url) => url.endsWith('.js')), 'the bundle was loaded').toBe(true);
  expect(leaks).toEqual([]);
  expect(await page.content()).not.toContain(upstream.apiKey);
  expect(app.log()).not.toContain(upstream.apiKey);
  // The key's distinctive prefix alone must not appear either (e.g. a partially masked key).
  expect(app.log()).not.toContain('nk_e2e_secret');
});

test('API error bodies never echo the key', async ({ request, sid, upstream, startApp }) => {
  // rate-limited pauses the app's upstream calls for a while: a dedicated app keeps other tests unaffected.
  const server = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey });
  for (const scenario of ['not-found', 'failed', 'malformed', 'malformed-nonjson', 'server-error', 'validation-error', 'rate-limited']) {
    const response = await request.get(`${server.url}/api/sessions/${sid(scenario)}/replay`);
    const text = `${JSON.stringify(response.headers())}\n${await response.text()}`;
    expect(text, scenario).not.toContain(upstream.apiKey);
  }
});
