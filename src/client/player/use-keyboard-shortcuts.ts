import { useEffect, useRef } from 'react';
import { allowsRepeat, isTypingTarget, shortcutFor, type ShortcutCommand } from './keyboard-shortcuts';

/**
 * Shortcuts work anywhere on the page, not only inside the player, except while typing in a field
 * or when a focused control (a button's Space, the slider's arrows) has already handled the key.
 */
export function useKeyboardShortcuts(run: (command: ShortcutCommand) => void, enabled = true): void {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = shortcutFor(event);
      if (command === null) return;
      const onControl = event.target instanceof HTMLElement && event.target.closest('button, a, summary, [role="button"]');
      if (onControl && (event.key === ' ' || event.key === 'Enter')) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog[open]')) return;
      if (event.repeat && !allowsRepeat(command)) {
        event.preventDefault();
        return;
      }
      event.preventDefault();
      runRef.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
