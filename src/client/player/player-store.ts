export interface TimeRangeSec {
  startSec: number;
  endSec: number;
}

/** What the controls show of the video, in video seconds. */
export interface MediaSnapshot {
  currentSec: number;
  durationSec: number | null;
  paused: boolean;
  waiting: boolean;
  ended: boolean;
  playbackRate: number;
  buffered: readonly TimeRangeSec[];
}

const INITIAL: MediaSnapshot = {
  currentSec: 0,
  durationSec: null,
  paused: true,
  waiting: false,
  ended: false,
  playbackRate: 1,
  buffered: [],
};

const EVENTS = [
  'timeupdate',
  'durationchange',
  'loadedmetadata',
  'play',
  'pause',
  'playing',
  'waiting',
  'seeking',
  'seeked',
  'progress',
  'ended',
  'ratechange',
  'emptied',
] as const;

export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
/** Recordings are 25 fps or so; one frame is close enough for stepping. */
const FRAME_STEP_SEC = 1 / 25;

/**
 * The player's state and remote control. State is fed by the video's events (and a frame loop
 * while playing, for a smooth playhead) so that only the components reading it re-render; the page
 * around the player does not. Commands are what the controls, the steps panel and shortcuts call.
 */
export class PlayerStore {
  private snapshot: MediaSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private video: HTMLVideoElement | null = null;
  private container: HTMLElement | null = null;
  private frame = 0;

  /** `container` is what fullscreen shows: the video with its controls. */
  attach(video: HTMLVideoElement, container: HTMLElement | null): () => void {
    this.video = video;
    this.container = container;
    const onEvent = (event: Event) => {
      if (event.type === 'waiting') this.publish({ waiting: true });
      else if (event.type === 'playing' || event.type === 'seeked') this.publish({ waiting: false });
      else this.publish({});
      if (event.type === 'play' || event.type === 'playing') this.startFrameLoop();
    };
    for (const type of EVENTS) video.addEventListener(type, onEvent);
    this.publish({});
    return () => {
      for (const type of EVENTS) video.removeEventListener(type, onEvent);
      cancelAnimationFrame(this.frame);
      this.video = null;
      this.container = null;
    };
  }

  get videoElement(): HTMLVideoElement | null {
    return this.video;
  }

  get playerElement(): HTMLElement | null {
    return this.container;
  }

  togglePlay(): void {
    const video = this.video;
    if (!video) return;
    if (video.paused || video.ended) void video.play().catch(() => undefined);
    else video.pause();
  }

  seekVideoSec(videoSec: number): void {
    const video = this.video;
    if (!video) return;
    const limit = this.snapshot.durationSec ?? Number.POSITIVE_INFINITY;
    video.currentTime = Math.min(Math.max(videoSec, 0), limit);
    this.publish({});
  }

  seekBy(deltaSec: number): void {
    this.seekVideoSec((this.video?.currentTime ?? 0) + deltaSec);
  }

  /** `,` / `.`: one frame back or forward, only while paused (as in most players). */
  stepFrame(direction: 1 | -1): void {
    if (!this.video?.paused) return;
    this.seekBy(direction * FRAME_STEP_SEC);
  }

  setPlaybackRate(rate: number): void {
    if (this.video) this.video.playbackRate = rate;
  }

  /** Shift+< / Shift+>: the next slower or faster rate in PLAYBACK_RATES. */
  changePlaybackRate(direction: 1 | -1): number {
    const current = this.video?.playbackRate ?? 1;
    const index = PLAYBACK_RATES.findIndex((rate) => rate >= current - 1e-9);
    const from = index === -1 ? PLAYBACK_RATES.length - 1 : index;
    const next = PLAYBACK_RATES[Math.min(Math.max(from + direction, 0), PLAYBACK_RATES.length - 1)] ?? 1;
    this.setPlaybackRate(next);
    return next;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MediaSnapshot => this.snapshot;

  private startFrameLoop(): void {
    cancelAnimationFrame(this.frame);
    const tick = () => {
      const video = this.video;
      if (!video || video.paused) return;
      if (Math.abs(video.currentTime - this.snapshot.currentSec) >= 1 / 30) this.publish({});
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  private publish(overrides: Partial<MediaSnapshot>): void {
    const video = this.video;
    if (!video) return;
    const durationSec = Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null;
    const next: MediaSnapshot = {
      currentSec: video.currentTime,
      durationSec,
      paused: video.paused,
      waiting: this.snapshot.waiting,
      ended: video.ended,
      playbackRate: video.playbackRate,
      buffered: readBuffered(video.buffered, this.snapshot.buffered),
      ...overrides,
    };
    if (isSameSnapshot(next, this.snapshot)) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function readBuffered(ranges: TimeRanges, previous: readonly TimeRangeSec[]): readonly TimeRangeSec[] {
  const next: TimeRangeSec[] = [];
  for (let i = 0; i < ranges.length; i += 1) next.push({ startSec: ranges.start(i), endSec: ranges.end(i) });
  const unchanged =
    next.length === previous.length &&
    next.every((range, i) => range.startSec === previous[i]?.startSec && range.endSec === previous[i]?.endSec);
  return unchanged ? previous : next;
}

function isSameSnapshot(a: MediaSnapshot, b: MediaSnapshot): boolean {
  return (
    a.currentSec === b.currentSec &&
    a.durationSec === b.durationSec &&
    a.paused === b.paused &&
    a.waiting === b.waiting &&
    a.ended === b.ended &&
    a.playbackRate === b.playbackRate &&
    a.buffered === b.buffered
  );
}
