import type { ReadAsset } from '../app-deps';
import {
  DEMO_CLOSE_AFTER_VIDEO_MS,
  DEMO_VIDEO_START_MS,
  findDemoSession,
  playlistDurationMs,
  readDemoPlaylist,
  type DemoMediaSample,
  type DemoSession,
} from './demo-samples';
import { buildSteps, notteTimestamp } from './demo-steps';
import type { UrlSigner } from './url-signer';

export const DEFAULT_DEMO_LINK_LIFETIME_MS = 60 * 60 * 1000;

export interface DemoUpstreamOptions {
  /** Origin the signed storage URLs point at (the request's own origin). */
  mediaOrigin: string;
  nowMs: () => number;
  signer: UrlSigner;
  readAsset: ReadAsset;
  /** When the demo sessions started; fixed per app instance so answers stay consistent. */
  sessionsCreatedAtMs: number;
  linkLifetimeMs?: number;
}

/** A `fetch`-compatible stand-in for the Notte API, answering in-process for the demo sessions. */
export function createDemoUpstream(options: DemoUpstreamOptions): typeof fetch {
  const linkLifetimeMs = options.linkLifetimeMs ?? DEFAULT_DEMO_LINK_LIFETIME_MS;

  async function signedUrl(media: DemoMediaSample, file: string, expiresAtMs: number): Promise<string> {
    const path = demoStoragePath(media, file);
    const signature = await options.signer.sign(path, expiresAtMs);
    return `${options.mediaOrigin}${path}?expires=${expiresAtMs}&sig=${signature}`;
  }

  async function replay(session: DemoSession): Promise<Response> {
    if (session.kind === 'processing') {
      return json(404, {
        detail: 'Replay is not ready yet',
        session_id: session.sessionId,
        status: 404,
        error: 'ReplayMissing',
        message: 'The replay of this session is still being processed.',
        replay_status: 'processing',
        retryable: true,
      });
    }
    const playlist = await readDemoPlaylist(options.readAsset, session.media);
    if (playlist === null) {
      return json(404, {
        detail: 'Demo media has not been generated (run scripts/make-media.sh)',
        session_id: session.sessionId,
        error: 'ReplayMissing',
        replay_status: 'unavailable',
        retryable: false,
      });
    }
    const expiresAtMs = options.nowMs() + linkLifetimeMs;
    const playlistContent =
      session.kind === 'mp4_only' ? null : await signPlaylist(playlist, (uri) => signedUrl(session.media, uri, expiresAtMs));
    return json(200, {
      playlist_content: playlistContent,
      mp4_url: await signedUrl(session.media, 'replay.mp4', expiresAtMs),
      expires_at: new Date(expiresAtMs).toISOString().replace(/Z$/, '+00:00'),
      video_start_ms: DEMO_VIDEO_START_MS,
      video_duration_ms: playlistDurationMs(playlist),
    });
  }

  async function details(session: DemoSession): Promise<Response> {
    const playlist = await readDemoPlaylist(options.readAsset, session.media);
    const videoDurationMs = (playlist === null ? null : playlistDurationMs(playlist)) ?? 0;
    const createdAtMs = options.sessionsCreatedAtMs;
    const durationMs = DEMO_VIDEO_START_MS + videoDurationMs + DEMO_CLOSE_AFTER_VIDEO_MS;
    return json(200, {
      session_id: session.sessionId,
      created_at: notteTimestamp(createdAtMs),
      closed_at: notteTimestamp(createdAtMs + durationMs),
      last_accessed_at: notteTimestamp(createdAtMs + durationMs),
      status: 'closed',
      duration: `PT${(durationMs / 1000).toFixed(1)}S`,
      steps: buildSteps(session.steps, createdAtMs + DEMO_VIDEO_START_MS),
    });
  }

  return async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== 'GET') return json(405, { detail: 'Method Not Allowed' });
    const match = /^\/sessions\/([^/]+)(\/replay)?$/.exec(new URL(request.url).pathname);
    if (match === null) return json(404, { detail: 'Not Found' });
    const session = findDemoSession(decodeURIComponent(match[1] ?? ''));
    if (session === undefined) return json(404, { detail: 'Session not found' });
    return match[2] === undefined ? details(session) : replay(session);
  };
}

export function demoStoragePath(media: string, file: string): string {
  return `/demo-storage/${media}/${file}`;
}

/** Rewrites every URI line and `URI="…"` attribute of a playlist with `sign`. */
export async function signPlaylist(playlist: string, sign: (uri: string) => Promise<string>): Promise<string> {
  const lines = playlist.split(/\r?\n/);
  const signed = await Promise.all(
    lines.map(async (line) => {
      const trimmed = line.trim();
      if (trimmed.length === 0) return line;
      if (!trimmed.startsWith('#')) return sign(trimmed);
      const attribute = /URI="([^"]+)"/.exec(trimmed);
      if (attribute?.[1] === undefined) return line;
      return trimmed.replace(attribute[0], `URI="${await sign(attribute[1])}"`);
    }),
  );
  return signed.join('\n');
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
