import { sessionStartToVideoSec } from '../../shared/session-time';
import { startSessionSec, type StartPosition } from '../../shared/start-param';
import type { ApiAnswer } from '../api/api-answer';
import { afterNextFrameShown } from './first-frame';
import { playbackAbilities } from './playback-abilities';
import { readPlaybackMedia, sameMedia, type PlaybackMedia } from './playback-media';
import { choosePlaybackSource, type PlaybackSource } from './playback-source';
import { createPlayerVideo, preparePlayerVideo, runSource, type RunningSource, type SourceEvents } from './playback-runner';

interface HeadStart {
  sessionId: string;
  video: HTMLVideoElement;
  started: { media: PlaybackMedia; source: PlaybackSource; startVideoSec: number; running: RunningSource } | null;
  relay: SourceEventRelay;
}

let headStart: HeadStart | null = null;

/**
 * A shared link opens on a viewer: the video starts loading as soon as the replay arrives (the
 * proxy's answer, read before the app has validated it), while the app is still downloading. In
 * the server's shell (`shellStage`) it plays at once, in the very place the Player will show it
 * (an mp4-only replay is already playing there: the server's HTML started it); without a shell it
 * stays paused and off-screen until the Player adopts it.
 * Settles when the video has shown its first frame, or will not show one from here (no head start
 * for this link, the replay failed, the source failed).
 */
export function startPlaybackHeadStart(
  sessionId: string,
  start: StartPosition,
  replay: Promise<ApiAnswer>,
  shellStage: Element | null,
): Promise<void> {
  // A timestamp start needs the session's created_at: the Player places it.
  if (start.kind === 'timestamp') return Promise.resolve();
  // An mp4 the server's HTML already started (src/server/shell-video.ts), or a new element.
  const fromServer = shellStage?.querySelector<HTMLVideoElement>('video[data-shell-video]') ?? null;
  const video = fromServer ? preparePlayerVideo(fromServer) : createPlayerVideo();
  const record: HeadStart = { sessionId, video, started: null, relay: new SourceEventRelay() };
  headStart = record;
  if (shellStage) {
    video.autoplay = true;
    video.setAttribute('aria-label', `Recording of session ${sessionId}`);
    if (!fromServer) shellStage.prepend(video);
    const spinner = shellStage.querySelector('.player-buffering');
    if (isPlaying(video)) spinner?.remove();
    else video.addEventListener('playing', () => spinner?.remove(), { once: true });
  }
  return new Promise<void>((settle) => {
    // A frame on screen, not only decoded (`loadeddata` comes earlier, and the app's start-up would delay its paint).
    afterNextFrameShown(video, settle);
    record.relay.onFailure = () => settle();
    replay.then(
      (answer) => {
        const media = answer.ok ? readPlaybackMedia(answer.body) : null;
        if (headStart === record && media !== null) {
          const source = choosePlaybackSource(media, playbackAbilities());
          const startVideoSec = sessionStartToVideoSec(startSessionSec(start, null), media.video_start_ms, media.video_duration_ms);
          const running = runSource(video, source, media, startVideoSec, record.relay);
          if (running) {
            record.started = { media, source, startVideoSec, running };
            return;
          }
        }
        // Nothing to play from this answer (the app will say why): the server's file must not play on.
        if (fromServer) unload(video);
        settle();
      },
      () => {
        // No answer at all: the app asks again and starts whatever it gets.
        if (fromServer) unload(video);
        settle();
      },
    );
  });
}

function isPlaying(video: HTMLVideoElement): boolean {
  return !video.paused && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA;
}

function unload(video: HTMLVideoElement): void {
  video.removeAttribute('src');
  video.load();
}

/** The `<video>` for a Player of `sessionId`: the head start's one, if it was for that session. */
export function playerVideoFor(sessionId: string): HTMLVideoElement {
  return headStart?.sessionId === sessionId ? headStart.video : createPlayerVideo();
}

/**
 * Hands over the head start's running source if it plays exactly what the Player would start;
 * otherwise stops it, so that one element never has two sources. Either way only once.
 */
export function takeHeadStart(
  video: HTMLVideoElement,
  wanted: { replay: PlaybackMedia; source: PlaybackSource; startVideoSec: number },
  events: SourceEvents,
): RunningSource | null {
  const record = headStart;
  if (record?.video !== video) return null;
  headStart = null;
  const { started } = record;
  if (started === null) return null;
  const same =
    sameMedia(started.media, wanted.replay) && started.source.kind === wanted.source.kind && started.startVideoSec === wanted.startVideoSec;
  if (!same) {
    started.running.stop();
    return null;
  }
  record.relay.bind(events);
  return started.running;
}

/** The Player unmounted: a head start it did not take is stopped. */
export function releaseHeadStart(video: HTMLVideoElement): void {
  if (headStart?.video !== video) return;
  headStart.started?.running.stop();
  headStart = null;
}

/** Holds what happened before the Player took over, and tells it on `bind`. */
class SourceEventRelay implements SourceEvents {
  private target: SourceEvents | null = null;
  private readonly missed = new Map<keyof SourceEvents, (target: SourceEvents) => void>();
  /** Told when the source cannot go on before anyone owns it. */
  onFailure: () => void = () => undefined;

  bind(target: SourceEvents): void {
    this.target = target;
    for (const tell of this.missed.values()) tell(target);
    this.missed.clear();
  }

  hlsFailed = (atVideoSec: number) => this.emit('hlsFailed', (target) => target.hlsFailed(atVideoSec));
  linksRejected = () => this.emit('linksRejected', (target) => target.linksRejected());
  fileFailed = () => this.emit('fileFailed', (target) => target.fileFailed());
  playing = () => this.emit('playing', (target) => target.playing());

  private emit(name: keyof SourceEvents, tell: (target: SourceEvents) => void): void {
    if (this.target) {
      tell(this.target);
      return;
    }
    this.missed.set(name, tell);
    if (name !== 'playing') this.onFailure();
  }
}
