import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The page's `<main>`, made focusable from script only: where focus goes when nothing better is left. */
export function mainLandmark(): HTMLElement | null {
  const main = document.getElementById('main');
  if (main && !main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  return main;
}

/**
 * A notice whose own button makes it go away (Retry, Try again, Dismiss) would drop keyboard focus
 * on `<body>`: when it unmounts while holding focus, focus moves to `fallback()` instead.
 */
export function useFocusRescue(ref: RefObject<HTMLElement | null>, fallback: () => HTMLElement | null = mainLandmark): void {
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useLayoutEffect(() => {
    const node = ref.current;
    return () => {
      // Layout cleanups run before React removes the node: it still holds focus here.
      if (!node?.contains(document.activeElement)) return;
      queueMicrotask(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        // The fallback's target may be gone too (the player, when the page turned into a failure).
        if (lost) (fallbackRef.current() ?? mainLandmark())?.focus({ preventScroll: true });
      });
    };
  }, [ref]);
}
