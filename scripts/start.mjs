// `npm start`: build when the sources are newer than the build, then serve the app and the proxy.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsStale } from './build-staleness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (buildIsStale(root)) {
  console.log('Building the viewer (first start or sources changed)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import(pathToFileURL(join(root, 'dist-server', 'node-main.js')).href);
