/** Page titles, the same from the server's HTML and the app: tabs, history and link previews tell sessions apart. */
export const SITE_TITLE = 'Notte Replay';

export function sessionPageTitle(sessionId: string): string {
  return `Session ${sessionId} · ${SITE_TITLE}`;
}
