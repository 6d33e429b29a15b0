import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { loggableUrl } from './loggable-url.mjs';

/** What the Node entry prints once it listens. */
export function listeningLine(info: Pick<AddressInfo, 'address' | 'family' | 'port'>, config: Pick<ServerConfig, 'mode' | 'apiUrl'>): string {
  const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const upstream = config.mode === 'demo' ? 'demo mode' : `Notte API at ${loggableUrl(config.apiUrl)}`;
  return `Replay viewer listening on http://${shownHost}:${info.port} (${upstream})`;
}

/** Why the Node entry could not listen on HOST:PORT, and what to change: one sentence. */
export function listenFailureLine(error: unknown, { host, port }: { host: string; port: number }): string {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;
  switch (code) {
    case 'EADDRINUSE':
      return `Cannot listen on ${url}: the port is already in use (by another server, or another copy of this one); stop that server or choose another PORT.`;
    case 'EACCES':
      return `Cannot listen on ${url}: this user may not open port ${port} (ports below 1024 need privileges); choose another PORT, such as 8080.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${url}: ${host} is not an address of this machine; set HOST to one of its addresses, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
    case 'EAI_FAIL':
      return `Cannot listen on ${url}: the host name "${host}" could not be resolved to an address; set HOST to an IP address, such as 127.0.0.1 or 0.0.0.0, or to a name this machine resolves.`;
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return `Cannot listen on ${url}: ${reason}; check HOST and PORT.`;
    }
  }
}
