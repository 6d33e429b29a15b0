import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { listenFailureLine } from './node-startup-lines';

type ServeOptions = Parameters<typeof serve>[0];

/**
 * `serve()`, with a failure to listen (the port in use, a HOST that is not an address here or does
 * not resolve) handed to `onListenFailure` as one sentence: unhandled, Node's 'error' event would
 * crash the process with a stack trace. Errors after listening are left as they were.
 */
export function listenOrExplain(options: {
  fetch: ServeOptions['fetch'];
  host: string;
  port: number;
  onListening: (info: AddressInfo) => void;
  onListenFailure: (sentence: string) => void;
}): ServerType {
  const { host, port } = options;
  const server = serve({ fetch: options.fetch, hostname: host, port }, options.onListening);
  const explain = (error: Error): void => options.onListenFailure(listenFailureLine(error, { host, port }));
  server.once('error', explain);
  server.once('listening', () => server.off('error', explain));
  return server;
}
