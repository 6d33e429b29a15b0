// HOST and PORT, one rule for `npm start` (node-main.ts) and `npm run start:edge` (scripts/start-edge.mjs,
// run by Node as it is: hence plain JavaScript, types in listen-address.d.mts).

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Labels of letters, digits, `-` and `_` (container names use it); IPv4 look-alikes are checked above.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

/**
 * Blank or unset take the defaults. `[::1]` is read as `::1`. A value that cannot be one (`PORT=abc`,
 * `HOST=http://localhost`) adds a problem naming the variable, in the words of config.ts's ConfigError.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {{ host: string, port: number, problems: string[] }}
 */
export function readListenAddress(env) {
  const problems = [];
  const portText = env.PORT?.trim() || String(DEFAULT_PORT);
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) problems.push(`PORT must be a whole number, 0 to 65535, not "${portText}"`);
  const hostText = env.HOST?.trim() || DEFAULT_HOST;
  const host = /^\[.*\]$/.test(hostText) ? hostText.slice(1, -1) : hostText;
  if (!isIpAddress(host) && !HOST_NAME.test(host)) {
    problems.push(`HOST must be an IP address or a host name, such as 127.0.0.1, 0.0.0.0 or localhost, not "${hostText}"`);
  }
  return { host, port, problems };
}

/** @param {string} text */
function isIpAddress(text) {
  if (IPV4.test(text)) return true;
  // A link-local IPv6 address names its interface after `%` (fe80::1%eth0): Node listens on those.
  const address = text.replace(/%[\w.-]+$/, '');
  if (!address.includes(':') || !/^[0-9a-f:.]+$/i.test(address)) return false;
  try {
    return new URL(`http://[${address}]/`).hostname !== '';
  } catch {
    return false;
  }
}
