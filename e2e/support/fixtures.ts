/**
 * Shared Playwright fixtures. Each worker starts one fake upstream (API + storage, two origins) and
 * one built app server against it (at most 2 workers → at most 2 stacks). Tests use their own
 * session IDs (`sid('hls-ok')` → `hls-ok--<random>`), so parallel tests and the proxy's
 * per-session cache never interfere.
 *
 * Every test also gets an automatic guard: no response (URL, headers or body) may contain the API
 * key. It watches every browser context of the test (the default one, and any the test makes with
 * `browser.newContext()` / `browser.newPage()`, their pages and their `context.request`) and every
 * API request context (the `request` fixture, `page.request`, and `playwright.request.newContext()`).
 */
import { randomBytes } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type APIResponse, type BrowserContext, type Page, type Response } from '@playwright/test';
import { startAppServer, type AppRuntime, type AppServer, type AppServerOptions } from './app-server.js';
import { E2E_API_KEY, startFakeUpstream, type FakeUpstream } from './fake-upstream.js';

export interface AppHandle {
  url: string;
  /** Everything the app process printed so far. */
  log(): string;
}

export interface WorkerFixtures {
  /** Which runtime serves the app: Node, or workerd (the `edge` project sets it; edge-server.ts). */
  appRuntime: AppRuntime;
  stack: { upstream: FakeUpstream; app: AppServer };
  demoApp: AppServer;
}

interface TestFixtures {
  upstream: FakeUpstream;
  app: AppHandle;
  /** A fresh session ID served by the named scenario of the fake upstream. */
  sid: (scenario: string) => string;
  /** Starts an extra app server (stopped after the test), e.g. with a wrong key or other env. */
  startApp: (options?: AppServerOptions) => Promise<AppServer>;
  /** Collected automatically; a test may also assert on it directly. */
  keyLeaks: string[];
  /** Scans responses for the key into `keyLeaks` (used by the guard and the `request` fixture). */
  keyLeakScanner: KeyLeakScanner;
  keyLeakGuard: void;
}

interface KeyLeakScanner {
  /** Watches a browser context's responses and its `request`; returns how to stop. */
  watchContext(context: BrowserContext): () => void;
  /** Scans every answer of an API request context; returns how to stop. */
  watchRequestContext(request: APIRequestContext): () => void;
  /** Waits for every scan started so far. */
  settle(): Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appRuntime: [process.env['E2E_RUNTIME'] === 'edge' ? 'edge' : 'node', { scope: 'worker', option: true }],
  stack: [
    async ({ appRuntime }, use) => {
      const upstream = await startFakeUpstream();
      const stack = { upstream, app: await startAppServer({ upstreamUrl: upstream.apiUrl, apiKey: upstream.apiKey, runtime: appRuntime }) };
      await use(stack);
      await stack.app.stop();
      await upstream.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  demoApp: [
    async ({ appRuntime }, use) => {
      const app = await startAppServer({ apiKey: null, runtime: appRuntime });
      await use(app);
      await app.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  upstream: async ({ stack }, use) => {
    await use(stack.upstream);
  },
  app: [
    async ({ stack, appRuntime }, use, testInfo) => {
      const dead = stack.app.exited();
      if (dead) {
        // Something outside this test run stopped the worker's server (a crash fails the test that was
        // running when it happened). Start a fresh one so later tests are not collateral damage.
        const tail = stack.app.log().slice(-1500);
        testInfo.annotations.push({ type: 'warning', description: `app server had exited (${JSON.stringify(dead)}); restarted. Log tail:\n${tail}` });
        console.warn(`[e2e] worker ${testInfo.workerIndex}: app server had exited (${JSON.stringify(dead)}); restarting`);
        stack.app = await startAppServer({ upstreamUrl: stack.upstream.apiUrl, apiKey: stack.upstream.apiKey, runtime: appRuntime });
      }
      const server = stack.app;
      const logStart = server.log().length;
      await use({ url: server.url, log: () => server.log() });
      if (testInfo.status !== testInfo.expectedStatus) {
        const exit = server.exited();
        await testInfo.attach('app-server.log', {
          body: `${exit ? `EXITED ${JSON.stringify(exit)}\n` : ''}${server.log().slice(logStart)}`,
          contentType: 'text/plain',
        });
      }
    },
    { auto: true },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url);
  },
  sid: async ({}, use) => {
    await use((scenario) => `${scenario}--${randomBytes(5).toString('hex')}`);
  },
  startApp: async ({ appRuntime }, use) => {
    const started: AppServer[] = [];
    await use(async (options) => {
      const server = await startAppServer({ runtime: appRuntime, ...options });
      started.push(server);
      return server;
    });
    await Promise.all(started.map((server) => server.stop()));
  },
  keyLeaks: async ({}, use) => {
    await use([]);
  },
  keyLeakScanner: async ({ keyLeaks }, use) => {
    const pending: Array<Promise<void>> = [];
    const record = (scan: Promise<string | null>): Promise<void> => {
      const recorded = scan.then((leak) => void (leak && keyLeaks.push(leak)));
      pending.push(recorded);
      return recorded;
    };
    const watched = new WeakSet<APIRequestContext>();
    const watchRequestContext = (request: APIRequestContext): (() => void) => {
      // Once per context: the request fixture is made by playwright.request.newContext(), which the guard watches too.
      if (watched.has(request)) return () => undefined;
      watched.add(request);
      // get/post/put/patch/delete/head all go through fetch.
      const original = request.fetch;
      const patched = (async (...args: Parameters<APIRequestContext['fetch']>) => {
        const response = await original.apply(request, args);
        await record(scanApiResponseForKey(response, E2E_API_KEY));
        return response;
      }) as APIRequestContext['fetch'];
      request.fetch = patched;
      return () => {
        if (request.fetch === patched) request.fetch = original;
        watched.delete(request);
      };
    };
    await use({
      watchContext: (context) => {
        const onResponse = (response: Response) => void record(scanResponseForKey(response, E2E_API_KEY));
        context.on('response', onResponse);
        const stopRequest = watchRequestContext(context.request);
        return () => {
          context.off('response', onResponse);
          stopRequest();
        };
      },
      watchRequestContext,
      settle: async () => {
        while (pending.length > 0) await Promise.all(pending.splice(0));
      },
    });
  },
  // The standalone API request context, scanned like the browser's.
  request: async ({ request, keyLeakScanner }, use) => {
    const stop = keyLeakScanner.watchRequestContext(request);
    await use(request);
    stop();
  },
  keyLeakGuard: [
    async ({ context, browser, playwright, keyLeaks, keyLeakScanner }, use) => {
      const stops = [keyLeakScanner.watchContext(context)];
      // Contexts the test makes itself (browser.newContext(), browser.newPage()).
      const onContext = (created: BrowserContext) => void stops.push(keyLeakScanner.watchContext(created));
      browser.on('context', onContext);
      // API request contexts the test makes itself.
      const newRequestContext = playwright.request.newContext;
      playwright.request.newContext = async (options) => {
        const created = await newRequestContext.call(playwright.request, options);
        stops.push(keyLeakScanner.watchRequestContext(created));
        return created;
      };
      await use();
      playwright.request.newContext = newRequestContext;
      browser.off('context', onContext);
      for (const stop of stops) stop();
      await keyLeakScanner.settle();
      expect(keyLeaks, 'the API key must never reach the browser').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Returns a description of where the key appeared, or null. */
export async function scanResponseForKey(response: Response, key: string): Promise<string | null> {
  const where = `${response.request().method()} ${response.url()}`;
  if (response.url().includes(key)) return `${where}: URL`;
  let headers: Array<{ name: string; value: string }> = [];
  try {
    headers = await response.headersArray();
  } catch {
    // the page went away
  }
  for (const { name, value } of headers) {
    if (name.includes(key) || value.includes(key)) return `${where}: header ${name}`;
  }
  const status = response.status();
  if (status >= 300 && status < 400) return null;
  try {
    const body = await response.body();
    if (body.includes(key)) return `${where}: body`;
  } catch {
    // bodies of aborted/redirected/media-range responses may be unavailable
  }
  return null;
}

/** The same for an answer to an API request context (`request`, `page.request`). */
export async function scanApiResponseForKey(response: APIResponse, key: string): Promise<string | null> {
  const where = `API ${response.url()}`;
  if (response.url().includes(key)) return `${where}: URL`;
  for (const { name, value } of response.headersArray()) {
    if (name.includes(key) || value.includes(key)) return `${where}: header ${name}`;
  }
  try {
    const body = await response.body();
    if (body.includes(key)) return `${where}: body`;
  } catch {
    // disposed meanwhile
  }
  return null;
}

/** Opens the viewer for a session and returns the page. */
export async function openViewer(page: Page, sessionId: string, query = ''): Promise<void> {
  await page.goto(`/sessions/${sessionId}${query}`);
}
