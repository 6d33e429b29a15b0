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

/**
 * A small store fed by the video's events (and a frame loop while playing, for a smooth playhead),
 * so that only the components reading it re-render; the page around the player does not.
 */
export class MediaClock {
  private snapshot: MediaSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private video: HTMLVideoElement | null = null;
  private frame = 0;

  attach(video: HTMLVideoElement): () => void {
    this.video = video;
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
    };
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
