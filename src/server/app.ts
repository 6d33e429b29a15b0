import { Hono, type Context } from 'hono';
import { isValidSessionId } from '../shared/session-id';
import type { AppDeps, RuntimeBindings } from './app-deps';
import { clientKeyFor, createClientRateLimiter } from './client-rate-limit';
import { listDemoSessions } from './demo/demo-samples';
import { serveDemoStorage, STORAGE_CORS_HEADERS } from './demo/demo-storage';
import { createDemoUpstream } from './demo/demo-upstream';
import { createUrlSigner } from './demo/url-signer';
import { sessionIdFromPagePath } from './index-html';
import { themeFromCookieHeader } from '../shared/theme-cookie';
import { indexHtmlResponse, plainResponse, staticFileResponse } from './page-responses';
import { API_RESPONSE_HEADERS, answerToResponse, errorAnswer, type ProxyAnswer } from './proxy-answer';
import { createPageLookupHandoff } from './page-lookup-handoff';
import { createMemoryReplayCache } from './replay-cache';
import { BASE_SECURITY_HEADERS, htmlSecurityHeaders, NON_HTML_CSP } from './security-headers';
import { createSessionResourceService, type CacheOutcome } from './session-resource-service';
import { looksLikeFile } from './static-paths';
import type { SessionResource } from './upstream-error-mapping';

export type { AppDeps, RuntimeBindings } from './app-deps';

interface RequestVariables {
  upstreamStatus: number | undefined;
  cache: CacheOutcome | undefined;
  errorCode: string | undefined;
  logDetail: string | undefined;
}

export type AppEnv = { Bindings: RuntimeBindings; Variables: RequestVariables };
type AppContext = Context<AppEnv>;

const ALLOWED_METHODS = 'GET, HEAD';
const KNOWN_API_ROUTE = /^\/api\/(sessions\/.*|demo-sessions)$/;
const MAX_LOGGED_PATH_CHARS = 200;
/** The demo sessions "happened" this long before the app's first request. */
const DEMO_SESSION_AGE_MS = 15 * 60_000;

/**
 * The whole server as one Hono app, for Node and Workers alike: only web-standard APIs here and in
 * everything imported; runtime specifics (files, sockets, env) come in through `deps`.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, nowMs, readAsset, log } = deps;
  const cache = deps.cache ?? createMemoryReplayCache({ nowMs });
  const sessions = createSessionResourceService({ config, nowMs, cache, log });
  const rateLimiter = createClientRateLimiter({ perMinute: config.rateLimitPerMinute, nowMs });
  const pageLookups = createPageLookupHandoff(nowMs);
  const htmlHeaders = htmlSecurityHeaders(config);
  // Workers forbid random values and clocks at global scope, where the app may be created: both are lazy.
  const signer = createUrlSigner(config.demoSigningSecret);
  let demoSessionsCreatedAtMs: number | null = null;

  function upstreamFor(): { fetchUpstream: typeof fetch; scope: string } {
    if (config.mode === 'notte') return { fetchUpstream: deps.fetchUpstream, scope: 'notte' };
    demoSessionsCreatedAtMs ??= nowMs() - DEMO_SESSION_AGE_MS;
    const fetchUpstream = createDemoUpstream({
      // Root-relative links: right behind any reverse proxy or public hostname, whatever the request said.
      mediaOrigin: '',
      nowMs,
      signer,
      readAsset,
      sessionsCreatedAtMs: demoSessionsCreatedAtMs,
    });
    return { fetchUpstream, scope: 'demo' };
  }

  function apiError(c: AppContext, answer: ProxyAnswer): Response {
    c.set('errorCode', answer.errorCode);
    return answerToResponse(answer);
  }

  async function sessionRoute(c: AppContext): Promise<Response> {
    const route = parseSessionApiPath(pathnameOf(c));
    if (route === null) return routeNotFound(c);
    const sessionId = safeDecode(route.rawId);
    if (sessionId === null || !isValidSessionId(sessionId)) {
      return apiError(
        c,
        errorAnswer(400, {
          code: 'invalid_id',
          message: 'That is not a valid session ID: use only letters, digits, "-" and "_" (at most 128 characters).',
          retryable: false,
        }),
      );
    }
    const { fetchUpstream, scope } = upstreamFor();
    const client = clientKeyFor(c.req.raw.headers, c.env?.clientAddress, config.trustedProxyHops);
    const handedOver = route.resource === 'replay' ? pageLookups.take(handoffKey(client, scope, sessionId)) : null;
    const lookup = handedOver ? handedOver.then((handed) => ({ ...handed, cache: 'coalesced' as const })) : sessions.get(route.resource, sessionId, fetchUpstream, scope);
    // Other requests may be waiting on this upstream call (coalescing): on Workers it must outlive a
    // client that leaves before it is answered.
    keepRequestAlive(c, lookup);
    const result = await lookup;
    c.set('cache', result.cache);
    c.set('upstreamStatus', result.answer.upstreamStatus ?? undefined);
    c.set('errorCode', result.answer.errorCode);
    c.set('logDetail', result.answer.logDetail);
    return answerToResponse(result.answer);
  }

  function routeNotFound(c: AppContext): Response {
    return apiError(c, errorAnswer(404, { code: 'route_not_found', message: 'There is no such API route.', retryable: false }));
  }

  async function pageRoute(c: AppContext): Promise<Response> {
    const pathname = pathnameOf(c);
    const rawId = sessionIdFromPagePath(pathname);
    const theme = themeFromCookieHeader(c.req.header('cookie'));
    if (rawId !== null) {
      const sessionId = safeDecode(rawId);
      const valid = sessionId !== null && isValidSessionId(sessionId);
      // An invalid ID names no page: 404, like any unknown path; the app in it says what is wrong with the ID.
      return indexHtmlResponse(readAsset, valid ? 200 : 404, {
        viewer: valid ? { sessionId, embed: c.req.query('embed') === '1', lookup: pageLookupFor(c, sessionId) } : null,
        theme,
      });
    }
    const isHome = pathname === '/' || pathname === '/index.html';
    const demoSamples = isHome && config.mode === 'demo' ? { samples: await listDemoSessions(readAsset) } : null;
    return indexHtmlResponse(readAsset, isHome ? 200 : 404, { demoSamples, theme });
  }

  /**
   * The replay, looked up for a viewer page's HTML: an mp4-only replay gets its `<video>` there, a
   * stream its hls.js preloads (src/server/shell-video.ts). The page's own preloaded replay request
   * takes this lookup over (page-lookup-handoff.ts); it counts against the client's rate limit like
   * that request. Not for a `?t=` start: the Player places it.
   */
  function pageLookupFor(c: AppContext, sessionId: string): Promise<ProxyAnswer | null> | null {
    // A HEAD (link checkers, previews) gets no body: nothing to look up for.
    if (c.req.query('t') !== undefined || c.req.method === 'HEAD') return null;
    const client = clientKeyFor(c.req.raw.headers, c.env?.clientAddress, config.trustedProxyHops);
    if (!rateLimiter.take(client).allowed) return null;
    const { fetchUpstream, scope } = upstreamFor();
    const lookup = sessions.get('replay', sessionId, fetchUpstream, scope);
    // This page's own preloaded request for the replay takes this lookup instead of asking Notte again.
    pageLookups.put(handoffKey(client, scope, sessionId), lookup);
    // On Workers a request's I/O ends with its response, and that request waits on this lookup.
    keepRequestAlive(c, lookup);
    return lookup.then(
      (result) => result.answer,
      () => null,
    );
  }

  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    log({ event: 'unhandled_error', path: truncate(pathnameOf(c)), message: String(error) });
    if (pathnameOf(c).startsWith('/api/')) {
      return apiError(c, errorAnswer(500, { code: 'internal_error', message: 'The viewer\'s server failed unexpectedly.', retryable: true }));
    }
    return plainResponse(500, 'Internal error');
  });

  app.use('*', async (c, next) => {
    const startedAtMs = nowMs();
    await next();
    c.res = withSecurityHeaders(c.res, htmlHeaders);
    // The client counts link expiry on this clock (a browser's can be off by hours). Node adds a Date
    // header by itself, a local workerd does not: set it here, from the app's clock, on both.
    if (!c.res.headers.has('date')) c.res.headers.set('date', new Date(nowMs()).toUTCString());
    const line: Record<string, unknown> = {
      method: c.req.method,
      path: truncate(pathnameOf(c)),
      status: c.res.status,
      durationMs: Math.max(0, nowMs() - startedAtMs),
    };
    const extras: Array<[string, unknown]> = [
      ['upstreamStatus', c.get('upstreamStatus')],
      ['cache', c.get('cache')],
      ['error', c.get('errorCode')],
      ['upstreamDetail', c.get('logDetail')],
    ];
    for (const [name, value] of extras) if (value !== undefined) line[name] = value;
    log(line);
  });

  app.use('/api/*', async (c, next) => {
    const decision = rateLimiter.take(clientKeyFor(c.req.raw.headers, c.env?.clientAddress, config.trustedProxyHops));
    if (decision.allowed) return next();
    return apiError(
      c,
      errorAnswer(429, {
        code: 'rate_limited',
        message: `Too many requests from your address: try again in ${decision.retryAfterSec} s.`,
        retryable: true,
        retryAfterSec: decision.retryAfterSec,
      }),
    );
  });

  app.get('/healthz', () => new Response(JSON.stringify({ ok: true }), { headers: API_RESPONSE_HEADERS }));

  app.get('/api/demo-sessions', async () => {
    const samples = config.mode === 'demo' ? await listDemoSessions(readAsset) : [];
    return new Response(JSON.stringify({ samples }), { headers: API_RESPONSE_HEADERS });
  });

  app.get('/api/sessions/*', sessionRoute);

  app.options('/demo-storage/*', () =>
    config.mode === 'demo' ? new Response(null, { status: 204, headers: STORAGE_CORS_HEADERS }) : plainResponse(404, 'Not found'),
  );

  app.get('/demo-storage/:media/:file', async (c) => {
    if (config.mode !== 'demo') return plainResponse(404, 'Not found');
    return serveDemoStorage({
      media: c.req.param('media'),
      file: c.req.param('file'),
      expiresParam: c.req.query('expires'),
      signatureParam: c.req.query('sig'),
      rangeHeader: c.req.header('range') ?? null,
      nowMs: nowMs(),
      signer,
      readAsset,
    });
  });

  app.all('*', async (c) => {
    const pathname = pathnameOf(c);
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (isApi && !KNOWN_API_ROUTE.test(pathname)) return routeNotFound(c);
      const allow = { allow: ALLOWED_METHODS };
      if (!isApi) return plainResponse(405, 'Method not allowed', allow);
      const response = apiError(
        c,
        errorAnswer(405, { code: 'method_not_allowed', message: 'Only GET is allowed here.', retryable: false }),
      );
      response.headers.set('allow', ALLOWED_METHODS);
      return response;
    }
    if (isApi) return routeNotFound(c);
    if (pathname.startsWith('/demo-storage/')) return plainResponse(404, 'Not found');
    // A viewer link with a dot in its ID is still a page: the app says the ID is invalid.
    if (looksLikeFile(pathname) && pathname !== '/index.html' && !pathname.startsWith('/sessions/')) {
      return (await staticFileResponse(readAsset, pathname)) ?? plainResponse(404, 'Not found');
    }
    return pageRoute(c);
  });

  return app;
}

function pathnameOf(c: AppContext): string {
  // The raw pathname: Hono's decoded path would turn `%2F` into a separator-looking character.
  return new URL(c.req.url).pathname;
}

function parseSessionApiPath(pathname: string): { resource: SessionResource; rawId: string } | null {
  const prefix = '/api/sessions/';
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length);
  const route: { resource: SessionResource; rawId: string } = rest.endsWith('/replay')
    ? { resource: 'replay', rawId: rest.slice(0, -'/replay'.length) }
    : { resource: 'details', rawId: rest };
  // A literal `/` left in the ID means another path (404); an encoded one is a bad ID (400).
  return route.rawId.includes('/') ? null : route;
}

function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function truncate(text: string): string {
  return text.length > MAX_LOGGED_PATH_CHARS ? `${text.slice(0, MAX_LOGGED_PATH_CHARS)}…` : text;
}

/** A page's lookup is only for the client that loaded the page. */
function handoffKey(client: string, scope: string, sessionId: string): string {
  return JSON.stringify([client, scope, sessionId]);
}

/** Workers cancel a request's outstanding I/O when its response is done, unless told to wait. */
function keepRequestAlive(c: AppContext, work: Promise<unknown>): void {
  let executionCtx: { waitUntil(promise: Promise<unknown>): void } | null = null;
  try {
    executionCtx = c.executionCtx;
  } catch {
    // Node: no execution context, and nothing ends a request's I/O early.
  }
  executionCtx?.waitUntil(work);
}

function withSecurityHeaders(response: Response, htmlHeaders: Readonly<Record<string, string>>): Response {
  // A fresh Response: bodies from runtime asset stores may carry immutable headers.
  const copy = new Response(response.body, response);
  const isHtml = (copy.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
  for (const [name, value] of Object.entries(isHtml ? htmlHeaders : BASE_SECURITY_HEADERS)) copy.headers.set(name, value);
  if (!isHtml && !copy.headers.has('content-security-policy')) copy.headers.set('content-security-policy', NON_HTML_CSP);
  return copy;
}
