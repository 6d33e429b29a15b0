import { describe, expect, it } from 'vitest';
import { TOPBAR_ICON_PATHS } from '../shared/icon-paths';
import { SHELL_VIDEO_SLOT } from './shell-video';
import { injectViewerShell, viewerShellHtml } from './viewer-shell';

// Arrows, geometric shapes and other symbols: fonts seldom have them, and the first layout of a shared
// link then searched the system's fonts for one (20–40 ms on Linux).
const SYMBOLS = /[\u2190-\u2bff\u{1f300}-\u{1faff}]/u;

describe('viewerShellHtml', () => {
  it('draws the top bar with an SVG mark, no text symbols, and an empty stand-in for the theme button', () => {
    const html = viewerShellHtml({ embed: false });
    expect(html).toContain(`<path d="${TOPBAR_ICON_PATHS.play}"`);
    expect(html).toContain('Notte Replay');
    expect(html).toMatch(/<button[^>]*class="theme-toggle shell-placeholder"[^>]*><\/button>/);
    expect(html).not.toMatch(SYMBOLS);
  });

  it('holds the video slot inside the player stage, plain and embedded', () => {
    for (const embed of [false, true]) {
      const html = viewerShellHtml({ embed });
      const stageAt = html.indexOf('data-shell-stage');
      expect(stageAt).toBeGreaterThan(-1);
      expect(html.indexOf(SHELL_VIDEO_SLOT)).toBeGreaterThan(stageAt);
      expect(html).not.toMatch(SYMBOLS);
    }
    expect(viewerShellHtml({ embed: true })).not.toContain('topbar');
  });

  it('goes into an empty #root only', () => {
    expect(injectViewerShell('<body><div id="root"></div></body>', { embed: false })).toContain('data-shell-stage');
    expect(injectViewerShell('<body><div id="app"></div></body>', { embed: false })).toBe('<body><div id="app"></div></body>');
  });
});
