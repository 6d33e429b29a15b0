import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { loggableUrl } from './loggable-url.mjs';

/** What the Node entry prints once it listens. */
export function listeningLine(info: Pick<AddressInfo, 'address' | 'family' | 'port'>, config: Pick<ServerConfig, 'mode' | 'apiUrl'>): string {
  const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const upstream = config.mode === 'demo' ? 'demo mode' : `Notte API at ${loggableUrl(config.apiUrl)}`;
  return `Replay viewer listening on http://${shownHost}:${info.port} (${upstream})`;
}
