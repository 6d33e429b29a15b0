export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

export interface ClientRateLimiter {
  take(clientKey: string): RateDecision;
  trackedClients(): number;
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * Token bucket per client: a burst of `perMinute` requests, refilled at `perMinute` per minute.
 * The map is bounded: full buckets carry no state and are dropped first, then the least recently seen.
 */
export function createClientRateLimiter(options: {
  perMinute: number;
  nowMs: () => number;
  maxClients?: number;
}): ClientRateLimiter {
  const capacity = options.perMinute;
  const refillPerMs = capacity / 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, now: number): number {
    return Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updatedAtMs) * refillPerMs);
  }

  function makeRoom(now: number): void {
    for (const [key, bucket] of buckets) if (refilled(bucket, now) >= capacity) buckets.delete(key);
    while (buckets.size >= maxClients) {
      const oldestKey = buckets.keys().next().value;
      if (oldestKey === undefined) break;
      buckets.delete(oldestKey);
    }
  }

  return {
    take(clientKey) {
      if (capacity <= 0) return { allowed: true };
      const now = options.nowMs();
      const existing = buckets.get(clientKey);
      if (existing === undefined && buckets.size >= maxClients) makeRoom(now);
      const tokens = existing === undefined ? capacity : refilled(existing, now);
      buckets.delete(clientKey);
      if (tokens >= 1) {
        buckets.set(clientKey, { tokens: tokens - 1, updatedAtMs: now });
        return { allowed: true };
      }
      buckets.set(clientKey, { tokens, updatedAtMs: now });
      return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    },
    trackedClients: () => buckets.size,
  };
}

/**
 * Who the client is. `entryAddress` is what the runtime vouches for: the socket's address on Node,
 * `cf-connecting-ip` on Workers (Cloudflare sets it). Behind `trustedProxyHops` proxies, the client is
 * the entry the outermost of them appended to `x-forwarded-for`; entries before it are the client's
 * own words, which anyone can write.
 */
export function clientKeyFor(headers: Headers, entryAddress: string | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const forwarded = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    const client = forwarded[forwarded.length - trustedProxyHops] ?? forwarded[0];
    if (client) return addressKey(client);
  }
  return entryAddress === undefined ? 'unknown' : addressKey(entryAddress);
}

/**
 * One key per IPv6 /64 (a single host or home line is routinely given a whole /64 and may use a new
 * address for every request); an IPv4 address, also IPv4-mapped IPv6, as it is.
 */
export function addressKey(address: string): string {
  // With a port (some proxies append one): `[v6]:443`, `1.2.3.4:5678`.
  const unported = /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ?? address;
  const bare = unported.replace(/%.*$/, '').toLowerCase();
  if (!bare.includes(':')) return bare;
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) as its two hex groups, so that one path below reads both forms.
  const hex = bare.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a: string, b: string, c: string, d: string) =>
    [Number(a) * 256 + Number(b), Number(c) * 256 + Number(d)].map((n) => n.toString(16)).join(':'),
  );
  const [head = '', tail] = hex.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  if (groups.length !== 8 || !groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return bare;
  const numbers = groups.map((group) => Number.parseInt(group, 16));
  if (numbers.slice(0, 5).every((n) => n === 0) && numbers[5] === 0xffff) {
    // IPv4-mapped, written in hex (`::ffff:cb00:7107`): the IPv4 client it is.
    const [high = 0, low = 0] = numbers.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
