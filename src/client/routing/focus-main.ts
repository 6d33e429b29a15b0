/** A lazily loaded page may take this long on a slow line; the wait ends sooner if the user acts. */
const WAIT_FOR_MAIN_MS = 15_000;

/**
 * After an in-app navigation, keyboard and screen-reader users continue at the new page's content,
 * not on `<body>` (the control they used is gone). The page's `<main>` may come later (a lazily
 * loaded view): it is awaited, but focus is only moved while nothing else holds it, and the wait
 * ends as soon as the user presses, clicks or focuses something. Returns a cancel.
 */
export function focusMainWhenShown(): () => void {
  const nobodyHasFocus = () => document.activeElement === null || document.activeElement === document.body;
  const focus = (main: HTMLElement) => {
    if (!nobodyHasFocus()) return;
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
  const userActed = () => stop();
  const timer = setTimeout(userActed, WAIT_FOR_MAIN_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of ['keydown', 'pointerdown', 'focusin'] as const) window.removeEventListener(type, userActed, true);
  };
  for (const type of ['keydown', 'pointerdown', 'focusin'] as const) window.addEventListener(type, userActed, true);
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
