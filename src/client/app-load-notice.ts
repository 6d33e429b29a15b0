// What boot.ts says above the page while the app's code (React and the rest) has not started: the page
// must not stay a shell without controls (or, at home, blank) with nothing to tell why.

const NOTICE_CLASS = 'app-load-notice';

// A hung connection neither delivers the app's code nor fails it, so the wait needs a bound: long enough
// that a slow but working link rarely sees the notice.
export const APP_SLOW_NOTICE_AFTER_MS = 15_000;

const NOTICE_TEXT = {
  // Still waiting: a slow connection may yet deliver, so no error and no role=alert; the app replaces it.
  slow: {
    tone: 'notice-waiting',
    role: 'status',
    title: 'The viewer is taking long to load',
    hint: 'Its code has not arrived yet: check the connection, or ',
    reload: 'reload the page',
  },
  failed: {
    tone: 'notice-error',
    role: 'alert',
    title: 'The viewer could not load',
    hint: 'Its code did not arrive: check the connection. ',
    reload: 'Reload the page',
  },
} as const;

export type AppLoadNoticeKind = keyof typeof NOTICE_TEXT;

/** Shows the notice of this kind in place of any earlier one, first in `#root`. */
export function showAppLoadNotice(kind: AppLoadNoticeKind): void {
  const text = NOTICE_TEXT[kind];
  const notice = document.createElement('div');
  notice.className = `notice ${text.tone} ${NOTICE_CLASS}`;
  notice.setAttribute('role', text.role);
  const title = document.createElement('p');
  title.className = 'notice-title';
  title.textContent = text.title;
  const hint = document.createElement('p');
  const reload = document.createElement('a');
  reload.href = window.location.href;
  reload.textContent = text.reload;
  hint.append(text.hint, reload, '.');
  notice.append(title, hint);
  removeAppLoadNotice();
  document.getElementById('root')?.prepend(notice);
}

export function removeAppLoadNotice(): void {
  document.querySelector(`.${NOTICE_CLASS}`)?.remove();
}
