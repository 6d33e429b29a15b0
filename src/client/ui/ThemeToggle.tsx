import { useState } from 'react';
import { TOPBAR_ICON_PATHS, type TopbarIconName } from '../../shared/icon-paths';
import { SvgIcon } from './SvgIcon';
import { applyThemeChoice, nextThemeChoice, readThemeChoice, type ThemeChoice } from './theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<ThemeChoice, TopbarIconName> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

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
      <SvgIcon path={TOPBAR_ICON_PATHS[ICONS[choice]]} size={16} />
      {LABELS[choice]}
    </button>
  );
}
