#!/usr/bin/env node
// `npm run bench`: measures the viewer against the bare-hls.js / bare-<video> floor on this machine.
// See BENCHMARKS.md for what each figure means and how it is measured.
//
// Options: --runs=N (alternating viewer/bare pairs for time to first frame, default 7)
//          --seek-runs=N (pairs for the seek test on the 2-hour replay, default 4)
//          --only=a,b / --skip=a,b  sections: ttff, rtt, seek, heap, profile, load, lighthouse
//          --build (always rebuild) / --no-build (never)
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { coldLoad, heapScrubSequence, launchBrowser, seekSequence, tracedLoad, CHROME_PATH } from './lib/browser.mjs';
import { autocannonRun, concurrentBurst, sequentialLatency } from './lib/load.mjs';
import { ensureBuild, FAKE_API_KEY, RESULTS_DIR, ROOT, startApp, startBareServer, startFakeUpstream, stopAllChildren } from './lib/servers.mjs';
import { appChunkFilesFromDist, initialJsFromDist } from './lib/sizes.mjs';
import { formatInterval, median, ratio, ratioInterval, round, summary } from './lib/stats.mjs';

const KiB = 1024;
const MB = 1024 * 1024;
const SECTIONS = ['ttff', 'rtt', 'seek', 'heap', 'profile', 'load', 'lighthouse'];
// The `rtt` section: time to first frame again, with this much latency on every request of the page.
const RTT_MS = 40;

// ---- options -------------------------------------------------------------------------------------------

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const intArg = (name, fallback, min, max) => {
  const value = Number(args.get(name));
  return Number.isInteger(value) ? Math.min(Math.max(value, min), max) : fallback;
};
const PAIRS = intArg('runs', 7, 1, 25);
const SEEK_PAIRS = intArg('seek-runs', 4, 1, 15);
const WARMUP_PAIRS = 1;
const only = args.has('only') ? new Set(args.get('only').split(',')) : null;
const skip = new Set((args.get('skip') ?? '').split(',').filter(Boolean));
const enabled = (section) => (only ? only.has(section) : true) && !skip.has(section);

// Every loop below is bounded by a count and by one of these budgets.
const BUDGET_MS = { ttff: 110_000, rtt: 110_000, seek: 120_000, heap: 40_000, load: 60_000, lighthouse: 180_000 };

// ---- helpers ---------------------------------------------------------------------------------------------

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const stamp = Date.now().toString(36);
let sessionCounter = 0;
const freshId = (scenario, tag) => `${scenario}--b${stamp}-${(sessionCounter += 1)}-${tag}`;

function git(...gitArgs) {
  try {
    return execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** What one cold load shows, on the page clock (ms from navigation start). */
function describeLoad(run, sessionId) {
  if (run.error) return { error: run.error, debug: run.debug ?? null, pageErrors: run.pageErrors };
  const replayPath = `/api/sessions/${sessionId}/replay`;
  const replayEntries = (run.resources ?? []).filter((r) => r.name.includes(replayPath));
  const replayStartMs = replayEntries.length ? Math.min(...replayEntries.map((r) => r.startMs)) : null;
  const replayEndMs = replayEntries.length ? Math.min(...replayEntries.map((r) => r.responseEndMs)) : null;
  const hlsEntry = (run.resources ?? []).find((r) => /\/hls[^/]*\.js(\?|$)/.test(r.name));
  // By name: a streamed viewer page fetches it by a modulepreload (initiator "other" in Chromium).
  const entryJs = (run.resources ?? []).find((r) => /\/assets\/index-[^/]*\.js$/.test(r.name));
  const firstSegment = (run.resources ?? []).find((r) => /\.(ts|m4s|mp4)(\?|$)/.test(new URL(r.name).pathname));
  const ttff = run.ttffMs;
  const jsBeforeFrame = (run.network ?? []).filter(
    (n) => !n.failed && (n.resourceType === 'script' || /\.m?js(\?|$)/.test(n.url)) && n.startMs !== null && n.startMs < ttff,
  );
  // The app's chunks are prefetched while the video loads but run only when boot.ts imports them:
  // they count as run before the frame only if the app started before it.
  const appFiles = new Set(appChunkFilesFromDist());
  const appRanBeforeFrame = run.appStartMs !== null && run.appStartMs !== undefined && run.appStartMs < ttff;
  const jsRanBeforeFrame = jsBeforeFrame.filter((n) => appRanBeforeFrame || !appFiles.has(new URL(n.url).pathname));
  const replayNetworkRequests = (run.network ?? []).filter((n) => n.url.includes(replayPath)).length;
  const longTasksBeforeFrame = (run.longTasks ?? []).filter((t) => t.startMs < ttff);
  return {
    ttffMs: round(ttff),
    presentationMs: round(run.firstFrame?.presentationMs),
    replay: { startMs: round(replayStartMs), endMs: round(replayEndMs), networkRequests: replayNetworkRequests, bytes: replayEntries[0]?.encodedBodySize ?? null },
    hlsJs: hlsEntry ? { startMs: round(hlsEntry.startMs), endMs: round(hlsEntry.responseEndMs), file: new URL(hlsEntry.name).pathname } : null,
    entryJs: entryJs ? { startMs: round(entryJs.startMs), endMs: round(entryJs.responseEndMs) } : null,
    firstSegment: firstSegment ? { startMs: round(firstSegment.startMs), endMs: round(firstSegment.responseEndMs) } : null,
    // No waterfall: hls.js is requested by the HTML itself (a modulepreload the parser inserted, in
    // parallel with the replay's), or at least before the replay's answer is in.
    hlsStartsBeforeReplayEnds:
      hlsEntry && replayEndMs !== null ? (run.parserModulepreloads ?? []).includes(hlsEntry.name) || hlsEntry.startMs < replayEndMs : null,
    hlsPreloadedByHtml: hlsEntry ? (run.parserModulepreloads ?? []).includes(hlsEntry.name) : null,
    marks: Object.fromEntries(Object.entries(run.marks ?? {}).map(([k, v]) => [k, round(v)])),
    pageErrors: run.pageErrors,
    longTasksBeforeFrame: { count: longTasksBeforeFrame.length, totalMs: round(longTasksBeforeFrame.reduce((s, t) => s + t.durationMs, 0)) },
    jsBeforeFrame: jsSum(jsBeforeFrame),
    entryRunMs: round(run.entryRunMs ?? null),
    appStartMs: round(run.appStartMs ?? null),
    appRanBeforeFrame,
    jsRanBeforeFrame: jsSum(jsRanBeforeFrame),
  };
}

function jsSum(requests) {
  return {
    files: requests.map((n) => ({ url: new URL(n.url).pathname, startMs: round(n.startMs), rawBytes: n.rawBytes, gzipBytes: n.gzipBytes })),
    rawBytes: requests.reduce((s, n) => s + (n.rawBytes ?? 0), 0),
    gzipBytes: requests.reduce((s, n) => s + (n.gzipBytes ?? 0), 0),
  };
}

const ttffStats = (loads) => summary(loads.map((l) => l.ttffMs ?? null));

// ---- sections --------------------------------------------------------------------------------------------

async function measureTtff(browser, app, bare, { latencyMs = 0, budgetMs = BUDGET_MS.ttff } = {}) {
  const out = {};
  const deadline = Date.now() + budgetMs;
  for (const scenario of [
    { key: 'hls', upstream: 'hls-ok', page: 'hls' },
    { key: 'mp4', upstream: 'mp4-only', page: 'mp4' },
  ]) {
    const viewer = [];
    const bareLoads = [];
    const scenarioDeadline = scenario.key === 'hls' ? Date.now() + budgetMs * 0.6 : deadline;
    for (let i = 0; i < WARMUP_PAIRS + PAIRS && Date.now() < scenarioDeadline; i += 1) {
      const viewerId = freshId(scenario.upstream, 'v');
      const loadOptions = { timeoutMs: 15_000, jsBodies: scenario.key === 'hls', latencyMs };
      const viewerRun = await coldLoad(browser, `${app.url}/sessions/${viewerId}`, loadOptions);
      const bareId = freshId(scenario.upstream, 'b');
      const bareRun = await coldLoad(browser, `${bare.url}/bare/${scenario.page}.html?id=${encodeURIComponent(bareId)}`, loadOptions);
      if (i < WARMUP_PAIRS) continue;
      viewer.push(describeLoad(viewerRun, viewerId));
      bareLoads.push(describeLoad(bareRun, bareId));
      log(`ttff${latencyMs ? ` at ${latencyMs} ms latency` : ''} ${scenario.key} pair ${i - WARMUP_PAIRS + 1}/${PAIRS}: viewer ${viewer.at(-1).ttffMs ?? viewer.at(-1).error} ms, bare ${bareLoads.at(-1).ttffMs ?? bareLoads.at(-1).error} ms`);
    }
    const v = ttffStats(viewer);
    const b = ttffStats(bareLoads);
    // Per-pair ratios as well: neighbours in time share the machine's momentary load.
    const pairRatios = viewer.map((l, i) => ratio(l.ttffMs ?? null, bareLoads[i]?.ttffMs ?? null)).filter((r) => r !== null);
    out[scenario.key] = {
      pairs: viewer.length,
      viewer: v,
      bare: b,
      ratioOfMedians: ratio(v.median, b.median),
      ratioInterval: ratioInterval(viewer.map((l) => l.ttffMs ?? null), bareLoads.map((l) => l.ttffMs ?? null), { paired: true }),
      medianPairRatio: round(median(pairRatios), 2),
      failures: { viewer: viewer.filter((l) => l.error).length, bare: bareLoads.filter((l) => l.error).length },
      viewerLoads: viewer,
      bareLoads,
    };
  }
  return out;
}

async function measureSeek(browser, app, bare) {
  // Six of each per load (minutes apart on the 2-hour replay): the loads are the costly part, and
  // these 30–60 ms figures spread by ±10 ms here, so the medians need many samples.
  const sliderFractions = [0.37, 0.71, 0.18, 0.62, 0.05, 0.88];
  const currentTimeFractions = [0.55, 0.09, 0.83, 0.27, 0.46, 0.95];
  const viewerLoads = [];
  const bareLoads = [];
  const deadline = Date.now() + BUDGET_MS.seek;
  for (let i = 0; i < SEEK_PAIRS && Date.now() < deadline; i += 1) {
    const viewerId = freshId('long', 'v');
    const viewerRun = await coldLoad(browser, `${app.url}/sessions/${viewerId}`, {
      timeoutMs: 30_000,
      after: async (page, run) => {
        const bySlider = await seekSequence(sliderFractions, { viaSlider: true })(page, run);
        const byCurrentTime = await seekSequence(currentTimeFractions, { viaSlider: false, settleMs: 250 })(page, run);
        return { bySlider, byCurrentTime };
      },
    });
    const bareId = freshId('long', 'b');
    const bareRun = await coldLoad(browser, `${bare.url}/bare/hls.html?id=${encodeURIComponent(bareId)}`, {
      timeoutMs: 30_000,
      // The same two ways: a click on its seek bar (a native range input), then currentTime.
      after: async (page, run) => {
        const bySlider = await seekSequence(sliderFractions, { viaSlider: true })(page, run);
        const byCurrentTime = await seekSequence(currentTimeFractions, { viaSlider: false, settleMs: 250 })(page, run);
        return { bySlider, byCurrentTime };
      },
    });
    viewerLoads.push({ ...describeLoad(viewerRun, viewerId), seeks: viewerRun.after ?? null });
    bareLoads.push({ ...describeLoad(bareRun, bareId), seeks: bareRun.after ?? null });
    log(`seek pair ${i + 1}/${SEEK_PAIRS}: viewer first frame ${viewerLoads.at(-1).ttffMs ?? viewerRun.error} ms, bare ${bareLoads.at(-1).ttffMs ?? bareRun.error} ms`);
  }
  const figures = (seeks, key) => (seeks ?? []).filter((s) => !s.wasBuffered).map((s) => s[key]);
  const both = (key) => {
    const viewerSlider = summary(viewerLoads.flatMap((l) => figures(l.seeks?.bySlider, key)));
    const viewerCurrentTime = summary(viewerLoads.flatMap((l) => figures(l.seeks?.byCurrentTime, key)));
    const bareSlider = summary(bareLoads.flatMap((l) => figures(l.seeks?.bySlider, key)));
    const bareCurrentTime = summary(bareLoads.flatMap((l) => figures(l.seeks?.byCurrentTime, key)));
    const interval = (kind) =>
      ratioInterval(viewerLoads.flatMap((l) => figures(l.seeks?.[kind], key)), bareLoads.flatMap((l) => figures(l.seeks?.[kind], key)), { paired: false });
    return {
      viewerSlider,
      viewerCurrentTime,
      bareSlider,
      bareCurrentTime,
      ratioSlider: ratio(viewerSlider.median, bareSlider.median),
      ratioCurrentTime: ratio(viewerCurrentTime.median, bareCurrentTime.median),
      ratioIntervalSlider: interval('bySlider'),
      ratioIntervalCurrentTime: interval('byCurrentTime'),
    };
  };
  // The goal: seek → the frame on screen. Information: seek → the page's script told of it (until session 9, the goal).
  const shown = both('shownMs');
  const callback = both('latencyMs');
  const bothWays = (l) => [...(l.seeks?.bySlider ?? []), ...(l.seeks?.byCurrentTime ?? [])];
  const allSeeks = [...viewerLoads.flatMap(bothWays), ...bareLoads.flatMap(bothWays)];
  // Playlist handling: replay response received → first frame, for the 3,600-segment playlist.
  const handling = (loads) => summary(loads.map((l) => (l.ttffMs !== undefined && l.replay?.endMs !== null ? l.ttffMs - l.replay.endMs : null)));
  return {
    pairs: viewerLoads.length,
    // What the top-level figures end with (files before 2026-12-05 hold the callback's moment under these names).
    seekEndsAt: 'expectedDisplayTime',
    ...shown,
    callback,
    presented: both('presentedMs'),
    inputToSeekingMs: both('toSeekingMs'),
    seeksSkippedAsBuffered: allSeeks.filter((s) => s.wasBuffered).length,
    seeksTimedOut: allSeeks.filter((s) => s.shownMs === null).length,
    long: {
      viewerTtff: ttffStats(viewerLoads),
      bareTtff: ttffStats(bareLoads),
      viewerReplayToFrame: handling(viewerLoads),
      bareReplayToFrame: handling(bareLoads),
      replayBytes: viewerLoads.find((l) => l.replay?.bytes)?.replay.bytes ?? null,
      viewerLongTasksBeforeFrameMs: summary(viewerLoads.map((l) => l.longTasksBeforeFrame?.totalMs ?? null)),
      bareLongTasksBeforeFrameMs: summary(bareLoads.map((l) => l.longTasksBeforeFrame?.totalMs ?? null)),
    },
    viewerLoads,
    bareLoads,
  };
}

async function measureHeap(browser, app, bare) {
  const out = {};
  const deadline = Date.now() + BUDGET_MS.heap;
  for (const [key, url, viaSlider] of [
    ['viewer', (id) => `${app.url}/sessions/${id}`, true],
    ['bare', (id) => `${bare.url}/bare/hls.html?id=${encodeURIComponent(id)}`, false],
  ]) {
    if (Date.now() > deadline) break;
    const id = freshId('long', key[0]);
    const run = await coldLoad(browser, url(id), { timeoutMs: 30_000, cdp: true, after: heapScrubSequence({ viaSlider }) });
    out[key] = run.error ? { error: run.error } : run.after;
    if (run.after) log(`heap ${key}: ${round(run.after.before.usedBytes / MB)} MB → ${round(run.after.after.usedBytes / MB)} MB after ${run.after.landed}/${run.after.scrubs} scrubs`);
  }
  return out;
}

async function measureLoad(app, upstream) {
  const sessionId = freshId('hls-ok', 'load');
  const proxyUrl = `${app.url}/api/sessions/${sessionId}/replay`;
  const upstreamUrl = `${upstream.apiUrl}/sessions/${sessionId}/replay`;
  const upstreamHeaders = { authorization: `Bearer ${FAKE_API_KEY}` };
  const warm = await fetch(proxyUrl);
  await warm.arrayBuffer();
  const rssStartBytes = app.rssBytes();
  const sequentialProxy = await sequentialLatency({ url: proxyUrl });
  const sequentialUpstream = await sequentialLatency({ url: upstreamUrl, headers: upstreamHeaders });
  const rssBeforeLoadBytes = app.rssBytes();
  log('autocannon: proxy (cached replay), 50 connections, 8 s');
  const proxy = await autocannonRun({ url: proxyUrl, connections: 50, durationSec: 8 });
  const rssAfterLoadBytes = app.rssBytes();
  log('autocannon: fake upstream directly, 50 connections, 8 s');
  const direct = await autocannonRun({ url: upstreamUrl, headers: upstreamHeaders, connections: 50, durationSec: 8 });
  const upstreamCallsDuringLoad = await upstream.replayCalls(sessionId);
  // 100 viewers open the same fresh session at once: one upstream call is the goal.
  const burstId = freshId('hls-ok', 'burst');
  const burst = await concurrentBurst({ url: `${app.url}/api/sessions/${burstId}/replay`, n: 100 });
  const burstUpstreamCalls = await upstream.replayCalls(burstId);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssEndBytes = app.rssBytes();
  return {
    proxy,
    direct,
    addedP50Ms: proxy.latencyMs.p50 !== null && direct.latencyMs.p50 !== null ? round(proxy.latencyMs.p50 - direct.latencyMs.p50, 2) : null,
    addedP99Ms: round(proxy.latencyMs.p99 - direct.latencyMs.p99, 2),
    sequential: {
      proxy: sequentialProxy,
      direct: sequentialUpstream,
      addedP50Ms: round(sequentialProxy.p50Ms - sequentialUpstream.p50Ms, 3),
    },
    upstreamCallsDuringLoad,
    burst: { ...burst, upstreamCalls: burstUpstreamCalls },
    rssBytes: { start: rssStartBytes, beforeLoad: rssBeforeLoadBytes, afterLoad: rssAfterLoadBytes, end: rssEndBytes },
  };
}

async function measureLighthouse() {
  const demo = await startApp({ logName: 'app-demo' });
  try {
    const samples = await (await fetch(`${demo.url}/api/demo-sessions`)).json();
    const sampleId = samples.samples?.[0]?.id ?? 'demo-checkout-flow';
    const urls = [`${demo.url}/`, `${demo.url}/sessions/${sampleId}`];
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'lib', 'lighthouse-child.mjs'), CHROME_PATH, RESULTS_DIR, ...urls], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUDGET_MS.lighthouse);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    const pages = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    const byIndex = (i) => pages.find((p) => p.index === i) ?? { url: urls[i], error: `not measured: Lighthouse ${code === null ? `ran past its ${BUDGET_MS.lighthouse / 1000} s budget` : `exited ${code}`}` };
    const stderrTail = err.trim().split('\n').slice(-3).join(' | ');
    return { home: byIndex(0), viewer: byIndex(1), sampleId, ...(stderrTail ? { stderrTail } : {}) };
  } finally {
    await demo.stop();
  }
}

// ---- report ------------------------------------------------------------------------------------------------

function fmt(value, unit = '', digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${typeof value === 'number' ? value.toFixed(digits) : value}${unit}`;
}
const kib = (bytes) => (bytes === null || bytes === undefined ? null : bytes / KiB);
/** A ratio's bootstrap interval, as ` [90%: low–high]`: whether a pass or a fail is more than noise. */
const span = (interval) => (interval ? ` ${formatInterval(interval)}` : '');

function buildRows(r) {
  const rows = [];
  const add = (section, metric, result, goal, pass) => rows.push({ section, metric, result, goal: goal ?? '', pass: pass === undefined ? null : pass });
  const le = (value, limit) => (value === null || value === undefined ? false : value <= limit);
  const kinds = [
    ['hls', 'HLS'],
    ['mp4', 'mp4'],
  ];
  if (r.ttff) {
    for (const [key, label] of kinds) {
      const t = r.ttff[key];
      if (!t) continue;
      add('1 first frame', `${label}: viewer median (p25–p75)`, `${fmt(t.viewer.median, ' ms')} (${fmt(t.viewer.p25)}–${fmt(t.viewer.p75)})`);
      add('1 first frame', `${label}: bare median (p25–p75)`, `${fmt(t.bare.median, ' ms')} (${fmt(t.bare.p25)}–${fmt(t.bare.p75)})`);
      const failed = t.failures.viewer + t.failures.bare > 0 ? `; no frame in 15 s: viewer ${t.failures.viewer}, bare ${t.failures.bare}` : '';
      add('1 first frame', `${label}: ratio viewer/bare (medians; median of pair ratios)`, `${fmt(t.ratioOfMedians, '', 2)}${span(t.ratioInterval)}; ${fmt(t.medianPairRatio, '', 2)}  n=${t.pairs}${failed}`, '≤ 1.0', le(t.ratioOfMedians, 1.0) && t.failures.viewer === 0);
    }
  }
  if (r.ttffAtLatency) {
    for (const [key, label] of kinds) {
      const t = r.ttffAtLatency[key];
      if (!t) continue;
      const failed = t.failures.viewer + t.failures.bare > 0 ? `; no frame in 15 s: viewer ${t.failures.viewer}, bare ${t.failures.bare}` : '';
      add(
        `1b at ${RTT_MS} ms RTT`,
        `${label}: viewer / bare median; ratio (medians; pairs)`,
        `${fmt(t.viewer.median, ' ms')} / ${fmt(t.bare.median, ' ms')}; ${fmt(t.ratioOfMedians, '', 2)}${span(t.ratioInterval)}; ${fmt(t.medianPairRatio, '', 2)}  n=${t.pairs}${failed}`,
        '(info)',
      );
    }
  }
  if (r.seek) {
    const s = r.seek;
    const heard = (summaryOf) => `; script told ${fmt(summaryOf.median, ' ms')}`;
    add('2 seek', 'viewer, click on the Seek slider → frame shown (median)', `${fmt(s.viewerSlider.median, ' ms')}  n=${s.viewerSlider.n}; click → seeking ${fmt(s.inputToSeekingMs?.viewerSlider.median, ' ms')}${heard(s.callback.viewerSlider)}`);
    add('2 seek', 'bare, click on its range input → frame shown (median)', `${fmt(s.bareSlider.median, ' ms')}  n=${s.bareSlider.n}; click → seeking ${fmt(s.inputToSeekingMs?.bareSlider.median, ' ms')}${heard(s.callback.bareSlider)}`);
    add('2 seek', 'viewer, video.currentTime → frame shown (median)', `${fmt(s.viewerCurrentTime.median, ' ms')}  n=${s.viewerCurrentTime.n}${heard(s.callback.viewerCurrentTime)}`);
    add('2 seek', 'bare, video.currentTime → frame shown (median)', `${fmt(s.bareCurrentTime.median, ' ms')}  n=${s.bareCurrentTime.n}${heard(s.callback.bareCurrentTime)}`);
    add('2 seek', 'ratio viewer/bare, clicks', `${fmt(s.ratioSlider, '', 2)}${span(s.ratioIntervalSlider)}`, '≤ 1.1', le(s.ratioSlider, 1.1));
    add('2 seek', 'ratio viewer/bare, currentTime', `${fmt(s.ratioCurrentTime, '', 2)}${span(s.ratioIntervalCurrentTime)}`, '≤ 1.1', le(s.ratioCurrentTime, 1.1));
    add('2 seek', 'ratios to the script told (clicks; currentTime)', `${fmt(s.callback.ratioSlider, '', 2)}; ${fmt(s.callback.ratioCurrentTime, '', 2)}`, '(info)');
  }
  if (r.js) {
    add('3 JS', 'initial JS gzip (entry + preloads, no hls.js)', fmt(kib(r.js.initial.gzipBytes), ' KiB', 1), '≤ 95 KiB', le(kib(r.js.initial.gzipBytes), 95));
    if (r.js.beforeFirstFrame) {
      const ran = r.js.ranBeforeFirstFrame;
      add('3 JS', 'JS run before first frame, gzip (the app: after it in n/N runs)', `${fmt(kib(ran.gzipBytes), ' KiB', 1)} (raw ${fmt(kib(ran.rawBytes), ' KiB', 0)}); app after the frame ${ran.appAfterFrame}/${ran.of}`, '≤ 210 KiB', le(kib(ran.gzipBytes), 210) && ran.appAfterFrame === ran.of);
      // The goal row until 2026-11-29, when React still had to render before the first frame: kept with its verdict.
      add('3 JS', 'JS requested before first frame, gzip (all of it, the app included)', `${fmt(kib(r.js.beforeFirstFrame.gzipBytes), ' KiB', 1)} (raw ${fmt(kib(r.js.beforeFirstFrame.rawBytes), ' KiB', 0)})`, '(≤ 210 KiB, the old row)', le(kib(r.js.beforeFirstFrame.gzipBytes), 210));
      add('3 JS', 'hls.js requested by the HTML or before the replay response ends', `${r.js.noWaterfall.yes}/${r.js.noWaterfall.of} runs, by the HTML in ${r.js.noWaterfall.byHtml ?? '?'} (hls start ${fmt(r.js.noWaterfall.hlsStartMs, ' ms')}, replay end ${fmt(r.js.noWaterfall.replayEndMs, ' ms')})`, 'all runs', r.js.noWaterfall.of > 0 && r.js.noWaterfall.yes === r.js.noWaterfall.of);
    }
  }
  if (r.load) {
    const l = r.load;
    add('4 proxy', 'proxy, cached replay: req/s, p50/p99', `${fmt(l.proxy.requestsPerSec)} req/s, ${fmt(l.proxy.latencyMs.p50, ' ms', 1)} / ${fmt(l.proxy.latencyMs.p99, ' ms', 1)}`);
    add('4 proxy', 'fake upstream direct: req/s, p50/p99', `${fmt(l.direct.requestsPerSec)} req/s, ${fmt(l.direct.latencyMs.p50, ' ms', 1)} / ${fmt(l.direct.latencyMs.p99, ' ms', 1)}`);
    add('4 proxy', 'added p50 under load (50 conns)', fmt(l.addedP50Ms, ' ms', 1), '≤ 2 ms', le(l.addedP50Ms, 2));
    add('4 proxy', 'added p50, one request at a time', `${fmt(l.sequential.addedP50Ms, ' ms', 3)} (${fmt(l.sequential.proxy.p50Ms, '', 3)} vs ${fmt(l.sequential.direct.p50Ms, ' ms', 3)})`, '≤ 2 ms', le(l.sequential.addedP50Ms, 2));
    add('4 proxy', 'upstream calls for 100 concurrent viewers', `${l.burst.upstreamCalls} (${Object.entries(l.burst.statuses).map(([k, v]) => `${v}×${k}`).join(', ')})`, '1', l.burst.upstreamCalls === 1);
    add('4 proxy', 'server RSS: before → after load → end', `${fmt(l.rssBytes.beforeLoad / MB, ' MB', 1)} → ${fmt(l.rssBytes.afterLoad / MB, ' MB', 1)} → ${fmt(l.rssBytes.end / MB, ' MB', 1)}`);
  }
  if (r.seek?.long) {
    const g = r.seek.long;
    add('5 2-hour replay', 'first frame: viewer / bare (median)', `${fmt(g.viewerTtff.median, ' ms')} / ${fmt(g.bareTtff.median, ' ms')} (ratio ${fmt(ratio(g.viewerTtff.median, g.bareTtff.median), '', 2)})`);
    add('5 2-hour replay', 'replay response → first frame: viewer / bare', `${fmt(g.viewerReplayToFrame.median, ' ms')} / ${fmt(g.bareReplayToFrame.median, ' ms')}; replay JSON ${fmt(kib(g.replayBytes), ' KiB')}`);
    if (r.ttff?.hls?.viewerLoads) {
      const clip = summary(r.ttff.hls.viewerLoads.map((l) => (l.ttffMs !== undefined && l.replay?.endMs !== null ? l.ttffMs - l.replay.endMs : null)));
      add('5 2-hour replay', 'same for the 30 s clip: viewer', fmt(clip.median, ' ms'));
    }
  }
  if (r.heap?.viewer && !r.heap.viewer.error) {
    const h = r.heap.viewer;
    add('5 2-hour replay', `viewer JS heap before → after ${h.landed}/${h.scrubs} scrubs`, `${fmt(h.before.usedBytes / MB, ' MB', 1)} → ${fmt(h.after.usedBytes / MB, ' MB', 1)} (+${fmt(h.growthBytes / MB, ' MB', 1)}); buffered ${fmt(h.after.buffered?.totalSec, ' s')}`, '≤ +30 MB', le(h.growthBytes / MB, 30));
  }
  if (r.heap?.bare && !r.heap.bare.error) {
    const h = r.heap.bare;
    add('5 2-hour replay', 'bare JS heap, same scrubs (reference)', `${fmt(h.before.usedBytes / MB, ' MB', 1)} → ${fmt(h.after.usedBytes / MB, ' MB', 1)}; buffered ${fmt(h.after.buffered?.totalSec, ' s')}`);
  }
  if (r.lighthouse) {
    if (r.lighthouse.error) add('6 Lighthouse', 'error', r.lighthouse.error, '', false);
    for (const [key, label] of [
      ['home', '/'],
      ['viewer', '/sessions/{id}'],
    ]) {
      const page = r.lighthouse[key];
      if (!page) continue;
      if (page.error) {
        add('6 Lighthouse', `${label}`, page.error, '', false);
        continue;
      }
      add('6 Lighthouse', `${label} performance (TBT ${page.metrics['total-blocking-time'].display}, LCP ${page.metrics['largest-contentful-paint'].display}, CLS ${page.metrics['cumulative-layout-shift'].display})`, fmt(page.performance), '≥ 95', page.performance !== null && page.performance >= 95);
      add('6 Lighthouse', `${label} accessibility${page.failingAccessibilityAudits.length ? ` (fails: ${page.failingAccessibilityAudits.map((a) => a.id).join(', ')})` : ''}`, fmt(page.accessibility), '100', page.accessibility === 100);
    }
  }
  return rows;
}

function printTable(rows) {
  const marker = (pass) => (pass === null ? '' : pass ? 'PASS' : 'FAIL');
  const widths = [16, 58, 46, 10];
  const cut = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  const lines = [];
  lines.push(`${cut('section', widths[0])} ${cut('metric', widths[1])} ${cut('result', widths[2])} ${cut('goal', widths[3])} ok`);
  lines.push('-'.repeat(widths.reduce((a, b) => a + b + 1, 0) + 4));
  for (const row of rows) lines.push(`${cut(row.section, widths[0])} ${cut(row.metric, widths[1])} ${cut(String(row.result), widths[2])} ${cut(row.goal, widths[3])} ${marker(row.pass)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printCriticalPath(r) {
  const loads = r.ttff?.hls?.viewerLoads?.filter((l) => !l.error) ?? [];
  const bareLoads = r.ttff?.hls?.bareLoads?.filter((l) => !l.error) ?? [];
  if (!loads.length) return null;
  const med = (list, pick) => round(median(list.map(pick).filter((v) => v !== null && v !== undefined)));
  const path = {
    viewer: {
      replayRequestStartMs: med(loads, (l) => l.replay.startMs),
      replayResponseEndMs: med(loads, (l) => l.replay.endMs),
      entryJsStartMs: med(loads, (l) => l.entryJs?.startMs),
      entryJsEndMs: med(loads, (l) => l.entryJs?.endMs),
      entryRunMs: med(loads, (l) => l.entryRunMs),
      hlsJsStartMs: med(loads, (l) => l.hlsJs?.startMs),
      hlsJsEndMs: med(loads, (l) => l.hlsJs?.endMs),
      domContentLoadedMs: med(loads, (l) => l.marks.domContentLoaded),
      appStartMs: med(loads, (l) => l.appStartMs),
      reactFirstCommitMs: med(loads, (l) => l.marks['root.firstChild']),
      videoInDomMs: med(loads, (l) => l.marks['dom.video']),
      videoGetsSourceMs: med(loads, (l) => l.marks['video.loadstart']),
      firstSegmentStartMs: med(loads, (l) => l.firstSegment?.startMs),
      loadedMetadataMs: med(loads, (l) => l.marks['video.loadedmetadata']),
      firstFrameMs: med(loads, (l) => l.ttffMs),
      longTasksBeforeFrameMs: med(loads, (l) => l.longTasksBeforeFrame.totalMs),
      replayNetworkRequests: med(loads, (l) => l.replay.networkRequests),
    },
    bare: {
      hlsJsStartMs: med(bareLoads, (l) => l.hlsJs?.startMs),
      hlsJsEndMs: med(bareLoads, (l) => l.hlsJs?.endMs),
      replayRequestStartMs: med(bareLoads, (l) => l.replay.startMs),
      replayResponseEndMs: med(bareLoads, (l) => l.replay.endMs),
      videoGetsSourceMs: med(bareLoads, (l) => l.marks['video.loadstart']),
      firstSegmentStartMs: med(bareLoads, (l) => l.firstSegment?.startMs),
      loadedMetadataMs: med(bareLoads, (l) => l.marks['video.loadedmetadata']),
      firstFrameMs: med(bareLoads, (l) => l.ttffMs),
      longTasksBeforeFrameMs: med(bareLoads, (l) => l.longTasksBeforeFrame.totalMs),
    },
  };
  const lines = ['', 'Critical path, HLS share link (medians, ms from navigation start):', `  ${'milestone'.padEnd(34)} ${'viewer'.padStart(8)} ${'bare'.padStart(8)}`];
  for (const key of Object.keys(path.viewer)) {
    lines.push(`  ${key.padEnd(34)} ${fmt(path.viewer[key]).padStart(8)} ${fmt(path.bare[key]).padStart(8)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return path;
}

function printProfile(profile) {
  if (!profile || profile.error) return;
  const lines = ['', `Main thread of one traced viewer load (first frame at ${profile.firstFrameMs} ms, busy ${profile.mainThreadBusyMs} ms before it):`];
  for (const task of profile.longestTasks.slice(0, 6)) lines.push(`  at ${String(task.startMs).padStart(7)} ms  ${String(task.durationMs).padStart(6)} ms  ${task.what}`);
  lines.push('  by kind:');
  for (const item of profile.byWhat.slice(0, 6)) lines.push(`    ${String(item.ms).padStart(7)} ms  ${item.what}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The table as Markdown (bench-results/latest.md), to paste into BENCHMARKS.md. */
function markdownReport(r) {
  const esc = (text) => String(text).replace(/\|/g, '\\|');
  const lines = [
    `Run ${r.meta.startedAt}, git ${r.meta.gitHead}${r.meta.gitDirty ? ' + uncommitted changes' : ''}, Node ${r.meta.node}, ${r.meta.chromium ? `Chromium ${r.meta.chromium}, ` : ''}${r.meta.cpus} CPUs, load average ${r.meta.loadAvgStart[0]} → ${r.meta.loadAvgEnd[0]}, ${Math.round(r.meta.totalMs / 1000)} s.`,
    '',
    '| section | metric | result | goal | |',
    '|---|---|---|---|---|',
    ...r.rows.map((row) => `| ${esc(row.section)} | ${esc(row.metric)} | ${esc(row.result)} | ${esc(row.goal)} | ${row.pass === null ? '' : row.pass ? 'pass' : '**fail**'} |`),
  ];
  if (r.criticalPath) {
    lines.push('', 'Critical path of the HLS share link (medians, ms from navigation start):', '', '| milestone | viewer | bare |', '|---|---|---|');
    for (const key of Object.keys(r.criticalPath.viewer)) lines.push(`| ${key} | ${fmt(r.criticalPath.viewer[key])} | ${fmt(r.criticalPath.bare[key])} |`);
  }
  if (r.profile && !r.profile.error) {
    lines.push('', `Longest main-thread tasks before the first frame (one traced viewer load, first frame at ${r.profile.firstFrameMs} ms):`, '');
    for (const task of r.profile.longestTasks.slice(0, 6)) lines.push(`- at ${task.startMs} ms, ${task.durationMs} ms: ${task.what}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- main ------------------------------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const build = args.get('no-build') === 'true' ? { built: false, reason: '--no-build' } : ensureBuild({ force: args.get('build') === 'true' });
  log(`build: ${build.built ? `rebuilt (${build.reason}, ${build.ms} ms)` : build.reason}`);
  const results = {
    meta: {
      startedAt: new Date(startedAt).toISOString(),
      gitHead: git('rev-parse', '--short', 'HEAD'),
      gitDirty: (git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'scripts/bench') ?? '') !== '',
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      loadAvgStart: os.loadavg().map((v) => round(v, 2)),
      options: { pairs: PAIRS, warmupPairs: WARMUP_PAIRS, seekPairs: SEEK_PAIRS, sections: SECTIONS.filter(enabled) },
      build,
      sectionMs: {},
    },
  };
  const timed = async (name, fn) => {
    const t = Date.now();
    try {
      return await fn();
    } catch (error) {
      log(`${name} failed: ${error?.stack ?? error}`);
      return { error: String(error?.message ?? error) };
    } finally {
      results.meta.sectionMs[name] = Date.now() - t;
    }
  };

  results.js = { initial: initialJsFromDist() };
  const needsProxyStack = ['ttff', 'rtt', 'seek', 'heap', 'profile', 'load'].some(enabled);
  let upstream = null;
  let app = null;
  let bare = null;
  let browser = null;
  try {
    if (needsProxyStack) {
      upstream = await startFakeUpstream();
      app = await startApp({ apiUrl: upstream.apiUrl, apiKey: FAKE_API_KEY, logName: 'app' });
      bare = await startBareServer(app.url);
      log(`app ${app.url} (pid ${app.pid}), fake upstream ${upstream.apiUrl}, bare pages ${bare.url}`);
    }
    if (['ttff', 'rtt', 'seek', 'heap', 'profile'].some(enabled)) {
      browser = await launchBrowser();
      results.meta.chromium = browser.version();
    }
    if (enabled('ttff')) results.ttff = await timed('ttff', () => measureTtff(browser, app, bare));
    if (enabled('rtt')) results.ttffAtLatency = await timed('rtt', () => measureTtff(browser, app, bare, { latencyMs: RTT_MS, budgetMs: BUDGET_MS.rtt }));
    if (enabled('seek')) results.seek = await timed('seek', () => measureSeek(browser, app, bare));
    if (enabled('heap')) results.heap = await timed('heap', () => measureHeap(browser, app, bare));
    if (enabled('profile')) results.profile = await timed('profile', () => tracedLoad(browser, `${app.url}/sessions/${freshId('hls-ok', 'trace')}`));
    if (browser) {
      await browser.close();
      browser = null;
    }
    if (enabled('load')) results.load = await timed('load', () => measureLoad(app, upstream));
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (bare) await bare.stop();
    if (app) await app.stop();
    if (upstream) await upstream.stop();
  }
  if (enabled('lighthouse')) results.lighthouse = await timed('lighthouse', () => measureLighthouse());

  // JS before the first frame, from the viewer's HLS loads (sizes are the same every run; take the median).
  const hlsViewer = results.ttff?.hls?.viewerLoads?.filter((l) => !l.error) ?? [];
  if (hlsViewer.length) {
    const byGzip = [...hlsViewer].sort((a, b) => a.jsBeforeFrame.gzipBytes - b.jsBeforeFrame.gzipBytes);
    const mid = byGzip[Math.floor(byGzip.length / 2)];
    const flags = hlsViewer.map((l) => l.hlsStartsBeforeReplayEnds).filter((f) => f !== null);
    results.js.beforeFirstFrame = { ...mid.jsBeforeFrame, note: 'gzip -9 of each JS response body fetched before the first frame; the app serves them uncompressed' };
    const byRan = [...hlsViewer].sort((a, b) => a.jsRanBeforeFrame.gzipBytes - b.jsRanBeforeFrame.gzipBytes);
    results.js.ranBeforeFirstFrame = {
      ...byRan[Math.floor(byRan.length / 2)].jsRanBeforeFrame,
      appAfterFrame: hlsViewer.filter((l) => !l.appRanBeforeFrame).length,
      of: hlsViewer.length,
      note: 'requested before the first frame, minus the app chunks when the app (main.tsx mark) started after the frame',
    };
    results.js.noWaterfall = {
      yes: flags.filter(Boolean).length,
      byHtml: hlsViewer.filter((l) => l.hlsPreloadedByHtml).length,
      of: flags.length,
      hlsStartMs: round(median(hlsViewer.map((l) => l.hlsJs?.startMs ?? null).filter((v) => v !== null))),
      replayEndMs: round(median(hlsViewer.map((l) => l.replay.endMs).filter((v) => v !== null))),
    };
  }

  results.meta.loadAvgEnd = os.loadavg().map((v) => round(v, 2));
  results.meta.totalMs = Date.now() - startedAt;
  results.rows = buildRows(results);
  process.stdout.write(`\nReplay viewer bench — ${results.meta.startedAt}, git ${results.meta.gitHead}${results.meta.gitDirty ? ' (+ uncommitted src changes)' : ''}, ${results.meta.cpus} CPUs, load avg ${results.meta.loadAvgStart.join(' ')} → ${results.meta.loadAvgEnd.join(' ')}\n\n`);
  printTable(results.rows);
  results.criticalPath = printCriticalPath(results);
  printProfile(results.profile);
  if (results.meta.loadAvgStart[0] > results.meta.cpus) {
    process.stdout.write(`\nNote: the machine was busy (load average ${results.meta.loadAvgStart[0]} on ${results.meta.cpus} CPUs): absolute times are inflated; read the ratios.\n`);
  }
  writeFileSync(path.join(RESULTS_DIR, 'latest.md'), markdownReport(results));
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  writeFileSync(path.join(RESULTS_DIR, `run-${results.meta.startedAt.replace(/[:.]/g, '-')}.json`), json);
  process.stdout.write(`\nWrote bench-results/latest.json in ${round(results.meta.totalMs / 1000)} s.\n`);
}

const onSignal = (signal) => {
  stopAllChildren();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
process.on('exit', stopAllChildren);

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench crashed: ${error?.stack ?? error}\n`);
    stopAllChildren();
    process.exit(1);
  },
);
