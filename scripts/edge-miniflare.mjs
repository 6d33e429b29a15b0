// Serves a Worker snapshot (buildWorkerSnapshot in edge-dev.mjs) in workerd through Miniflare alone,
// for the e2e `edge` project (e2e/support/edge-server.ts). `wrangler dev` puts a dev proxy of its own
// in front of the Worker, and that proxy stalled test runs: it held requests for seconds, sometimes
// for good, while the Worker behind it answered at once (e2e/README.md). The Worker, its bundle, its
// assets binding and its settings are the same; `npm run start:edge` keeps `wrangler dev`.
//
// Run as `node scripts/edge-miniflare.mjs` with one JSON line on stdin:
//   { host, port, script, assetsDir, persistTo, bindings }
// (stdin, so that the API key is neither on a command line nor in the environment). Prints
// `ready <url>` once it listens; SIGTERM or SIGINT disposes of workerd and exits.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './edge-dev.mjs';

const require = createRequire(import.meta.url);
// The Miniflare that wrangler itself runs, and wrangler's reading of wrangler.jsonc (compatibility
// date and flags, `vars`, and the assets settings: run_worker_first, html_handling…).
const { Miniflare } = createRequire(require.resolve('wrangler'))('miniflare');
const { unstable_getMiniflareWorkerOptions } = await import('wrangler');

const input = await readStdinLine();
const options = JSON.parse(input);
const { workerOptions } = unstable_getMiniflareWorkerOptions(join(REPO_ROOT, 'wrangler.jsonc'));

const miniflare = new Miniflare({
  host: options.host,
  port: options.port,
  name: 'notte-replay-viewer',
  modules: true,
  scriptPath: options.script,
  // Module names are paths relative to this root; the snapshot lives outside the repository.
  modulesRoot: dirname(options.script),
  compatibilityDate: workerOptions.compatibilityDate,
  compatibilityFlags: workerOptions.compatibilityFlags,
  bindings: { ...workerOptions.bindings, ...options.bindings },
  assets: { ...workerOptions.assets, directory: options.assetsDir },
  cachePersist: join(options.persistTo, 'cache'),
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await miniflare.dispose().catch(() => undefined);
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

const url = await miniflare.ready;
console.log(`ready ${url.href}`);

function readStdinLine() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end !== -1) {
        process.stdin.pause();
        resolve(text.slice(0, end));
      }
    });
    process.stdin.once('end', () => resolve(text));
    process.stdin.once('error', reject);
  });
}
