// Whether `npm start` must build first (scripts/start.mjs); types in build-staleness.d.mts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `npm run build` reads, relative to the repository: the sources, the page, the Vite config and
 * its plugins (scripts/, which also holds other glue: a change there rebuilds once, which is cheap),
 * the TypeScript settings the transform follows, and the dependencies. No .env file: Vite loads them,
 * but the app reads no `import.meta.env` variable.
 */
export const BUILD_INPUTS = Object.freeze([
  'src',
  'public',
  'index.html',
  'scripts',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
]);

/** What the build writes, relative to the repository; the older of the two dates the build. */
export const BUILD_OUTPUTS = Object.freeze(['dist-server/node-main.js', 'dist/index.html']);

/**
 * @param {string} root the repository
 * @returns {boolean} true when an output is missing or an input changed after the build
 */
export function buildIsStale(root) {
  const outputs = BUILD_OUTPUTS.map((output) => join(root, output));
  if (!outputs.every((output) => existsSync(output))) return true;
  const builtAtMs = Math.min(...outputs.map((output) => statSync(output).mtimeMs));
  return BUILD_INPUTS.some((input) => newestMtimeMs(join(root, input)) > builtAtMs);
}

/** @param {string} path */
function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}
