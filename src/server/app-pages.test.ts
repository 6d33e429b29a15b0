import { describe, expect, it } from 'vitest';
import { SHELL_ENTRY_CSP_SOURCES } from './shell-boot';
import { defaultAssets, jsonResponse, makeTestApp, NOTTE_ENV } from './test-support';

const PRELOAD = '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/sessions/abc-123/replay">';

function expectHtmlSecurityHeaders(response: Response, options: { loopback?: string; frameAncestors?: string } = {}): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  const loopback = options.loopback === undefined ? '' : ` ${options.loopback}`;
  expect(csp).toBe(
    [
      "default-src 'self'",
      `script-src 'self' ${SHELL_ENTRY_CSP_SOURCES}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `media-src 'self' blob: https:${loopback}`,
      `connect-src 'self' blob: https:${loopback}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${options.frameAncestors ?? "'none'"}`,
    ].join('; '),
  );
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  const permissions = response.headers.get('permissions-policy') ?? '';
  expect(permissions).toContain('camera=()');
  expect(permissions).toContain('microphone=()');
  expect(permissions).toContain('geolocation=()');
  expect(permissions).not.toContain('fullscreen');
  expect(permissions).not.toContain('picture-in-picture');
  if ((options.frameAncestors ?? "'none'") === "'none'") expect(response.headers.get('x-frame-options')).toBe('DENY');
  else expect(response.headers.get('x-frame-options')).toBeNull();
}

describe('HTML routes', () => {
  it.each(['/', '/sessions/x', '/sessions/abc-123/', '/index.html', '/no/such/page', '/sessions/%3Cscript%3E'])(
    '%s serves index.html with the security headers',
    async (path) => {
      const t = makeTestApp();
      const response = await t.request(path);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<div id="root">');
      expectHtmlSecurityHeaders(response);
    },
  );

  it('unknown pages are 404 (the SPA shows its not-found page), known pages 200', async () => {
    const t = makeTestApp();
    expect((await t.request('/')).status).toBe(200);
    expect((await t.request('/sessions/x')).status).toBe(200);
    expect((await t.request('/no/such/page')).status).toBe(404);
    // The client's routing reads an empty ID as an invalid one: the same 404 either way.
    expect((await t.request('/sessions/')).status).toBe(404);
  });

  it.each(['/sessions/bad.id', '/sessions/%3Cscript%3E', '/sessions/abc%2Fdef', `/sessions/${'a'.repeat(129)}`, '/sessions/%E0%A4%A'])(
    'an invalid session ID (%s) is a 404 carrying the app, which says why, with the security headers',
    async (path) => {
      // A dot makes a path look like a file, but a viewer link is always the app's page.
      const response = await makeTestApp().request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<div id="root">');
      expectHtmlSecurityHeaders(response);
    },
  );

  it.each([
    ['http://127.0.0.1:4010', 'http://127.0.0.1:* http://localhost:*'],
    ['http://localhost:4010', 'http://127.0.0.1:* http://localhost:*'],
    ['http://127.0.0.2:4010', 'http://127.0.0.1:* http://localhost:* http://127.0.0.2:*'],
    ['http://[::1]:4010', 'http://127.0.0.1:* http://localhost:*'],
  ])('adds loopback media sources when NOTTE_API_URL is loopback http (%s)', async (apiUrl, sources) => {
    const t = makeTestApp({ env: { NOTTE_API_KEY: 'k', NOTTE_API_URL: apiUrl } });
    expectHtmlSecurityHeaders(await t.request('/sessions/x'), { loopback: sources });
  });

  it('FRAME_ANCESTORS replaces the frame-ancestors source and drops X-Frame-Options', async () => {
    const t = makeTestApp({ env: { ...NOTTE_ENV, FRAME_ANCESTORS: 'https://notion.so; script-src *' } });
    const response = await t.request('/');
    expectHtmlSecurityHeaders(response, { frameAncestors: 'https://notion.so script-src *' });
  });

  it('injects the replay preload into <head> on /sessions/:id with a valid id', async () => {
    const t = makeTestApp();
    const html = await (await t.request('/sessions/abc-123')).text();
    expect(html).toContain(PRELOAD);
    expect(html.indexOf(PRELOAD)).toBeLessThan(html.indexOf('<script'));
    expect(html.indexOf(PRELOAD)).toBeGreaterThan(html.indexOf('<head>'));
    expect(await (await t.request('/sessions/abc-123/')).text()).toContain(PRELOAD);
    expect(html, 'the title names the session (tabs, link previews)').toContain('<title>Session abc-123 · Notte Replay</title>');
    expect(await (await t.request('/')).text()).not.toContain('Session abc-123');
  });

  it('modulepreloads hls.js on viewer pages of a stream only, and the app there only from boot.ts (after the video)', async () => {
    const stream = { playlist_content: '#EXTM3U\n#EXT-X-ENDLIST\n', mp4_url: null, expires_at: '2026-03-01T13:00:00+00:00', video_start_ms: 0, video_duration_ms: 30_000 };
    const t = makeTestApp({ handler: () => jsonResponse(200, stream) });
    const viewer = await (await t.request('/sessions/abc-123')).text();
    expect(viewer).toContain('<link rel="modulepreload" crossorigin href="/assets/hls.light-h1.js">');
    expect(viewer).not.toContain('href="/assets/main-m1.js"');
    expect(viewer).not.toContain('href="/assets/ViewerPage-v1.js"');
    for (const path of ['/', '/no/such/page', '/sessions/a.b']) {
      const page = await (await t.request(path)).text();
      expect(page).not.toContain('href="/assets/hls.light-h1.js"');
    }
    expect(await (await t.request('/')).text()).toContain('<link rel="modulepreload" crossorigin href="/assets/main-m1.js">');
  });

  it('does not inject a preload or the viewer shell for invalid ids or other pages', async () => {
    const t = makeTestApp();
    for (const path of ['/sessions/%3Cscript%3E', '/sessions/a.b', '/', '/other']) {
      const html = await (await t.request(path)).text();
      expect(html).not.toContain('rel="preload"');
      expect(html).not.toContain('<script>');
      expect(html).not.toContain('data-shell-stage');
    }
    expect(t.upstream.calls).toHaveLength(0);
  });

  it('sends the viewer shell on /sessions/:id: the top bar and an empty player stage, with the embed variant on ?embed=1', async () => {
    const t = makeTestApp();
    const page = await (await t.request('/sessions/abc-123?t=12')).text();
    expect(page).toContain('<div id="root"><div class="app"><nav class="topbar"');
    expect(page).toContain('<div class="player-stage" data-shell-stage="">');
    expect(page).not.toContain('app-embed');
    const embedded = await (await t.request('/sessions/abc-123?embed=1')).text();
    expect(embedded).toContain('<div id="root"><div class="app app-embed">');
    expect(embedded).toContain('data-shell-stage');
    expect(embedded).not.toContain('class="topbar"');
    // Nothing of the session is in the shell but its ID (an mp4-only replay adds its video: app-shell-video.test.ts).
    expect(page.replace(/abc-123/g, '')).toBe((await (await t.request('/sessions/other-id?t=12')).text()).replace(/other-id/g, ''));
    // Only the link without ?t= looked the replay up (for that video); this one has none.
    expect(t.upstream.calls).toHaveLength(1);
  });

  it("sends every page in the theme the user chose (the theme cookie), and nothing else from that cookie", async () => {
    const t = makeTestApp();
    for (const path of ['/', '/sessions/abc-123', '/no/such/page']) {
      const dark = await (await t.request(path, { headers: { cookie: 'a=1; replay-viewer-theme=dark' } })).text();
      expect(dark).toContain('<html lang="en" data-theme="dark">');
    }
    const junk = await (await t.request('/', { headers: { cookie: 'replay-viewer-theme=dark"><script>' } })).text();
    expect(junk).toContain('<html lang="en">');
    expect(junk).not.toContain('data-theme');
    expect(await (await t.request('/')).text()).not.toContain('data-theme');
  });

  it('answers 503 with a hint when the app is not built', async () => {
    const t = makeTestApp({ assets: new Map() });
    const response = await t.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
    expectHtmlSecurityHeaders(response);
  });
});

describe('static files', () => {
  it('serves hashed assets with a long immutable cache', async () => {
    const t = makeTestApp();
    const response = await t.request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('serves other public files with a short cache', async () => {
    const t = makeTestApp();
    const response = await t.request('/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('missing files are a plain 404, not index.html', async () => {
    const t = makeTestApp();
    const response = await t.request('/assets/missing.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<html');
  });

  it('demo videos are not served outside signed URLs; thumbnails are', async () => {
    const t = makeTestApp();
    expect((await t.request('/demo-media/checkout-flow/replay.mp4')).status).toBe(404);
    expect((await t.request('/demo-media/checkout-flow/seg_000.ts')).status).toBe(404);
    expect((await t.request('/demo-media/checkout-flow/index.m3u8')).status).toBe(404);
    const thumb = await t.request('/demo-media/checkout-flow/thumb.jpg');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses encoded traversal in asset paths', async () => {
    // The paths the app hands its asset reader (a file system reader would resolve `..` itself).
    const read: string[] = [];
    const assets = new (class extends Map<string, string | Uint8Array> {
      override get(key: string) {
        read.push(key);
        return super.get(key);
      }
    })(defaultAssets());
    const t = makeTestApp({ assets });
    const paths = ['/assets/..%2f..%2fetc%2fpasswd.js', '/assets/%2e%2e/x.js', '/a\\b.js'];
    const seen: string[] = [];
    for (const path of paths) seen.push(`${path}: ${(await t.request(path)).status}`);
    // Every path and its status at once, so a failure names each one that got through.
    expect(seen).toEqual(paths.map((path) => `${path}: 404`));
    expect(read.length, 'the reader is asked for the paths that are safe').toBeGreaterThan(0);
    expect(read.filter((path) => /%|\.\.|\\/.test(path)), 'refused before any reader sees them').toEqual([]);
  });
});

describe('headers on every response', () => {
  it.each(['/api/sessions/abc/replay', '/api/nope', '/healthz', '/assets/index-abc123.js', '/assets/missing.js'])(
    '%s has nosniff and no-referrer',
    async (path) => {
      const t = makeTestApp();
      const response = await t.request(path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    },
  );

  it('API responses are private, no-store JSON', async () => {
    const t = makeTestApp();
    for (const path of ['/api/sessions/abc/replay', '/api/sessions/%3C/replay', '/api/nope', '/api/demo-sessions', '/healthz']) {
      const response = await t.request(path);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
