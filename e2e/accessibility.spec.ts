import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectPlaying, seekSlider, videoState } from './support/player.js';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('home', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('textbox', { name: 'Session ID' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('viewer, with the steps and the help dialog', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('hls-ok')}`);
      await expectPlaying(page);
      await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(7);
      await expectNoAxeViolations(page);
      await page.keyboard.press('Shift+?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('error and processing states', async ({ page, sid }) => {
      await page.goto(`/sessions/${sid('not-found')}`);
      await expect(page.getByRole('alert')).toContainText(/not found/i);
      await expectNoAxeViolations(page);
      await page.goto(`/sessions/${sid('processing-then-ready')}`);
      await expect(page.getByRole('alert')).toContainText(/processing/i);
      await expectNoAxeViolations(page);
    });
  });
}

test.describe('themes and motion', () => {
  test('the theme follows the system and the toggle overrides it', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.getByRole('button', { name: /Theme: System/ }).click();
    await expect(page.getByRole('button', { name: /Theme: Light/ })).toBeVisible();
    expect(await background()).toBe('rgb(246, 247, 249)');
    await page.reload();
    expect(await background()).toBe('rgb(246, 247, 249)');
    // The server sends the next page in that theme already, the viewer's shell included (no flash).
    const html = await (await page.request.get('/sessions/some-session')).text();
    expect(html).toContain('<html lang="en" data-theme="light">');
  });

  test('every control is reachable by keyboard with a visible focus ring', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    const seen = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName, outline: style.outlineStyle };
      });
      if (!focused) continue;
      seen.add(focused.name);
      expect(focused.outline, `focus ring on ${focused.name}`).not.toBe('none');
    }
    for (const name of ['Copy link', 'Play', 'Pause', 'Seek', 'Playback speed', 'Download MP4', 'Fullscreen']) {
      if (name === 'Play' || name === 'Pause') continue;
      expect([...seen], `${name} is reachable by Tab`).toContain(name);
    }
    expect(seen.has('Play') || seen.has('Pause')).toBe(true);
  });
});

test.describe('phone layout (375 px)', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('nothing overflows, the video is full width, and the scrubber works by touch', async ({ page, sid }) => {
    await page.goto(`/sessions/${sid('hls-ok')}`);
    await expectPlaying(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const videoBox = await page.locator('video').filter({ visible: true }).boundingBox();
    expect(videoBox?.width).toBeGreaterThanOrEqual(374);
    // Paused first, so that the short clip cannot play on past the checked position on a slow machine.
    await page.locator('video').filter({ visible: true }).evaluate((node) => (node as HTMLVideoElement).pause());
    const { duration } = await videoState(page);
    const box = await seekSlider(page).boundingBox();
    if (!box) throw new Error('no slider box');
    await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect.poll(async () => Math.abs((await videoState(page)).currentTime - duration * 0.5)).toBeLessThan(0.3);
  });

  test('home fits too', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('textbox', { name: 'Session ID' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
