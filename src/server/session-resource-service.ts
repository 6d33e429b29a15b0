import { parseUtcTimestampMs } from '../shared/clock-format';
import { toReplay, upstreamReplaySchema } from '../shared/replay-schema';
import { toSessionDetails, upstreamSessionDetailsSchema } from '../shared/session-details-schema';
import type { ServerConfig } from './config';
import { createInFlight } from './in-flight';
import { withLoggableUrls } from './loggable-url.mjs';
import { errorAnswer, okAnswer, type ProxyAnswer } from './proxy-answer';
import { replayFreshUntilMs, SESSION_DETAILS_FRESH_MS, type CachedEntry, type ReplayCache, isServable } from './replay-cache';
import { parseRetryAfterSec } from './retry-after';
import { createUpstreamCooldown } from './upstream-cooldown';
import { describeUpstreamErrorBody } from './upstream-error-text';
import {
  badUpstreamError,
  mapUpstreamFailure,
  timeoutError,
  unreachableError,
  type MappedError,
  type SessionResource,
} from './upstream-error-mapping';
import { requestUpstream } from './upstream-request';

export type CacheOutcome = 'hit' | 'miss' | 'coalesced' | 'cooldown';

export interface ServiceResult {
  answer: ProxyAnswer;
  cache: CacheOutcome;
}

export interface SessionResourceService {
  /** `scope` separates answers that differ by more than the session (the demo's media origin). */
  get(resource: SessionResource, sessionId: string, fetchUpstream: typeof fetch, scope: string): Promise<ServiceResult>;
}

export function createSessionResourceService(deps: {
  config: ServerConfig;
  nowMs: () => number;
  cache: ReplayCache;
  log: (line: Record<string, unknown>) => void;
}): SessionResourceService {
  const { config, nowMs, cache } = deps;
  const cooldown = createUpstreamCooldown(nowMs);
  // Joined for at most the upstream timeout and a second: see createInFlight.
  const inFlight = createInFlight<ProxyAnswer>({ nowMs, maxAgeMs: config.upstreamTimeoutMs + 1_000 });

  async function readCache(key: string): Promise<CachedEntry | undefined> {
    try {
      const entry = await cache.get(key);
      return entry !== undefined && isServable(entry, nowMs()) ? entry : undefined;
    } catch (error) {
      deps.log({ event: 'cache_error', op: 'get', message: redact(String(error)) });
      return undefined;
    }
  }

  async function writeCache(key: string, entry: CachedEntry): Promise<void> {
    try {
      await cache.set(key, entry);
    } catch (error) {
      deps.log({ event: 'cache_error', op: 'set', message: redact(String(error)) });
    }
  }

  /** For log lines: no key, and no URL's credentials or query (fetch's errors repeat NOTTE_API_URL). */
  function redact(text: string): string {
    return withLoggableUrls(config.apiKey === null ? text : text.split(config.apiKey).join('[redacted]'));
  }

  function fromMapped(mapped: MappedError, upstreamStatus: number | null, logDetail?: string): ProxyAnswer {
    const extra: { upstreamStatus: number | null; logDetail?: string } = { upstreamStatus };
    if (logDetail !== undefined) extra.logDetail = redact(logDetail);
    return errorAnswer(mapped.status, mapped.error, extra);
  }

  async function fetchAndStore(
    resource: SessionResource,
    sessionId: string,
    fetchUpstream: typeof fetch,
    key: string,
  ): Promise<ProxyAnswer> {
    const path = resource === 'replay' ? `/sessions/${sessionId}/replay` : `/sessions/${sessionId}`;
    const reply = await requestUpstream(fetchUpstream, config, path);
    if (reply.kind === 'timeout') return fromMapped(timeoutError(), null, `no answer within ${config.upstreamTimeoutMs} ms`);
    if (reply.kind === 'unreachable') return fromMapped(unreachableError(), null, reply.detail);

    const body = parseJson(reply.bodyText);
    if (reply.status !== 200) {
      const retryAfterSec = parseRetryAfterSec(reply.headers.get('retry-after'), nowMs());
      const mapped = mapUpstreamFailure(reply.status, body, retryAfterSec, resource);
      if (mapped.error.code === 'rate_limited') cooldown.start(mapped.error.retryAfterSec ?? 1);
      return fromMapped(mapped, reply.status, describeUpstreamErrorBody(body, reply.bodyText));
    }

    if (body === null && reply.bodyText.trim() !== 'null') {
      return fromMapped(badUpstreamError(), 200, `body is not JSON: ${reply.bodyText.slice(0, 120)}`);
    }
    const fetchedAtMs = nowMs();
    const stored = resource === 'replay' ? toReplayEntry(body, fetchedAtMs) : toDetailsEntry(body, fetchedAtMs);
    if (stored.kind === 'invalid') return fromMapped(badUpstreamError(), 200, stored.detail);
    if (stored.entry !== null) await writeCache(key, stored.entry);
    return okAnswer(stored.bodyJson, 200);
  }

  return {
    async get(resource, sessionId, fetchUpstream, scope) {
      const key = `${resource}:${scope}:${sessionId}`;
      const cached = await readCache(key);
      if (cached !== undefined) return { answer: okAnswer(cached.bodyJson, null), cache: 'hit' };

      const waitSec = cooldown.remainingSec();
      if (waitSec !== null) {
        const mapped = mapUpstreamFailure(429, null, waitSec, resource);
        return { answer: fromMapped(mapped, null), cache: 'cooldown' };
      }

      const { promise, shared } = inFlight.run(key, () => fetchAndStore(resource, sessionId, fetchUpstream, key));
      return { answer: await promise, cache: shared ? 'coalesced' : 'miss' };
    },
  };
}

type StoredResult =
  | { kind: 'invalid'; detail: string }
  | { kind: 'valid'; bodyJson: string; entry: CachedEntry | null };

function toReplayEntry(body: unknown, fetchedAtMs: number): StoredResult {
  const parsed = upstreamReplaySchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', detail: `replay schema: ${summariseIssues(parsed.error.issues)}` };
  const replay = toReplay(parsed.data);
  const bodyJson = JSON.stringify(replay);
  // An unreadable expires_at is treated as "no stated expiry" for the client, but cached only briefly.
  const expiresAtMs = replay.expires_at === null ? null : parseUtcTimestampMs(replay.expires_at);
  const freshUntilMs = replayFreshUntilMs(fetchedAtMs, expiresAtMs);
  const entry = freshUntilMs === null ? null : { bodyJson, fetchedAtMs, freshUntilMs, expiresAtMs };
  return { kind: 'valid', bodyJson, entry };
}

function toDetailsEntry(body: unknown, fetchedAtMs: number): StoredResult {
  const parsed = upstreamSessionDetailsSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', detail: `session schema: ${summariseIssues(parsed.error.issues)}` };
  const bodyJson = JSON.stringify(toSessionDetails(parsed.data));
  const entry = { bodyJson, fetchedAtMs, freshUntilMs: fetchedAtMs + SESSION_DETAILS_FRESH_MS, expiresAtMs: null };
  return { kind: 'valid', bodyJson, entry };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function summariseIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
