import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { ConfigError, readServerConfig, type ServerConfig } from './config';
import { readListenAddress } from './listen-address.mjs';
import { createNodeAssetReader } from './node-asset-reader';
import { listenOrExplain } from './node-listen';
import { listeningLine } from './node-startup-lines';

const SHUTDOWN_GRACE_MS = 10_000;

// Built to dist-server/node-main.js; the client build sits beside it in dist/.
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { config, host, port } = readStartupOrExit();

const app = createApp({
  config,
  fetchUpstream: fetch,
  nowMs: Date.now,
  readAsset: createNodeAssetReader(distDir),
  log: (line) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`),
});

const server = listenOrExplain({
  fetch: (request, env) => app.fetch(request, { clientAddress: env.incoming.socket.remoteAddress }),
  host,
  port,
  onListening: (info) => console.log(listeningLine(info, config)),
  onListenFailure: (sentence) => {
    console.error(sentence);
    process.exit(1);
  },
});

let shuttingDown = false;
function shutDown(signal: string): void {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`Received ${signal}: finishing in-flight requests, then exiting.`);
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open: close each one as soon as its last request is done.
  if ('closeIdleConnections' in server) {
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
  }
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));

function readStartupOrExit() {
  const { host, port, problems } = readListenAddress(process.env);
  let config: ServerConfig | null = null;
  try {
    config = readServerConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (config === null || problems.length > 0) {
    console.error(`${new ConfigError(problems).message} The server did not start.`);
    process.exit(1);
  }
  return { config, host, port };
}
