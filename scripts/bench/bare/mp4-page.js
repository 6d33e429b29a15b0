// Bare floor page for mp4-only replays: fetch the replay through the same proxy, set video.src.
(() => {
  const sessionId = new URLSearchParams(window.location.search).get('id') ?? '';
  const video = document.getElementById('video');
  video.muted = true;
  fetch(`/api/sessions/${encodeURIComponent(sessionId)}/replay`, { headers: { accept: 'application/json' } })
    .then((response) => response.json())
    .then((replay) => {
      video.src = replay.mp4_url;
      void video.play().catch(() => undefined);
    })
    .catch((error) => {
      window.__bareError = String(error);
    });
})();
