// The proxy under load, loopback only, bounded in count and time: autocannon throughput, a
// sequential latency probe with microsecond resolution, and request coalescing for one session.
import autocannon from 'autocannon';
import http from 'node:http';

/** autocannon for `durationSec` with `connections`; resolves to the figures we report. */
export async function autocannonRun({ url, headers = {}, connections = 50, durationSec = 8 }) {
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationSec, headers, timeout: 10 }, (error, res) => (error ? reject(error) : resolve(res)));
    // Hard stop in case the target hangs: never longer than asked plus a margin.
    setTimeout(() => instance.stop(), (durationSec + 15) * 1000).unref();
  });
  return {
    connections,
    durationSec,
    requestsPerSec: result.requests.average,
    totalRequests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, mean: result.latency.average, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * One keep-alive connection, requests one after another: the latency of a single request without
 * queueing, at microsecond resolution (autocannon's histogram is in whole milliseconds).
 */
export async function sequentialLatency({ url, headers = {}, count = 1500, maxMs = 5_000, warmup = 100 }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise((resolve, reject) => {
      const startedAt = process.hrtime.bigint();
      const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, us: Number(process.hrtime.bigint() - startedAt) / 1000 }));
      });
      req.on('error', reject);
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    });
  const samples = [];
  const statuses = {};
  const deadline = Date.now() + maxMs;
  for (let i = 0; i < warmup + count && Date.now() < deadline; i += 1) {
    const { status, us } = await once();
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (i >= warmup) samples.push(us);
  }
  agent.destroy();
  samples.sort((a, b) => a - b);
  const pick = (q) => (samples.length ? samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] / 1000 : null);
  return { samples: samples.length, statuses, p50Ms: pick(0.5), p90Ms: pick(0.9), p99Ms: pick(0.99) };
}

/** `n` simultaneous requests (one connection each) for one fresh session; upstream calls counted by the caller. */
export async function concurrentBurst({ url, n = 100, timeoutMs = 15_000 }) {
  const target = new URL(url);
  const startedAt = Date.now();
  const one = () =>
    new Promise((resolve) => {
      const req = http.get({ host: target.hostname, port: target.port, path: target.pathname, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.setTimeout(timeoutMs, () => req.destroy());
    });
  const statuses = await Promise.all(Array.from({ length: n }, one));
  const counts = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return { requests: n, statuses: counts, ms: Date.now() - startedAt };
}
