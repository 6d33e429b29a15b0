import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { expectPlaying } from './support/player.js';

function sessionInput(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Session ID' });
}

/** Invalid input must be refused visibly: a role=alert, or aria-invalid with a visible message. */
async function expectRefused(page: Page, input: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        const alerts = page.getByRole('alert').filter({ visible: true }).filter({ hasText: /\S/ });
        if ((await alerts.count()) > 0) return 'alert';
        if ((await input.getAttribute('aria-invalid')) !== 'true') return 'not refused yet';
        // aria-invalid needs a message a sighted user sees too: the input's description or error message.
        const ids = `${(await input.getAttribute('aria-describedby')) ?? ''} ${(await input.getAttribute('aria-errormessage')) ?? ''}`
          .split(/\s+/)
          .filter(Boolean);
        for (const id of ids) {
          const message = page.locator(`[id="${id}"]`);
          if ((await message.count()) === 1 && (await message.isVisible()) && /\S/.test(await message.innerText())) return 'aria-invalid';
        }
        return 'aria-invalid without a visible message';
      },
      { message: 'invalid input is refused with role=alert or aria-invalid + a visible message' },
    )
    .toMatch(/^(alert|aria-invalid)$/);
}

test.describe('home form', () => {
  test('a bare session ID + Enter opens /sessions/{id} and plays', async ({ page, sid, upstream }) => {
    const id = sid('hls-ok');
    await page.goto('/');
    const input = sessionInput(page);
    await expect(input).toBeVisible();
    await input.fill(id);
    await input.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
    await expectPlaying(page);
    expect(upstream.replayCalls(id).length).toBeGreaterThanOrEqual(1);
    // The form is gone: a keyboard or screen-reader user continues at the viewer's content, in a tab named after the session.
    await expect(page).toHaveTitle(`Session ${id} · Notte Replay`);
    await expect(page.getByRole('main')).toBeFocused();
    await page.goBack();
    await expect(page).toHaveTitle('Notte Replay Viewer');
  });

  test('a pasted console link opens the session it names', async ({ page, sid }) => {
    const id = sid('hls-ok');
    await page.goto('/');
    await sessionInput(page).fill(`  https://console.notte.cc/sessions/${id}  `);
    await sessionInput(page).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
  });

  test('one of our own viewer links opens the same session', async ({ page, sid, baseURL }) => {
    const id = sid('hls-ok');
    await page.goto('/');
    await sessionInput(page).fill(`${baseURL}/sessions/${id}?t=4`);
    await sessionInput(page).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sessions/${id}(\\?t=4)?$`));
  });

  const invalidInputs: Array<[string, string]> = [
    ['path traversal', '../../etc/passwd'],
    ['encoded slash', 'abc%2Fdef'],
    ['markup', '<img src=x onerror=alert(1)>'],
    ['a foreign link (never "the last path segment")', 'https://evil.example/sessions/abc123'],
    ['5,000 characters', 'a'.repeat(5000)],
    ['spaces inside', 'abc def'],
    ['empty', ''],
  ];
  for (const [label, value] of invalidInputs) {
    test(`invalid input is refused visibly and never reaches the upstream: ${label}`, async ({ page, upstream }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto('/');
      const before = upstream.requests().length;
      const input = sessionInput(page);
      await input.fill(value);
      await input.press('Enter');
      await expectRefused(page, input);
      expect(new URL(page.url()).pathname, 'stays on the form').toBe('/');
      expect(upstream.requests().slice(before), 'nothing reached the upstream').toEqual([]);
      expect(dialogs, 'markup is never executed').toEqual([]);
    });
  }

  test('after a refusal, fixing the input opens the session', async ({ page, sid }) => {
    const id = sid('hls-ok');
    await page.goto('/');
    const input = sessionInput(page);
    await input.fill('not/valid');
    await input.press('Enter');
    await expectRefused(page, input);
    await input.fill(id);
    await input.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
  });
});

test.describe('demo mode (no NOTTE_API_KEY)', () => {
  test('the home page links sample sessions as /sessions/{id}; the first one plays', async ({ page, demoApp }) => {
    await page.goto(demoApp.url);
    const sampleLinks = page.locator('a[href*="/sessions/"]').filter({ visible: true });
    await expect(sampleLinks.first()).toBeVisible();
    const hrefs = await sampleLinks.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const href of hrefs) expect(href).toMatch(/^\/sessions\/[A-Za-z0-9_-]{1,128}$/);
    await sampleLinks.first().click();
    await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+/);
    await expectPlaying(page, { advanceSec: 1 });
    expect(demoApp.log()).not.toContain('nk_');
  });

  test("a demo link opened directly (a teammate's click) plays", async ({ page, browser, demoApp }) => {
    await page.goto(demoApp.url);
    const first = page.locator('a[href*="/sessions/"]').filter({ visible: true }).first();
    const href = await first.evaluate((a) => (a as HTMLAnchorElement).href);
    const context = await browser.newContext();
    try {
      const fresh = await context.newPage();
      await fresh.goto(href);
      await expectPlaying(fresh);
    } finally {
      await context.close();
    }
  });
});
