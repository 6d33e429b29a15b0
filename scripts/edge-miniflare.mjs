// Serves a Worker snapshot (buildWorkerSnapshot in edge-dev.mjs) in workerd through Miniflare alone,
// for the e2e `edge` project (e2e/support/edge-server.ts). `wrangler dev` puts a dev proxy of its own
// in front of the Worker, and that proxy stalled test runs: it held requests for seconds, sometimes
// for good, while the Worker behind it answered at once (e2e/README.md). The Worker, its bundle, its
// assets binding and its settings are the same; `npm run start:edge` keeps `wrangler dev`.
//
// Run as `node scripts/edge-miniflare.mjs` with one JSON line on stdin:
//   { host, port, script, assetsDir, persistTo, bindings }
// (stdin, so that the API key is neither on a command line nor in the environment). Prints
// `ready <url>` once it listens; SIGTERM, SIGINT or the end of stdin disposes of workerd and exits.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './edge-dev.mjs';

const require = createRequire(import.meta.url);
// The Miniflare that wrangler itself runs, and wrangler's reading of wrangler.jsonc (compatibility
// date and flags, `vars`, and the assets settings: run_worker_first, html_handling…).
const { Miniflare } = createRequire(require.resolve('wrangler'))('miniflare');
const { unstable_getMiniflareWorkerOptions, unstable_readConfig } = await import('wrangler');
const config = unstable_readConfig({ config: join(REPO_ROOT, 'wrangler.jsonc') });

let miniflare = null;
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await miniflare?.dispose().catch(() => undefined);
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

const input = await readStdinLine();
const options = JSON.parse(input);
// An empty env file, as `wrangler dev` gets one (edge-dev.mjs): no .dev.vars or .env of the repo may add
// bindings (a key, a mode) behind the tests' backs. The assets directory is the snapshot's, not dist/.
const noEnvFile = join(options.persistTo, 'empty.env');
writeFileSync(noEnvFile, '');
const { workerOptions } = unstable_getMiniflareWorkerOptions(config, undefined, {
  envFiles: [noEnvFile],
  overrides: { assets: { directory: options.assetsDir } },
});

miniflare = new Miniflare({
  host: options.host,
  port: options.port,
  name: config.name,
  modules: true,
  scriptPath: options.script,
  // Module names are paths relative to this root; the snapshot lives outside the repository.
  modulesRoot: dirname(options.script),
  compatibilityDate: workerOptions.compatibilityDate,
  compatibilityFlags: workerOptions.compatibilityFlags,
  bindings: { ...workerOptions.bindings, ...options.bindings },
  assets: workerOptions.assets,
  cachePersist: join(options.persistTo, 'cache'),
});

const url = await miniflare.ready;
console.log(`ready ${url.href}`);

/**
 * The first line on stdin. The parent keeps stdin open for as long as it wants the server: its end (the
 * parent stopped, or was killed without a chance to clean up) stops this process and workerd with it.
 */
function readStdinLine() {
  return new Promise((resolve, reject) => {
    let text = '';
    let resolved = false;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      if (resolved) return;
      text += chunk;
      const end = text.indexOf('\n');
      if (end === -1) return;
      resolved = true;
      resolve(text.slice(0, end));
    });
    process.stdin.once('end', () => {
      if (resolved) void stop();
      else resolve(text);
    });
    process.stdin.once('error', reject);
  });
}
