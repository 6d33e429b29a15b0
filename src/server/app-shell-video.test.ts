import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShellEntry } from './shell-boot';
import { SHELL_VIDEO_SLOT, shellStagePieces } from './shell-video';
import { errorAnswer, okAnswer, type ProxyAnswer } from './proxy-answer';
import { jsonResponse, makeTestApp, NOTTE_ENV } from './test-support';

const EXPIRES = '2026-03-01T13:00:00+00:00';
const mp4Only = (mp4Url: string) => ({ playlist_content: null, mp4_url: mp4Url, expires_at: EXPIRES, video_start_ms: 0, video_duration_ms: 30_000 });
const stream = { playlist_content: '#EXTM3U\n#EXT-X-ENDLIST\n', mp4_url: 'https://storage.test/a.mp4', expires_at: EXPIRES, video_start_ms: 0, video_duration_ms: 30_000 };

const HLS_PRELOAD = '<link rel="modulepreload" crossorigin href="/assets/hls.light-h1.js">';
/** The page's entry (boot.ts), run from the stage when no video of the server's runs it. */
const ENTRY_SCRIPT = '<script type="module" async crossorigin src="/assets/index-abc123.js"></script>';
const RUNS_ENTRY =
  ' data-boot="/assets/index-abc123.js" onloadeddata="this.requestVideoFrameCallback&&!document.hidden?this.requestVideoFrameCallback(()=>import(this.dataset.boot)):import(this.dataset.boot)" onerror="import(this.dataset.boot)" onanimationend="import(this.dataset.boot)"';
const stageOf = (html: string) => /<div class="player-stage" data-shell-stage="">(.*?)<div class="player-buffering"/.exec(html)?.[1] ?? null;

/** A viewer page whose upstream has not answered yet: its streamed HTML, read piece by piece. */
async function pageWithPendingReplay() {
  let answer: (response: Response) => void = () => undefined;
  const t = makeTestApp({ handler: () => new Promise<Response>((resolve) => (answer = resolve)) });
  const reader = ((await t.request('/sessions/abc-123')).body ?? new ReadableStream()).getReader();
  const decoder = new TextDecoder();
  return {
    upstream: t.upstream,
    request: t.request,
    answer: (body: unknown) => answer(jsonResponse(200, body)),
    next: async () => decoder.decode((await reader.read()).value),
    rest: async () => {
      let text = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
      return text;
    },
    leave: () => reader.cancel(),
  };
}

describe("the shell's <video> in a viewer page's HTML", () => {
  it('starts an mp4-only replay from the HTML, in the stage, and the page\'s own request finds it cached', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only('https://storage.test/clip.mp4?sig=a&b=1')) });
    const html = await (await t.request('/sessions/abc-123')).text();
    expect(stageOf(html)).toBe(
      `<video class="player-video" data-shell-video=""${RUNS_ENTRY} autoplay muted playsinline preload="auto" aria-label="Recording of session abc-123" src="https://storage.test/clip.mp4?sig=a&amp;b=1"></video>`,
    );
    // The entry runs from the video's events only: nothing in the head runs or fetches it.
    expect(html).not.toContain('<script');
    expect(html.match(/index-abc123\.js/g)).toEqual(['index-abc123.js']);
    expect(html).not.toContain(SHELL_VIDEO_SLOT);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // Nothing to play it with: no stream player downloading next to the file.
    expect(html).not.toContain(HLS_PRELOAD);
    const replay = await t.request('/api/sessions/abc-123/replay');
    expect(replay.status).toBe(200);
    expect(t.upstream.calls).toHaveLength(1);
  });

  it('preloads hls.js for a stream where its video would go, and nothing to play for an error; both run the entry there', async () => {
    const streamPage = await (await makeTestApp({ handler: () => jsonResponse(200, stream) }).request('/sessions/abc-123')).text();
    expect(stageOf(streamPage)).toBe(HLS_PRELOAD + ENTRY_SCRIPT);
    expect(streamPage.match(/hls\.light-h1\.js/g)?.length).toBe(2); // the preload and the build's list
    expect(streamPage.trimEnd().endsWith('</html>')).toBe(true);
    const errorPage = await (await makeTestApp({ handler: () => jsonResponse(404, { detail: 'Session not found' }) }).request('/sessions/abc-123')).text();
    expect(stageOf(errorPage)).toBe(ENTRY_SCRIPT);
    expect(errorPage).not.toContain(HLS_PRELOAD);
    expect(errorPage.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('preloads hls.js from the head when the server does not look the replay up (a ?t= link)', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only('https://storage.test/a.mp4')) });
    const html = await (await t.request('/sessions/abc-123?t=12')).text();
    expect(html.indexOf(HLS_PRELOAD)).toBeGreaterThan(-1);
    expect(html.indexOf(HLS_PRELOAD)).toBeLessThan(html.indexOf('</head>'));
    // Nothing streamed: the entry stays the head's module script.
    expect(html.indexOf('<script type="module" src="/assets/index-abc123.js"></script>')).toBeLessThan(html.indexOf('</head>'));
    expect(html).not.toContain('data-boot');
  });

  it('never writes a script URL or markup from the answer into the page', async () => {
    for (const url of ['javascript:alert(1)', '//evil.example/x.mp4', 'data:video/mp4;base64,AA==']) {
      const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only(url)) });
      expect(stageOf(await (await t.request('/sessions/abc-123')).text())).toBe(ENTRY_SCRIPT);
    }
    const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only('https://storage.test/a.mp4?"><script>alert(1)</script>')) });
    const html = await (await t.request('/sessions/abc-123')).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(stageOf(html)).toContain('src="https://storage.test/a.mp4?&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('asks nothing upstream for a ?t= link, an invalid ID, or a client over its rate limit', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only('https://storage.test/a.mp4')) });
    for (const path of ['/sessions/abc-123?t=12', '/sessions/a.b', '/sessions/%3Cscript%3E']) {
      const html = await (await t.request(path)).text();
      expect(html).not.toContain('<video');
    }
    expect(t.upstream.calls).toHaveLength(0);
    const limited = makeTestApp({ env: { ...NOTTE_ENV, RATE_LIMIT_PER_MINUTE: '1' }, handler: () => jsonResponse(200, mp4Only('https://storage.test/a.mp4')) });
    await limited.request('/api/sessions/other-1/replay');
    expect(await (await limited.request('/sessions/abc-123')).text()).not.toContain('<video');
    expect(limited.upstream.calls).toHaveLength(1);
  });

  it('sends the head and the shell before the replay is known, and the rest once it is', async () => {
    const page = await pageWithPendingReplay();
    const first = await page.next();
    expect(first).not.toContain('index-abc123.js');
    expect(first).toContain('data-shell-stage=""');
    expect(first).not.toContain('</html>');
    page.answer(mp4Only('https://storage.test/late.mp4'));
    // A starved machine may pass the hls.js wait before the answer: the preloads then come first.
    const rest = (await page.rest()).replace(HLS_PRELOAD + ENTRY_SCRIPT, '');
    expect(rest.startsWith('<video class="player-video"')).toBe(true);
    expect(rest).toContain('src="https://storage.test/late.mp4"');
    expect(rest.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('preloads hls.js once a slow lookup has taken its time, and still sends the video after', async () => {
    const page = await pageWithPendingReplay();
    expect(await page.next()).not.toContain(HLS_PRELOAD);
    // The upstream has not answered: the preloads come on their own after their wait, and the entry
    // runs as from the head.
    expect(await page.next()).toBe(HLS_PRELOAD + ENTRY_SCRIPT);
    page.answer(mp4Only('https://storage.test/late.mp4'));
    const rest = await page.rest();
    expect(rest.startsWith('<video class="player-video"')).toBe(true);
    expect(rest).not.toContain(RUNS_ENTRY);
    expect(rest.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('gives up waiting after its time, without a video; a lookup with no answer gets the hls.js preloads', async () => {
    const pieces = async (lookup: Promise<ProxyAnswer | null>, waits: { hlsWaitMs: number; videoWaitMs: number }, entry: ShellEntry = { kind: 'head' }) => {
      const out: string[] = [];
      for await (const piece of shellStagePieces(lookup, { sessionId: 'abc', hlsLinks: '<hls>', entry }, waits)) out.push(piece);
      return out;
    };
    expect(await pieces(new Promise(() => undefined), { hlsWaitMs: 5, videoWaitMs: 10 })).toEqual(['<hls>']);
    expect(await pieces(Promise.resolve(null), { hlsWaitMs: 1_000, videoWaitMs: 1_000 })).toEqual(['<hls>']);
    expect(await pieces(Promise.reject(new Error('down')), { hlsWaitMs: 1_000, videoWaitMs: 1_000 })).toEqual(['<hls>']);
    const late = () => new Promise<ProxyAnswer>((resolve) => setTimeout(() => resolve(okAnswer(JSON.stringify(stream), 200)), 20));
    expect(await pieces(late(), { hlsWaitMs: 5, videoWaitMs: 1_000 })).toEqual(['<hls>']);
    // An entry run from the stage runs in every outcome, exactly once.
    const stage: ShellEntry = { kind: 'stage', path: '/assets/index-abc123.js' };
    expect(await pieces(new Promise(() => undefined), { hlsWaitMs: 5, videoWaitMs: 10 }, stage)).toEqual([`<hls>${ENTRY_SCRIPT}`]);
    expect(await pieces(Promise.reject(new Error('down')), { hlsWaitMs: 1_000, videoWaitMs: 1_000 }, stage)).toEqual([`<hls>${ENTRY_SCRIPT}`]);
    expect(await pieces(late(), { hlsWaitMs: 5, videoWaitMs: 1_000 }, stage)).toEqual([`<hls>${ENTRY_SCRIPT}`]);
    const notFound = Promise.resolve(errorAnswer(404, { code: 'not_found', message: 'No such session.', retryable: false }));
    expect(await pieces(notFound, { hlsWaitMs: 1_000, videoWaitMs: 1_000 }, stage)).toEqual([ENTRY_SCRIPT]);
    const mp4 = Promise.resolve(okAnswer(JSON.stringify(mp4Only('https://storage.test/a.mp4')), 200));
    const [video, ...more] = await pieces(mp4, { hlsWaitMs: 1_000, videoWaitMs: 1_000 }, stage);
    expect(video).toContain(RUNS_ENTRY);
    expect(more).toEqual([]);
  });
});

describe("a viewer page's lookup, handed to its own replay request", () => {
  it('costs one upstream call per page view even for answers that are never cached (here: not found)', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(404, { detail: 'Session not found' }) });
    await (await t.request('/sessions/abc-123')).text();
    const replay = await t.request('/api/sessions/abc-123/replay');
    expect(replay.status).toBe(404);
    expect(t.upstream.calls).toHaveLength(1);
    // Only once: the next request (a retry, another viewer) asks Notte again.
    await t.request('/api/sessions/abc-123/replay');
    expect(t.upstream.calls).toHaveLength(2);
  });

  it('is handed to the same client only, and not once stale', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(404, { detail: 'Session not found' }) });
    await (await t.request('/sessions/abc-123', undefined, '10.0.0.1')).text();
    await t.request('/api/sessions/abc-123/replay', undefined, '10.0.0.2');
    expect(t.upstream.calls, "another client's request asks Notte itself").toHaveLength(2);
    t.clock.advance(11_000);
    await t.request('/api/sessions/abc-123/replay', undefined, '10.0.0.1');
    expect(t.upstream.calls).toHaveLength(3);
  });

  it('costs nothing for a HEAD request, and a viewer page is never stored by caches', async () => {
    const t = makeTestApp({ handler: () => jsonResponse(200, mp4Only('https://storage.test/a.mp4')) });
    const head = await t.request('/sessions/abc-123', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(t.upstream.calls).toHaveLength(0);
    const page = await t.request('/sessions/abc-123');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect((await t.request('/')).headers.get('cache-control')).toBe('no-cache');
  });
});

describe('a viewer page whose browser leaves before the replay is known', () => {
  /**
   * Watches what the page's stream is asked to send: every `enqueue` into the controller of the
   * stream whose first chunk is the page's head (the shell's stage starts in it).
   */
  function watchPageWrites() {
    const enqueue = vi.spyOn(ReadableStreamDefaultController.prototype, 'enqueue');
    const decoder = new TextDecoder();
    const pageController = () => {
      const first = enqueue.mock.calls.findIndex(([chunk]) => chunk instanceof Uint8Array && decoder.decode(chunk).includes('data-shell-stage'));
      return first < 0 ? undefined : enqueue.mock.contexts[first];
    };
    return {
      /** Chunks written into the page's stream so far (attempts included: a write into a closed stream throws). */
      pageWrites: () => {
        const controller = pageController();
        expect(controller, "the page's stream was found").toBeDefined();
        return enqueue.mock.contexts.filter((context) => context === controller).length;
      },
    };
  }

  /** Settles the page's lookup: the page's own replay request takes it over and waits for it; then one more task. */
  async function settleLookup(page: Awaited<ReturnType<typeof pageWithPendingReplay>>) {
    expect((await page.request('/api/sessions/abc-123/replay')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('writes nothing more and throws nothing (an unhandled rejection would end the Node process)', async () => {
    const watch = watchPageWrites();
    const page = await pageWithPendingReplay();
    await page.next();
    await page.leave();
    const writesAtLeave = watch.pageWrites();
    page.answer(mp4Only('https://storage.test/late.mp4'));
    // The lookup settles after the cancel (vitest fails the run on an unhandled rejection); the late video and the page's end are not written.
    await settleLookup(page);
    expect(watch.pageWrites(), 'writes after the browser left').toBe(writesAtLeave);
    expect(page.upstream.calls).toHaveLength(1);
  });

  it('also when it leaves after the hls.js preloads were sent', async () => {
    const watch = watchPageWrites();
    const page = await pageWithPendingReplay();
    await page.next();
    expect(await page.next()).toBe(HLS_PRELOAD + ENTRY_SCRIPT);
    await page.leave();
    const writesAtLeave = watch.pageWrites();
    page.answer(mp4Only('https://storage.test/late.mp4'));
    await settleLookup(page);
    expect(watch.pageWrites(), 'writes after the browser left').toBe(writesAtLeave);
    expect(page.upstream.calls).toHaveLength(1);
  });
});
