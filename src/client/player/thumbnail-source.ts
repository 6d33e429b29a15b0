const MIN_STEP_SEC = 0.25;

/**
 * Hover previews: a hidden second <video> on the mp4 seeks to the hovered time and draws the frame
 * onto a canvas. Only the latest request is honoured; a seek in flight is never interrupted.
 */
export class ThumbnailSource {
  private readonly video: HTMLVideoElement;
  private pendingSec: number | null = null;
  private seeking = false;
  private lastDrawnSec = Number.NaN;
  private canvas: HTMLCanvasElement | null = null;

  constructor(mp4Url: string) {
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.hidden = true;
    video.setAttribute('aria-hidden', 'true');
    video.src = mp4Url;
    video.addEventListener('seeked', () => {
      this.seeking = false;
      this.draw();
      this.flush();
    });
    video.addEventListener('loadeddata', () => this.flush());
    this.video = video;
  }

  show(canvas: HTMLCanvasElement, videoSec: number): void {
    this.canvas = canvas;
    if (Math.abs(videoSec - this.lastDrawnSec) < MIN_STEP_SEC) {
      // Back where the drawn frame is: a frame asked for meanwhile must not replace it later.
      this.pendingSec = null;
      this.draw();
      return;
    }
    this.pendingSec = videoSec;
    this.flush();
  }

  destroy(): void {
    this.video.removeAttribute('src');
    this.video.load();
    this.canvas = null;
  }

  private flush(): void {
    if (this.seeking || this.pendingSec === null || this.video.readyState < HTMLMediaElement.HAVE_METADATA) return;
    this.seeking = true;
    this.lastDrawnSec = this.pendingSec;
    this.video.currentTime = this.pendingSec;
    this.pendingSec = null;
  }

  private draw(): void {
    const canvas = this.canvas;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || this.video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    context.drawImage(this.video, 0, 0, canvas.width, canvas.height);
  }
}
