// Bare floor page: fetch the replay through the same proxy, then play its playlist text with full
// hls.js (default config) from an in-memory playlist loader. No framework, no UI.
/* global Hls */
(() => {
  const sessionId = new URLSearchParams(window.location.search).get('id') ?? '';
  const video = document.getElementById('video');
  video.muted = true;
  const seek = document.getElementById('seek');
  seek.addEventListener('input', () => {
    if (Number.isFinite(video.duration)) video.currentTime = (Number(seek.value) / 1000) * video.duration;
  });
  // Never fetched: the loader answers it from memory (relative URIs would resolve against it).
  const PLAYLIST_URL = new URL('/__bare__/playlist.m3u8', window.location.origin).href;

  fetch(`/api/sessions/${encodeURIComponent(sessionId)}/replay`, { headers: { accept: 'application/json' } })
    .then((response) => response.json())
    .then((replay) => {
      const playlistText = replay.playlist_content;
      const DefaultLoader = Hls.DefaultConfig.loader;
      class InMemoryPlaylistLoader extends DefaultLoader {
        load(context, config, callbacks) {
          if (context.url !== PLAYLIST_URL) {
            super.load(context, config, callbacks);
            return;
          }
          this.context = context;
          // hls.js 1.7 stalls when onSuccess is called synchronously from load().
          this.benchTimer = setTimeout(() => {
            const t = performance.now();
            this.stats.loading.start = t;
            this.stats.loading.first = t;
            this.stats.loading.end = t;
            this.stats.loaded = playlistText.length;
            this.stats.total = playlistText.length;
            callbacks.onSuccess({ url: context.url, data: playlistText }, this.stats, context, null);
          }, 0);
        }
        abort() {
          clearTimeout(this.benchTimer);
          super.abort();
        }
        destroy() {
          clearTimeout(this.benchTimer);
          super.destroy();
        }
      }
      const hls = new Hls({ pLoader: InMemoryPlaylistLoader });
      window.__bareHls = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        if (window.__bench) window.__bench.marks['hls.manifestParsed'] ??= performance.now();
      });
      hls.attachMedia(video);
      hls.loadSource(PLAYLIST_URL);
    })
    .catch((error) => {
      window.__bareError = String(error);
    });
})();
