// JavaScript sizes: the initial bundle read from dist/index.html (entry + modulepreloads + their
// static imports, hls.js excluded), and the JS a real viewer load fetched before its first frame.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './servers.mjs';

const DIST = path.join(ROOT, 'dist');

export function gzipBytes(buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

const isHls = (file) => /(^|\/)hls[.\w-]*\.js$/i.test(file);

/** Static imports of an ES module chunk (`import ... from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(code) {
  const found = new Set();
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

export function initialJsFromDist() {
  const htmlPath = path.join(DIST, 'index.html');
  if (!existsSync(htmlPath)) return { error: 'dist/index.html missing' };
  const html = readFileSync(htmlPath, 'utf8');
  const roots = [];
  for (const match of html.matchAll(/<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g)) roots.push({ href: match[1], via: 'entry' });
  for (const match of html.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g)) roots.push({ href: match[1], via: 'modulepreload' });
  for (const match of html.matchAll(/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/g)) roots.push({ href: match[1], via: 'modulepreload' });
  const files = new Map();
  const excluded = [];
  const visit = (urlPath, via) => {
    const rel = urlPath.replace(/^\//, '');
    if (files.has(rel) || excluded.some((e) => e.file === rel)) return;
    const abs = path.join(DIST, rel);
    if (!existsSync(abs)) return;
    const buffer = readFileSync(abs);
    const entry = { file: rel, via, rawBytes: buffer.length, gzipBytes: gzipBytes(buffer) };
    if (isHls(rel)) {
      excluded.push(entry);
      return;
    }
    files.set(rel, entry);
    for (const imported of staticImports(buffer.toString('utf8'))) {
      visit(path.posix.join(path.posix.dirname(`/${rel}`), imported), `static import of ${path.posix.basename(rel)}`);
    }
  };
  for (const root of roots) visit(new URL(root.href, 'http://x/').pathname, root.via);
  const list = [...files.values()];
  return {
    files: list,
    hlsExcluded: excluded,
    gzipBytes: list.reduce((sum, f) => sum + f.gzipBytes, 0),
    rawBytes: list.reduce((sum, f) => sum + f.rawBytes, 0),
    modulepreloads: roots.filter((r) => r.via === 'modulepreload').map((r) => r.href),
    hasReplayPreloadInTemplate: /rel=["']preload["'][^>]*as=["']fetch["']/.test(html),
  };
}

/** gzip size of a built asset by its URL path, or null (e.g. a worker or a blob:). */
export function gzipOfDistAsset(urlPath) {
  const abs = path.join(DIST, urlPath.replace(/^\//, ''));
  if (!abs.startsWith(DIST) || !existsSync(abs)) return null;
  const buffer = readFileSync(abs);
  return { rawBytes: buffer.length, gzipBytes: gzipBytes(buffer) };
}

/**
 * The app's chunks: every built JS file that the boot entry (dist/index.html's module script) does
 * not import statically, hls.js excluded. On a viewer page boot.ts preloads and imports them once the
 * video has shown its first frame (800 ms cap): a run counts them only if the app started before it.
 */
export function appChunkFilesFromDist() {
  const htmlPath = path.join(DIST, 'index.html');
  if (!existsSync(htmlPath)) return [];
  const html = readFileSync(htmlPath, 'utf8');
  const entry = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']\/([^"']+)["']/.exec(html)?.[1];
  if (!entry) return [];
  const bootClosure = new Set();
  const visit = (rel) => {
    if (bootClosure.has(rel) || !existsSync(path.join(DIST, rel))) return;
    bootClosure.add(rel);
    const code = readFileSync(path.join(DIST, rel), 'utf8');
    for (const imported of staticImports(code)) visit(path.posix.join(path.posix.dirname(rel), imported).replace(/^\.\//, ''));
  };
  visit(entry);
  const assets = readdirSync(path.join(DIST, 'assets')).filter((file) => file.endsWith('.js')).map((file) => `assets/${file}`);
  return assets.filter((file) => !bootClosure.has(file) && !isHls(file)).map((file) => `/${file}`);
}
