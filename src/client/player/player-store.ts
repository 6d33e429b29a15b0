import { PLAYBACK_RATES } from './playback-rate-preference';

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

/** Recordings are 25 fps or so; one frame is close enough for stepping. */
const FRAME_STEP_SEC = 1 / 25;
/**
 * While a seek loads, React's readers (readout, step list, buffered ranges, spinner) wait for its first
 * frame: their renders would share the main thread with the segment's download, transmux and append.
 * A seek slower than this shows them anyway (a slow network, a long drag).
 */
export const SEEK_HOLD_MAX_MS = 250;

/**
 * The player's state and remote control. State is fed by the video's events (and a frame loop
 * while playing, for a smooth playhead) so that only the components reading it re-render; the page
 * around the player does not. Commands are what the controls, the steps panel and shortcuts call.
 *
 * Two views of the state: `live()` is the video as it is now, pushed to `subscribeLive` painters
 * (the playhead) on every change; `getSnapshot()` is what React renders, and it holds still while
 * a seek loads (see SEEK_HOLD_MAX_MS).
 */
export class PlayerStore {
  private latest: MediaSnapshot = INITIAL;
  private shown: MediaSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private readonly liveListeners = new Set<(snapshot: MediaSnapshot) => void>();
  private video: HTMLVideoElement | null = null;
  private container: HTMLElement | null = null;
  private hold: { sinceMs: number; timer: ReturnType<typeof setTimeout>; frameCallback: number | null } | null = null;

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
    // A shared link's video is already playing when the app attaches: its play events are gone.
    if (!video.paused) this.startFrameLoop();
    return () => {
      for (const type of EVENTS) video.removeEventListener(type, onEvent);
      this.stopFrameLoop();
      this.endHold();
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
    const limit = this.latest.durationSec ?? Number.POSITIVE_INFINITY;
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
    if (!this.video) return;
    // A new load (the mp4 fallback, a renewed link, Retry) resets playbackRate to the default rate.
    this.video.defaultPlaybackRate = rate;
    this.video.playbackRate = rate;
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

  /** For React (useSyncExternalStore): held while a seek loads. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MediaSnapshot => this.shown;

  /** For code that writes the DOM itself (the playhead): every change, seeks included. */
  subscribeLive(listener: (snapshot: MediaSnapshot) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** The video as it is now; what commands (seek by, next step) start from. */
  live(): MediaSnapshot {
    return this.latest;
  }

  /**
   * Once per presented video frame, not per display refresh: a loop on requestAnimationFrame made
   * the page render 60 times a second even while a seek or a stall showed nothing new, next to the
   * segment's download and append. (requestAnimationFrame only where the video has no frame callbacks.)
   */
  private startFrameLoop(): void {
    this.stopFrameLoop();
    const video = this.video;
    if (!video) return;
    const byVideoFrame = typeof video.requestVideoFrameCallback === 'function';
    const tick = () => {
      if (this.video !== video || video.paused) return;
      if (Math.abs(video.currentTime - this.latest.currentSec) >= 1 / 30) this.publish({});
      schedule();
    };
    const schedule = () => {
      if (byVideoFrame) {
        const id = video.requestVideoFrameCallback(tick);
        this.stopFrameLoop = () => video.cancelVideoFrameCallback(id);
      } else {
        const id = requestAnimationFrame(tick);
        this.stopFrameLoop = () => cancelAnimationFrame(id);
      }
    };
    schedule();
  }

  private stopFrameLoop: () => void = () => undefined;

  private publish(overrides: Partial<MediaSnapshot>): void {
    const video = this.video;
    if (!video) return;
    const durationSec = Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null;
    const next: MediaSnapshot = {
      currentSec: video.currentTime,
      durationSec,
      paused: video.paused,
      waiting: this.latest.waiting,
      ended: video.ended,
      playbackRate: video.playbackRate,
      buffered: readBuffered(video.buffered, this.latest.buffered),
      ...overrides,
    };
    if (!isSameSnapshot(next, this.latest)) {
      this.latest = next;
      for (const listener of this.liveListeners) listener(next);
    }
    // Also on events that change nothing: the seek's `seeked` may be the first to see it ended.
    if (this.holding(video)) return;
    this.show();
  }

  /**
   * Whether React's view waits: from a change seen while the video seeks until the first frame
   * presented after the seek. While playing, that frame comes after the seek's own `timeupdate` and
   * `seeked`; while paused, Chromium paints it before them, so a paused seek ends the hold there.
   */
  private holding(video: HTMLVideoElement): boolean {
    if (!this.hold) {
      if (!video.seeking) return false;
      this.hold = { sinceMs: performance.now(), timer: setTimeout(() => this.endHold(true), SEEK_HOLD_MAX_MS), frameCallback: null };
    }
    const hold = this.hold;
    if (performance.now() - hold.sinceMs >= SEEK_HOLD_MAX_MS) {
      this.endHold();
      return false;
    }
    if (!video.seeking && (video.paused || typeof video.requestVideoFrameCallback !== 'function')) {
      this.endHold();
      return false;
    }
    if (!video.seeking && hold.frameCallback === null) {
      hold.frameCallback = video.requestVideoFrameCallback(() => {
        if (this.hold !== hold) return;
        hold.frameCallback = null;
        // Another seek started meanwhile: keep holding; its own events arm this again.
        if (!this.video?.seeking) this.endHold(true);
      });
    }
    return true;
  }

  private endHold(show = false): void {
    const hold = this.hold;
    if (!hold) return;
    this.hold = null;
    clearTimeout(hold.timer);
    if (hold.frameCallback !== null) this.video?.cancelVideoFrameCallback(hold.frameCallback);
    if (show) this.show();
  }

  private show(): void {
    if (this.shown === this.latest) return;
    this.shown = this.latest;
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
