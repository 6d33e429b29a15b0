// Injected with page.addInitScript before any page script runs (viewer and bare pages alike).
// Records, on the page's own clock (performance.now(), 0 = navigation start):
//   - the first frame presented by the visible <video> (requestVideoFrameCallback),
//   - media events of that video (loadstart = it got its source, loadedmetadata, playing, ...),
//   - the first DOM insertion into #root (React's first commit) and of a <video>,
//   - long tasks, and seek → next-frame latency on demand (window.__bench.armSeek()).
// Plain ES2020, no imports: it is evaluated as a string in every document of the context.
(() => {
  if (window.__bench) return;
  const bench = {
    marks: {},
    firstFrame: null,
    longTasks: [],
    seek: null,
    video: null,
  };
  window.__bench = bench;
  const now = () => performance.now();
  const mark = (name, t) => {
    if (!(name in bench.marks)) bench.marks[name] = t === undefined ? now() : t;
  };
  const isVisible = (v) =>
    v.isConnected && (typeof v.checkVisibility === 'function' ? v.checkVisibility() : v.offsetWidth > 0 && v.offsetHeight > 0);

  // ---- first presented frame of the visible video -------------------------------------------
  const watched = new WeakSet();
  function watch(video) {
    if (watched.has(video) || typeof video.requestVideoFrameCallback !== 'function') return;
    watched.add(video);
    let tries = 0;
    const onFrame = (_rafNow, meta) => {
      if (bench.firstFrame === null && isVisible(video)) {
        const t = now();
        bench.video = video;
        bench.firstFrame = {
          atMs: t,
          presentationMs: meta.presentationTime,
          expectedDisplayMs: meta.expectedDisplayTime,
          mediaTimeSec: meta.mediaTime,
          width: meta.width,
          height: meta.height,
        };
        mark('firstFrame', t);
        // The bench waits for this message (scripts/bench/lib/browser.mjs: firstFrameSignal).
        console.debug('__bench:first-frame');
        return;
      }
      // A hidden helper video (thumbnails) never counts; keep the loop bounded.
      if (bench.firstFrame === null && (tries += 1) < 500) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  }

  // Media events do not bubble, but a capture listener on window sees them for connected elements.
  for (const type of ['loadstart', 'durationchange', 'loadedmetadata', 'loadeddata', 'canplay', 'play', 'playing', 'waiting']) {
    window.addEventListener(
      type,
      (event) => {
        const target = event.target;
        if (!(target instanceof HTMLVideoElement)) return;
        watch(target);
        // Not isVisible(): checkVisibility() forces a style update, which in the middle of a load put
        // 15–30 ms of the probe's own work on the main thread (the page's CSS arriving later redid it).
        // Helper videos (thumbnails) are hidden or never in the document.
        if (target.isConnected && !target.hidden) mark(`video.${type}`);
      },
      true,
    );
  }
  const originalPlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function play(...args) {
    if (this instanceof HTMLVideoElement) {
      mark('video.play()');
      watch(this);
    }
    return originalPlay.apply(this, args);
  };

  // ---- DOM milestones -------------------------------------------------------------------------
  const observer = new MutationObserver(() => {
    // React's first commit: #root holds something other than the server's shell of the viewer.
    const root = document.getElementById('root');
    // Only once the HTML is parsed: a streamed page's shell arrives in pieces, and #root can hold the
    // start of it before its stage has been parsed.
    if (document.readyState !== 'loading' && root && root.firstChild && !root.querySelector('[data-shell-stage]') && !('root.firstChild' in bench.marks)) {
      mark('root.firstChild');
      console.debug('__bench:commit');
    }
    const video = document.querySelector('video');
    if (video) {
      mark('dom.video');
      watch(video);
    }
    if ('dom.video' in bench.marks && ('root.firstChild' in bench.marks || !document.getElementById('root'))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => mark('domContentLoaded'));

  // Modulepreloads the HTML parser inserted (not a script): their URLs. Resource timing cannot tell,
  // Chromium reports a modulepreload's initiatorType as "other". Until DOMContentLoaded, not only while
  // readyState is "loading": the records of a page parsed in one task arrive after it has changed.
  // (The viewer's scripts add preloads only after the first frame, itself after DOMContentLoaded.)
  bench.parserModulepreloads = [];
  const preloadObserver = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        // A subtree the parser adds in one piece is reported by its root: a preload in a viewer's stage
        // can be inside one (or, streamed in a later chunk, a node of its own).
        const links = node instanceof HTMLLinkElement ? [node] : node instanceof Element ? node.querySelectorAll('link') : [];
        for (const link of links) {
          if (link.rel === 'modulepreload' && bench.parserModulepreloads.length < 50) bench.parserModulepreloads.push(link.href);
        }
      }
    }
  });
  preloadObserver.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => preloadObserver.disconnect());

  // ---- long tasks -----------------------------------------------------------------------------
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (bench.longTasks.length < 2000) bench.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask is Chromium-only; the bench runs Chromium.
  }

  // ---- seek latency ---------------------------------------------------------------------------
  const inBuffered = (video, sec) => {
    for (let i = 0; i < video.buffered.length; i += 1) {
      if (sec >= video.buffered.start(i) && sec < video.buffered.end(i)) return true;
    }
    return false;
  };
  bench.bufferedSec = () => {
    const video = bench.video;
    if (!video) return null;
    let total = 0;
    for (let i = 0; i < video.buffered.length; i += 1) total += video.buffered.end(i) - video.buffered.start(i);
    return { totalSec: total, ranges: video.buffered.length };
  };
  bench.isBuffered = (sec) => (bench.video ? inBuffered(bench.video, sec) : false);

  /**
   * Arms a seek measurement. t0 is the next pointerdown on the page (a click on the slider) or the
   * moment seekTo() sets currentTime; t1 is the first presented frame within 1 s of the seek target.
   */
  bench.armSeek = () => {
    const video = bench.video;
    if (!video) return false;
    const state = { t0: null, via: null, targetSec: null, targetWasBuffered: null, seekingAt: null, seekedAt: null, t1: null, presentationMs: null, expectedDisplayMs: null, mediaTimeSec: null };
    bench.seek = state;
    const onPointerDown = (event) => {
      if (state.t0 === null) {
        state.t0 = event.timeStamp;
        state.via = 'pointerdown';
      }
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    const onSeeking = () => {
      state.seekingAt = now();
      state.targetSec = video.currentTime;
    };
    const onSeeked = () => {
      if (state.seekedAt === null) state.seekedAt = now();
      video.removeEventListener('seeked', onSeeked);
    };
    video.addEventListener('seeking', onSeeking);
    video.addEventListener('seeked', onSeeked);
    let frames = 0;
    const onFrame = (_rafNow, meta) => {
      if (bench.seek !== state) return;
      if (state.targetSec !== null && Math.abs(meta.mediaTime - state.targetSec) < 1) {
        state.t1 = now();
        state.presentationMs = meta.presentationTime;
        state.expectedDisplayMs = meta.expectedDisplayTime;
        state.mediaTimeSec = meta.mediaTime;
        window.removeEventListener('pointerdown', onPointerDown, true);
        video.removeEventListener('seeking', onSeeking);
        return;
      }
      if ((frames += 1) < 2000) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    return true;
  };
  bench.seekTo = (sec) => {
    const state = bench.seek;
    const video = bench.video;
    if (!state || !video) return false;
    state.targetWasBuffered = inBuffered(video, sec);
    state.t0 = now();
    state.via = 'currentTime';
    video.currentTime = sec;
    return true;
  };
})();
