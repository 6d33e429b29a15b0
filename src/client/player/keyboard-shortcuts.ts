export type ShortcutCommand =
  | { kind: 'toggle-play' }
  | { kind: 'seek-by'; deltaSec: number }
  | { kind: 'frame-step'; direction: 1 | -1 }
  | { kind: 'jump-to-tenth'; tenth: number }
  | { kind: 'rate'; direction: 1 | -1 }
  | { kind: 'fullscreen' }
  | { kind: 'picture-in-picture' }
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'help' };

/** Whether a held key (auto-repeat) may run the command again: moves may, toggles must not flip back and forth. */
export function allowsRepeat(command: ShortcutCommand): boolean {
  return command.kind !== 'toggle-play' && command.kind !== 'fullscreen' && command.kind !== 'picture-in-picture' && command.kind !== 'help';
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The list the help dialog shows; the same table drives `shortcutFor`. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Space or K', action: 'Play / pause' },
  { keys: 'J / L', action: 'Back / forward 10 seconds' },
  { keys: '← / →', action: 'Back / forward 5 seconds' },
  { keys: ', / .', action: 'Previous / next frame (while paused)' },
  { keys: '0 – 9', action: 'Jump to 0 % – 90 %' },
  { keys: 'Shift + < / >', action: 'Slower / faster' },
  { keys: 'N / Shift + N', action: 'Next / previous step' },
  { keys: 'F', action: 'Fullscreen' },
  { keys: 'P', action: 'Picture-in-picture' },
  { keys: '?', action: 'This list' },
];

export function shortcutFor(press: KeyPress): ShortcutCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key;
  if (/^[0-9]$/.test(key)) return { kind: 'jump-to-tenth', tenth: Number(key) };
  switch (key) {
    case ' ':
    case 'k':
    case 'K':
      return { kind: 'toggle-play' };
    case 'j':
    case 'J':
      return { kind: 'seek-by', deltaSec: -10 };
    case 'l':
    case 'L':
      return { kind: 'seek-by', deltaSec: 10 };
    case 'ArrowLeft':
      return { kind: 'seek-by', deltaSec: -5 };
    case 'ArrowRight':
      return { kind: 'seek-by', deltaSec: 5 };
    case ',':
      return { kind: 'frame-step', direction: -1 };
    case '.':
      return { kind: 'frame-step', direction: 1 };
    case '<':
      return { kind: 'rate', direction: -1 };
    case '>':
      return { kind: 'rate', direction: 1 };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    case 'p':
    case 'P':
      return { kind: 'picture-in-picture' };
    case 'n':
    case 'N':
      return { kind: 'step', direction: press.shiftKey ? -1 : 1 };
    case '?':
      return { kind: 'help' };
    default:
      return null;
  }
}

/** Typing in a field must never trigger a shortcut; nor should Space on a button it would press. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(type);
}
