/** Fullscreen on the player (video + controls), not the bare video, so the scrubber stays usable. */
export function toggleFullscreen(container: HTMLElement | null): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
    return;
  }
  void container?.requestFullscreen?.().catch(() => undefined);
}

export function pictureInPictureAvailable(): boolean {
  return typeof document !== 'undefined' && document.pictureInPictureEnabled === true;
}

export function togglePictureInPicture(video: HTMLVideoElement | null): void {
  if (!video || !pictureInPictureAvailable()) return;
  if (document.pictureInPictureElement) {
    void document.exitPictureInPicture().catch(() => undefined);
    return;
  }
  void video.requestPictureInPicture().catch(() => undefined);
}
