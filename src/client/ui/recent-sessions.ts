import * as z from 'zod/mini';
import { isValidSessionId } from '../../shared/session-id';
import { readLocal, writeLocal } from './local-store';

const KEY = 'replay-viewer.recentSessions';
export const MAX_RECENT_SESSIONS = 10;

const recentListSchema = z.array(z.object({ sessionId: z.string(), openedAtMs: z.number() }));
export type RecentSession = z.infer<typeof recentListSchema>[number];

/** Pure: the list after opening `sessionId` at `nowMs` (most recent first, no duplicates, capped). */
export function withOpened(list: readonly RecentSession[], sessionId: string, nowMs: number): RecentSession[] {
  return [{ sessionId, openedAtMs: nowMs }, ...list.filter((item) => item.sessionId !== sessionId)].slice(0, MAX_RECENT_SESSIONS);
}

export function readRecentSessions(): RecentSession[] {
  const raw = readLocal(KEY);
  if (raw === null) return [];
  try {
    const parsed = z.safeParse(recentListSchema, JSON.parse(raw));
    return parsed.success ? parsed.data.filter((item) => isValidSessionId(item.sessionId)).slice(0, MAX_RECENT_SESSIONS) : [];
  } catch {
    return [];
  }
}

export function writeRecentSessions(list: readonly RecentSession[]): void {
  writeLocal(KEY, list.length === 0 ? null : JSON.stringify(list));
}

export function rememberOpenedSession(sessionId: string, nowMs: number): void {
  writeRecentSessions(withOpened(readRecentSessions(), sessionId, nowMs));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function describeAgo(thenMs: number, nowMs: number): string {
  const sec = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  if (sec < 60) return 'just now';
  const min = Math.floor(sec / 60);
  if (min < 60) return `${min} min ago`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
