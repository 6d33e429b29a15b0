// Browser measurements with Playwright on Debian's Chromium: time to first frame, seek latency, the
// 2-hour replay's heap, and one traced viewer load for the critical-path profile.
import { chromium } from '@playwright/test';
import path from 'node:path';
import { ROOT } from './servers.mjs';
import { gzipBytes } from './sizes.mjs';
import { CHROMIUM_FLAGS } from '../../chromium-flags.mjs';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const PROBE = path.join(ROOT, 'scripts', 'bench', 'probe.js');
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Chromium 156 builds its omnibox popup as a WebUI page (chrome://omnibox-popup.top-chrome), and
 * headless Chromium gives every new browser context a window of its own: each cold load, on either
 * side, came with a renderer that loaded ~75 WebUI modules in parallel with the page being measured.
 * A person's browser does that once per window, not per link.
 */
const BENCH_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'];
const DISABLE_FEATURES = '--disable-features=';

export async function launchBrowser() {
  // Chromium reads only the last --disable-features switch: the bench's features go into Playwright's
  // own list (read from a first launch) rather than replacing it.
  const playwrightSwitch = await playwrightDisableFeaturesSwitch();
  const features = [playwrightSwitch?.slice(DISABLE_FEATURES.length), ...BENCH_DISABLED_FEATURES].filter(Boolean).join(',');
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [...CHROMIUM_FLAGS, `${DISABLE_FEATURES}${features}`],
    ignoreDefaultArgs: playwrightSwitch ? [playwrightSwitch] : [],
    headless: true,
  });
}

async function playwrightDisableFeaturesSwitch() {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_FLAGS, '--enable-automation'], headless: true });
  try {
    const session = await browser.newBrowserCDPSession();
    const { arguments: commandLine } = await session.send('Browser.getBrowserCommandLine');
    return commandLine.find((argument) => argument.startsWith(DISABLE_FEATURES)) ?? null;
  } finally {
    await browser.close();
  }
}

/**
 * Resolves when the probe reports the first frame. A console message, not `page.waitForFunction`:
 * polling needs Playwright's injected script (~330 KB), whose evaluation in the page would land on
 * the main thread in the middle of the load being measured (seen as 100–200 ms `EvaluateScript`).
 */
function firstFrameSignal(page, timeoutMs) {
  return page.waitForEvent('console', { predicate: (message) => message.text() === FIRST_FRAME_MESSAGE, timeout: timeoutMs });
}
const FIRST_FRAME_MESSAGE = '__bench:first-frame';

/**
 * Chrome's own network emulation (DevTools throttling): at least `latencyMs` between a request and its
 * response headers, for every request of the page (the document, scripts, the replay, the media).
 * An approximation of a round trip: no TCP or TLS set-up, no slow start, no bandwidth limit.
 */
async function emulateLatency(context, page, latencyMs) {
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
}

/**
 * One cold load in a fresh browser context (empty HTTP cache, no service worker, no storage):
 * navigates, waits for the first presented frame of the visible video, then runs `after(page, run)`
 * (seeks, scrubs) before closing the context. Never throws: failures come back as `error`.
 */
export async function coldLoad(browser, url, { timeoutMs = 20_000, after, cdp = false, jsBodies = false, latencyMs = 0 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript({ path: PROBE });
  const requests = [];
  const bodyJobs = [];
  const onRequestDone = (request, failed) => {
    const timing = request.timing();
    const record = {
      url: request.url(),
      resourceType: request.resourceType(),
      method: request.method(),
      failed,
      startEpochMs: timing.startTime,
      // Relative to startEpochMs; -1 when unknown.
      responseEndMs: timing.responseEnd,
      rawBytes: null,
      gzipBytes: null,
    };
    requests.push(record);
    const isJs = request.resourceType() === 'script' || /\.m?js(\?|$)/.test(request.url());
    if (jsBodies && !failed && isJs) {
      bodyJobs.push(
        request
          .response()
          .then((response) => response?.body())
          .then((body) => {
            if (!body) return;
            record.rawBytes = body.length;
            record.gzipBytes = gzipBytes(body);
          })
          .catch(() => undefined),
      );
    }
  };
  context.on('requestfinished', (request) => onRequestDone(request, false));
  context.on('requestfailed', (request) => onRequestDone(request, true));
  const page = await context.newPage();
  const session = cdp ? await context.newCDPSession(page) : null;
  const run = { url, error: null, pageErrors: [] };
  page.on('pageerror', (error) => {
    if (run.pageErrors.length < 5) run.pageErrors.push(String(error?.message ?? error).slice(0, 300));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && run.pageErrors.length < 5) run.pageErrors.push(`console: ${message.text().slice(0, 300)}`);
  });
  try {
    if (latencyMs > 0) await emulateLatency(context, page, latencyMs);
    const firstFrame = firstFrameSignal(page, timeoutMs);
    // Pages without #root (the bare ones) never send it; the wait below is bounded anyway.
    const committed = page.waitForEvent('console', { predicate: (message) => message.text() === '__bench:commit', timeout: timeoutMs }).catch(() => null);
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await firstFrame;
    const snapshot = await page.evaluate(() => ({
      timeOriginEpochMs: performance.timeOrigin,
      firstFrame: window.__bench.firstFrame,
      // boot.ts marks when it runs, and when it starts the app (React), just before importing it.
      entryRunMs: performance.getEntriesByName('replay-viewer:boot')[0]?.startTime ?? null,
      appStartMs: performance.getEntriesByName('replay-viewer:app-start')[0]?.startTime ?? null,
      marks: window.__bench.marks,
      parserModulepreloads: window.__bench.parserModulepreloads,
      longTasks: window.__bench.longTasks,
      resources: performance.getEntriesByType('resource').map((e) => ({
        name: e.name,
        initiatorType: e.initiatorType,
        startMs: e.startTime,
        responseEndMs: e.responseEnd,
        transferSize: e.transferSize,
        encodedBodySize: e.encodedBodySize,
      })),
      navigation: (() => {
        const n = performance.getEntriesByType('navigation')[0];
        return n ? { responseStartMs: n.responseStart, responseEndMs: n.responseEnd, domContentLoadedMs: n.domContentLoadedEventStart } : null;
      })(),
    }));
    Object.assign(run, snapshot);
    run.ttffMs = snapshot.firstFrame.atMs;
    // React commits after the first frame now: wait for it (bounded) so the timeline shows it too,
    // again by a console message, so that nothing of Playwright's runs in the page while React starts.
    const hasRoot = await page.evaluate(() => document.getElementById('root') !== null);
    const commit = await (hasRoot ? Promise.race([committed, new Promise((resolve) => setTimeout(resolve, 5_000))]) : Promise.resolve())
      .then(() => page.evaluate(() => ({ marks: window.__bench.marks, appStartMs: performance.getEntriesByName('replay-viewer:app-start')[0]?.startTime ?? null })))
      .catch(() => null);
    if (commit) {
      run.marks = commit.marks;
      run.appStartMs = commit.appStartMs;
    }
    if (after) run.after = await after(page, run, session);
  } catch (error) {
    run.error = String(error?.message ?? error).split('\n')[0];
    run.debug = await page
      .evaluate(() => ({ marks: window.__bench?.marks, bareError: window.__bareError, alerts: [...document.querySelectorAll('[role=alert]')].map((n) => n.textContent) }))
      .catch(() => null);
  }
  // Give in-flight requests a moment to finish so the network log is complete, then settle sizes.
  await page.waitForTimeout(50);
  await Promise.race([Promise.all(bodyJobs), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  await context.close().catch(() => undefined);
  run.network = requests.map((rest) => ({
    ...rest,
    startMs: run.timeOriginEpochMs !== undefined ? rest.startEpochMs - run.timeOriginEpochMs : null,
    endMs: run.timeOriginEpochMs !== undefined && rest.responseEndMs >= 0 ? rest.startEpochMs + rest.responseEndMs - run.timeOriginEpochMs : null,
  }));
  return run;
}

const AIM_MS = 100;

/**
 * Seeks to far, unbuffered positions after the first frame, on either page: `viaSlider`, a real click
 * on the slider named "Seek" at fraction f (t0 = the pointerdown's timestamp); otherwise
 * video.currentTime = f × duration (t0 = just before the assignment). Ends at the first presented frame
 * within 1 s of the seek target: when it is shown (`shownMs`) and when the page's script hears of it.
 */

export function seekSequence(fractions, { viaSlider, settleMs = 300, perSeekTimeoutMs = 8_000 }) {
  return async (page) => {
    const results = [];
    await page.waitForFunction(() => Number.isFinite(window.__bench.video?.duration) && window.__bench.video.duration > 0, null, { timeout: 10_000 });
    await page.waitForTimeout(settleMs);
    for (const fraction of fractions) {
      const durationSec = await page.evaluate(() => window.__bench.video.duration);
      const targetSec = fraction * durationSec;
      const wasBuffered = await page.evaluate((sec) => window.__bench.isBuffered(sec), targetSec);
      await page.evaluate(() => window.__bench.armSeek());
      if (viaSlider) {
        const slider = page.getByRole('slider', { name: 'Seek' });
        const box = await slider.boundingBox();
        if (!box) throw new Error('the Seek slider has no box');
        // Aim, then press: the pointer arrives on the bar 100 ms before the click, as a person's does.
        // (Until 2026-11-29 it arrived with the press, so the page's hover work sat in the measured time.)
        await page.mouse.move(box.x + fraction * box.width, box.y + box.height / 2);
        await page.waitForTimeout(AIM_MS);
        await page.mouse.down();
        await page.mouse.up();
      } else {
        await page.evaluate((sec) => window.__bench.seekTo(sec), targetSec);
      }
      try {
        await page.waitForFunction(() => window.__bench.seek?.t1 !== null, null, { timeout: perSeekTimeoutMs, polling: 20 });
      } catch {
        // recorded below as a timeout
      }
      // The pointer stays on the bar while the seek loads, as a user's does; it leaves only afterwards,
      // so that hover previews do not linger over the next measurement. (Until 2026-11-29 it left
      // right after the click, inside the measured time: a pointerleave no user makes.)
      if (viaSlider) await page.mouse.move(5, 5);
      const state = await page.evaluate(() => window.__bench.seek);
      results.push({
        fraction,
        requestedSec: targetSec,
        targetSec: state.targetSec,
        wasBuffered,
        via: state.via,
        // The goal figure: t0 → the frame on screen (the frame's expectedDisplayTime; see BENCHMARKS.md, figure 2).
        shownMs: state.expectedDisplayMs !== null && state.t0 !== null ? state.expectedDisplayMs - state.t0 : null,
        // t0 → the frame handed to the compositor (`presentationTime`): equal to the above in most seeks here.
        presentedMs: state.presentationMs !== null && state.t0 !== null ? state.presentationMs - state.t0 : null,
        // t0 → the page's script told of that frame (the callback runs in the main thread's next rendering step).
        latencyMs: state.t1 !== null && state.t0 !== null ? state.t1 - state.t0 : null,
        seekedMs: state.seekedAt !== null && state.t0 !== null ? state.seekedAt - state.t0 : null,
        // Input (or assignment) → the video's `seeking` event: the UI's share of the latency.
        toSeekingMs: state.seekingAt !== null && state.t0 !== null ? state.seekingAt - state.t0 : null,
      });
      await page.waitForTimeout(settleMs);
    }
    return results;
  };
}

/** 20 scrubs spread over the replay; JS heap (main thread, after a forced GC) before and after. */
export function heapScrubSequence({ viaSlider = true, scrubs = 20, perScrubTimeoutMs = 6_000, settleMs = 150 }) {
  return async (page, _run, session) => {
    const heap = async () => {
      await session.send('HeapProfiler.collectGarbage');
      await session.send('HeapProfiler.collectGarbage');
      const usage = await session.send('Runtime.getHeapUsage');
      const buffered = await page.evaluate(() => window.__bench.bufferedSec());
      return { usedBytes: usage.usedSize, totalBytes: usage.totalSize, buffered };
    };
    await session.send('HeapProfiler.enable');
    await page.waitForFunction(() => Number.isFinite(window.__bench.video?.duration) && window.__bench.video.duration > 0, null, { timeout: 10_000 });
    await page.waitForTimeout(1_000);
    const before = await heap();
    const box = viaSlider ? await page.getByRole('slider', { name: 'Seek' }).boundingBox() : null;
    if (viaSlider && !box) throw new Error('the Seek slider has no box');
    // Positions (i + 0.5) / n visited in a scattered order (stride 7 mod 20), forwards and backwards.
    const order = Array.from({ length: scrubs }, (_v, i) => (i * 7) % scrubs);
    let landed = 0;
    const startedAt = Date.now();
    for (const index of order) {
      const fraction = (index + 0.5) / scrubs;
      await page.evaluate(() => window.__bench.armSeek());
      if (box) {
        await page.mouse.click(box.x + fraction * box.width, box.y + box.height / 2);
        await page.mouse.move(5, 5);
      } else {
        await page.evaluate((f) => window.__bench.seekTo(f * window.__bench.video.duration), fraction);
      }
      try {
        await page.waitForFunction(() => window.__bench.seek?.t1 !== null, null, { timeout: perScrubTimeoutMs, polling: 20 });
        landed += 1;
      } catch {
        // counted as not landed
      }
      await page.waitForTimeout(settleMs);
    }
    const scrubMs = Date.now() - startedAt;
    await page.waitForTimeout(1_000);
    const afterScrubs = await heap();
    return { before, after: afterScrubs, growthBytes: afterScrubs.usedBytes - before.usedBytes, scrubs, landed, scrubMs };
  };
}

/** One viewer load under the Chromium tracer: the main thread's tasks before the first frame. */
export async function tracedLoad(browser, url, { timeoutMs = 20_000 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript({ path: PROBE });
  const page = await context.newPage();
  let traceBuffer = null;
  let snapshot = null;
  try {
    await browser.startTracing(page, {
      categories: process.env.BENCH_TRACE_CATEGORIES ? process.env.BENCH_TRACE_CATEGORIES.split(',') : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'toplevel', 'loading'],
    });
    const firstFrame = firstFrameSignal(page, timeoutMs);
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await firstFrame;
    await page.waitForTimeout(200);
    snapshot = await page.evaluate(() => ({ firstFrameMs: window.__bench.firstFrame.atMs, marks: window.__bench.marks }));
  } finally {
    traceBuffer = await browser.stopTracing().catch(() => null);
    await context.close().catch(() => undefined);
  }
  if (!traceBuffer || !snapshot) return null;
  if (process.env.BENCH_DUMP_TRACE) (await import('node:fs')).writeFileSync(process.env.BENCH_DUMP_TRACE, traceBuffer);
  return summariseTrace(JSON.parse(traceBuffer.toString('utf8')), snapshot);
}

function shortUrl(url) {
  if (typeof url !== 'string' || url === '') return '';
  try {
    const parsed = new URL(url);
    return parsed.pathname.split('/').pop() || parsed.pathname;
  } catch {
    return url.slice(0, 60);
  }
}

/** Main-thread tasks of the page between navigation and the first frame, with what each one ran. */
export function summariseTrace(trace, snapshot) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith('http'));
  if (!navStart) return { error: 'no navigationStart in the trace' };
  const mainThread = { pid: navStart.pid, tid: navStart.tid };
  const toMs = (ts) => (ts - navStart.ts) / 1000;
  const onMain = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && typeof e.dur === 'number');
  const endMs = snapshot.firstFrameMs;
  // Top-level tasks only: Chromium nests RunTask inside ThreadControllerImpl::RunTask.
  const candidates = onMain
    .filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && toMs(e.ts) >= -1 && toMs(e.ts) <= endMs)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const topLevel = [];
  for (const task of candidates) {
    const last = topLevel[topLevel.length - 1];
    if (last && task.ts >= last.ts && task.ts + task.dur <= last.ts + last.dur) continue;
    topLevel.push(task);
  }
  const tasks = topLevel
    .map((task) => {
      const children = onMain.filter(
        (e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask',
      );
      const described = children
        .filter((e) => ['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'ParseHTML', 'EventDispatch', 'FireAnimationFrame', 'v8.run', 'RunMicrotasks', 'v8.compile', 'Layout', 'UpdateLayoutTree', 'Paint', 'MajorGC', 'MinorGC', 'XHRReadyStateChange', 'ResourceReceivedData'].includes(e.name))
        .sort((a, b) => b.dur - a.dur)[0];
      const data = described?.args?.data ?? {};
      const what = described
        ? `${described.name}${data.url ? ` ${shortUrl(data.url)}` : data.functionName ? ` ${data.functionName}` : data.type ? ` ${data.type}` : ''}`
        : 'other';
      const gcMs = children.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC').reduce((sum, e) => sum + e.dur / 1000, 0);
      return { startMs: round1(toMs(task.ts)), durationMs: round1(task.dur / 1000), what, gcMs: round1(gcMs) };
    });
  const busyMs = tasks.reduce((sum, t) => sum + t.durationMs, 0);
  const byWhat = new Map();
  for (const task of tasks) byWhat.set(task.what, (byWhat.get(task.what) ?? 0) + task.durationMs);
  return {
    firstFrameMs: round1(endMs),
    mainThreadBusyMs: round1(busyMs),
    longestTasks: [...tasks].sort((a, b) => b.durationMs - a.durationMs).slice(0, 8),
    byWhat: [...byWhat.entries()].map(([what, ms]) => ({ what, ms: round1(ms) })).sort((a, b) => b.ms - a.ms).slice(0, 10),
    marks: Object.fromEntries(Object.entries(snapshot.marks).map(([k, v]) => [k, round1(v)])),
  };
}

function round1(value) {
  return Math.round(value * 10) / 10;
}
