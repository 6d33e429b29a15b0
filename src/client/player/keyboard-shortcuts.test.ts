import { describe, expect, it } from 'vitest';
import { allowsRepeat, shortcutFor } from './keyboard-shortcuts';

const press = (key: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps the player keys', () => {
    expect(shortcutFor(press(' '))).toEqual({ kind: 'toggle-play' });
    expect(shortcutFor(press('k'))).toEqual({ kind: 'toggle-play' });
    expect(shortcutFor(press('j'))).toEqual({ kind: 'seek-by', deltaSec: -10 });
    expect(shortcutFor(press('L', { shiftKey: true }))).toEqual({ kind: 'seek-by', deltaSec: 10 });
    expect(shortcutFor(press('ArrowLeft'))).toEqual({ kind: 'seek-by', deltaSec: -5 });
    expect(shortcutFor(press('.'))).toEqual({ kind: 'frame-step', direction: 1 });
    expect(shortcutFor(press('7'))).toEqual({ kind: 'jump-to-tenth', tenth: 7 });
    expect(shortcutFor(press('>', { shiftKey: true }))).toEqual({ kind: 'rate', direction: 1 });
    expect(shortcutFor(press('<', { shiftKey: true }))).toEqual({ kind: 'rate', direction: -1 });
    expect(shortcutFor(press('f'))).toEqual({ kind: 'fullscreen' });
    expect(shortcutFor(press('p'))).toEqual({ kind: 'picture-in-picture' });
    expect(shortcutFor(press('?', { shiftKey: true }))).toEqual({ kind: 'help' });
  });
  it('reads N and Shift+N as next and previous step', () => {
    expect(shortcutFor(press('n'))).toEqual({ kind: 'step', direction: 1 });
    expect(shortcutFor(press('N', { shiftKey: true }))).toEqual({ kind: 'step', direction: -1 });
  });
  it('leaves browser and OS shortcuts alone', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('l', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
  });
});

describe('allowsRepeat (a held key)', () => {
  it('repeats moves, never toggles', () => {
    const held = (key: string, shiftKey = false) => {
      const command = shortcutFor(press(key, { shiftKey }));
      if (command === null) throw new Error(`no shortcut for ${key}`);
      return allowsRepeat(command);
    };
    expect(['j', 'l', 'ArrowLeft', '.', '5'].map((key) => held(key))).toEqual([true, true, true, true, true]);
    expect([' ', 'k', 'f', 'p'].map((key) => held(key))).toEqual([false, false, false, false]);
    expect(held('?', true)).toBe(false);
  });
});

