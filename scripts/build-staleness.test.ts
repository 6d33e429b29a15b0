import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from './build-staleness.mjs';

const BUILT_AT = new Date('2026-03-01T12:00:00Z');
const BEFORE = new Date('2026-03-01T11:00:00Z');
const AFTER = new Date('2026-03-01T13:00:00Z');
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A repository whose files all predate its build. */
function builtRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'build-staleness-'));
  roots.push(root);
  const files = ['src/main.tsx', 'public/favicon.svg', 'index.html', 'scripts/vite-player-chunk-plugin.ts', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
  for (const file of files) touch(root, file, BEFORE);
  for (const directory of ['src', 'public', 'scripts']) utimesSync(join(root, directory), BEFORE, BEFORE);
  for (const output of ['dist-server/node-main.js', 'dist/index.html']) touch(root, output, BUILT_AT);
  return root;
}

function touch(root: string, file: string, at: Date): void {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, at, at);
}

describe('buildIsStale', () => {
  it('is false when every input predates the build, true when an output is missing', () => {
    const root = builtRepository();
    expect(buildIsStale(root)).toBe(false);
    rmSync(join(root, 'dist/index.html'));
    expect(buildIsStale(root)).toBe(true);
  });

  it.each(['src/main.tsx', 'index.html', 'vite.config.ts', 'package-lock.json'])('notices a change to %s', (file) => {
    const root = builtRepository();
    touch(root, file, AFTER);
    expect(buildIsStale(root)).toBe(true);
  });

  it.each(['scripts/vite-player-chunk-plugin.ts', 'scripts/vite-chunk-closure.ts', 'tsconfig.json'])('notices a change to %s, which the build also reads', (file) => {
    const root = builtRepository();
    touch(root, file, AFTER);
    expect(buildIsStale(root)).toBe(true);
  });
});
