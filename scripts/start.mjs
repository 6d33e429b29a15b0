// `npm start`: build when the sources are newer than the build, then serve the app and the proxy.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = join(root, 'dist-server', 'node-main.js');
const builtPage = join(root, 'dist', 'index.html');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

function buildIsStale() {
  if (!existsSync(serverEntry) || !existsSync(builtPage)) return true;
  const builtAt = Math.min(statSync(serverEntry).mtimeMs, statSync(builtPage).mtimeMs);
  return inputs.some((input) => newestMtimeMs(join(root, input)) > builtAt);
}

if (buildIsStale()) {
  console.log('Building the viewer (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import(pathToFileURL(serverEntry).href);
