const WAIT_FOR_MAIN_MS = 3_000;

/**
 * After an in-app navigation, keyboard and screen-reader users continue at the new page's content,
 * not on `<body>` (the control they used is gone). The page's `<main>` may come a moment later (a
 * lazily loaded view): it is awaited briefly. Returns a cancel.
 */
export function focusMainWhenShown(): () => void {
  const focus = (main: HTMLElement) => {
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus({ preventScroll: true });
  };
  const now = document.getElementById('main');
  if (now) {
    focus(now);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const main = document.getElementById('main');
    if (!main) return;
    stop();
    focus(main);
  });
  const timer = setTimeout(() => stop(), WAIT_FOR_MAIN_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
