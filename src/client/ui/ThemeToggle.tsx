import { useState } from 'react';
import { applyThemeChoice, nextThemeChoice, readThemeChoice, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={`Theme: ${LABELS[choice]} (change)`}
      title="Switch between system, light and dark themes"
      onClick={() => {
        const next = nextThemeChoice(choice);
        applyThemeChoice(next);
        setChoice(next);
      }}
    >
      <span aria-hidden="true">{choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}</span> {LABELS[choice]}
    </button>
  );
}
