import type { ReadAsset } from '../app-deps';
import { CHECKOUT_STEPS, SEARCH_STEPS, type DemoStepScript } from './demo-steps';

export type DemoMediaSample = 'checkout-flow' | 'search-and-extract';

export type DemoSessionKind = 'ready' | 'mp4_only' | 'processing';

export interface DemoSession {
  sessionId: string;
  kind: DemoSessionKind;
  media: DemoMediaSample;
  title: string;
  description: string;
  steps: readonly DemoStepScript[];
  /** Offered on the home page. */
  listed: boolean;
}

/** Like real sessions, the first video frame comes a little after the session starts. */
export const DEMO_VIDEO_START_MS = 1800;
/** Time between the last video frame and the session closing. */
export const DEMO_CLOSE_AFTER_VIDEO_MS = 1400;

export const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    sessionId: 'demo-checkout-flow',
    kind: 'ready',
    media: 'checkout-flow',
    title: 'Checkout flow',
    description: 'An agent goes from the cart to checkout, fills the shipping and payment form and places an order.',
    steps: CHECKOUT_STEPS,
    listed: true,
  },
  {
    sessionId: 'demo-search-and-extract',
    kind: 'ready',
    media: 'search-and-extract',
    title: 'Search and extract',
    description: 'An agent searches for headphones, opens the first result and extracts the product details.',
    steps: SEARCH_STEPS,
    listed: true,
  },
  {
    sessionId: 'demo-mp4-only',
    kind: 'mp4_only',
    media: 'checkout-flow',
    title: 'Checkout flow (MP4 only)',
    description: 'The checkout session as a single MP4 file, without an HLS playlist.',
    steps: CHECKOUT_STEPS,
    listed: false,
  },
  {
    sessionId: 'demo-processing',
    kind: 'processing',
    media: 'checkout-flow',
    title: 'Still processing',
    description: 'A session whose replay is never ready: the viewer keeps polling.',
    steps: [],
    listed: false,
  },
];

export function findDemoSession(sessionId: string): DemoSession | undefined {
  return DEMO_SESSIONS.find((session) => session.sessionId === sessionId);
}

export function demoPlaylistPath(media: DemoMediaSample): string {
  return `/demo-media/${media}/index.m3u8`;
}

export const DEMO_MEDIA_SAMPLES: readonly DemoMediaSample[] = ['checkout-flow', 'search-and-extract'];

/** The playlist is the source of truth for the video's length: the sum of its EXTINF durations. */
export function playlistDurationMs(playlist: string): number | null {
  let totalSec = 0;
  let found = false;
  for (const match of playlist.matchAll(/^#EXTINF:\s*([0-9.]+)/gm)) {
    totalSec += Number(match[1]);
    found = true;
  }
  return found && Number.isFinite(totalSec) ? Math.round(totalSec * 1000) : null;
}

export async function readDemoPlaylist(readAsset: ReadAsset, media: DemoMediaSample): Promise<string | null> {
  const response = await readAsset(demoPlaylistPath(media));
  if (response === null || !response.ok) return null;
  return response.text();
}

export interface DemoSessionSummary {
  id: string;
  title: string;
  description: string;
  durationMs: number | null;
  thumbnailPath: string;
}

export async function listDemoSessions(readAsset: ReadAsset): Promise<DemoSessionSummary[]> {
  const listed = DEMO_SESSIONS.filter((session) => session.listed);
  return Promise.all(
    listed.map(async (session) => {
      const playlist = await readDemoPlaylist(readAsset, session.media);
      return {
        id: session.sessionId,
        title: session.title,
        description: session.description,
        durationMs: playlist === null ? null : playlistDurationMs(playlist),
        thumbnailPath: `/demo-media/${session.media}/thumb.jpg`,
      };
    }),
  );
}
