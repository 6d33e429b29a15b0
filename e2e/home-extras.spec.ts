import { expect, test } from './support/fixtures.js';
import { expectPlaying, playerVideo } from './support/player.js';

test('"Recent sessions" lists opened sessions; one can be removed, all cleared', async ({ page, sid }) => {
  const first = sid('hls-ok');
  const second = sid('mp4-only');
  await page.goto(`/sessions/${first}`);
  await expectPlaying(page);
  await page.goto(`/sessions/${second}`);
  await expectPlaying(page);
  await page.goto('/');
  const recent = page.getByRole('list', { name: 'Recent sessions' });
  await expect(recent.getByRole('listitem')).toHaveCount(2);
  await expect(recent.getByRole('listitem').first()).toContainText(second);
  await expect(recent.getByRole('link', { name: first })).toHaveAttribute('href', `/sessions/${first}`);
  await recent.getByRole('button', { name: `Remove ${second} from recent sessions` }).click();
  await expect(recent.getByRole('listitem')).toHaveCount(1);
  await expect(recent.getByRole('button', { name: `Remove ${first} from recent sessions` }), 'focus moves to the row now in its place').toBeFocused();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Recent sessions' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('list', { name: 'Recent sessions' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Session ID' }), 'then to the session ID field').toBeFocused();
});

test('?embed=1 shows the player alone', async ({ page, sid }) => {
  await page.goto(`/sessions/${sid('hls-ok')}?embed=1`);
  await expectPlaying(page);
  await expect(page.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Steps' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Seek' })).toBeVisible();
  const width = await playerVideo(page).evaluate((node) => node.getBoundingClientRect().width);
  expect(width).toBeGreaterThanOrEqual(1279);
});

test('?embed=1 on a link with an invalid ID: the message alone, none of the site around it', async ({ page }) => {
  await page.goto('/sessions/%2E%2E%2Fetc?embed=1');
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid session ID' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' })).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
});

test('framing is refused by default and allowed per FRAME_ANCESTORS', async ({ request, startApp, upstream }) => {
  const strict = await request.get('/sessions/abc?embed=1');
  expect(strict.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const open = await startApp({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey, env: { FRAME_ANCESTORS: 'https://docs.example.com' } });
  const response = await request.get(`${open.url}/sessions/abc?embed=1`);
  expect(response.headers()['content-security-policy']).toContain('frame-ancestors https://docs.example.com');
  expect(response.headers()['x-frame-options']).toBeUndefined();
});
