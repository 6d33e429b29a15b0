import type HlsType from 'hls.js/light';
import type {
  ErrorData,
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  PlaylistLoaderContext,
} from 'hls.js/light';
import { loadHls } from './load-hls';
import { FreshUrlMap } from './playlist-urls';

export type HlsFailure =
  | { kind: 'network'; httpStatus: number }
  | { kind: 'media'; detail: string }
  | { kind: 'other'; detail: string };

export interface HlsControllerEvents {
  /**
   * HLS cannot go on: the owner should fall back (to the mp4) at `atVideoSec`, where the video was.
   * Read it from here: hls.js has already detached, which resets the element's `currentTime` to 0.
   */
  onFailure: (failure: HlsFailure, atVideoSec: number) => void;
  /** Storage refused a segment (expired or revoked link): the owner should renew the replay once. */
  onLinksRejected: () => void;
}

/**
 * Never fetched: the loader below answers it from memory. It sits on our own origin so that
 * root-relative segment URIs (the demo's) resolve here; Notte's presigned URIs are absolute.
 */
const IN_MEMORY_PLAYLIST_URL = new URL('/__replay__/playlist.m3u8', window.location.origin).href;
const FRAGMENT_ERRORS_BEFORE_FALLBACK = 4;
const MEDIA_RECOVERY_MIN_INTERVAL_MS = 5_000;
const MAX_MEDIA_RECOVERIES = 2;

/**
 * The only module that touches hls.js. One instance plays one playlist held as text; `destroy()`
 * detaches it, and events from a destroyed instance are dropped (StrictMode mounts twice).
 */
export class HlsController {
  private hls: HlsType | null = null;
  private destroyed = false;
  private playlistText: string;
  private readonly urls: FreshUrlMap;
  private fragmentErrors = 0;
  private linksRejectedReported = false;
  private awaitingRenewal = false;
  private waitingForNetwork = false;
  private readonly onOnline = () => {
    if (!this.waitingForNetwork || !this.hls || this.destroyed) return;
    this.waitingForNetwork = false;
    this.fragmentErrors = 0;
    this.hls.startLoad(this.video.currentTime);
  };
  private mediaRecoveries = 0;
  private lastMediaRecoveryMs = -Infinity;
  private startPositionSec = 0;

  constructor(
    private readonly video: HTMLVideoElement,
    playlistText: string,
    private readonly events: HlsControllerEvents,
  ) {
    this.playlistText = playlistText;
    this.urls = new FreshUrlMap(playlistText, IN_MEMORY_PLAYLIST_URL);
  }

  async start(startPositionSec: number): Promise<void> {
    this.startPositionSec = startPositionSec;
    const { default: Hls, Events, ErrorTypes, ErrorDetails } = await loadHls();
    if (this.destroyed) return;
    const hls = new Hls(this.config(Hls, startPositionSec));
    this.hls = hls;
    hls.on(Events.ERROR, (_event, data) => {
      if (this.destroyed || this.hls !== hls) return;
      this.handleError(hls, data, {
        network: ErrorTypes.NETWORK_ERROR,
        media: ErrorTypes.MEDIA_ERROR,
        fragLoadError: ErrorDetails.FRAG_LOAD_ERROR,
      });
    });
    hls.on(Events.FRAG_LOADED, () => {
      if (this.destroyed) return;
      this.fragmentErrors = 0;
      this.linksRejectedReported = false;
    });
    window.addEventListener('online', this.onOnline);
    hls.attachMedia(this.video);
    hls.loadSource(IN_MEMORY_PLAYLIST_URL);
  }

  /** Renewed links: later segment requests go to the fresh URLs; no reload, no jump. */
  renewLinks(playlistText: string): boolean {
    const linedUp = playlistText === this.playlistText || this.urls.update(playlistText);
    this.playlistText = playlistText;
    if (linedUp && this.awaitingRenewal && this.hls) {
      this.awaitingRenewal = false;
      // Before the first frame the video is still at 0, not where a `?t=` link starts.
      this.hls.startLoad(playbackPositionSec(this.video, this.startPositionSec));
    }
    return linedUp;
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    this.hls?.destroy();
    this.hls = null;
  }

  private config(Hls: typeof HlsType, startPositionSec: number): Partial<HlsConfig> {
    const controller = this;
    const DefaultLoader = Hls.DefaultConfig.loader;
    class InMemoryPlaylistLoader implements Loader<PlaylistLoaderContext> {
      context: PlaylistLoaderContext | null = null;
      stats: InstanceType<typeof DefaultLoader>['stats'];
      private readonly fallback: InstanceType<typeof DefaultLoader>;
      private timer: ReturnType<typeof setTimeout> | undefined;

      constructor(config: HlsConfig) {
        this.fallback = new DefaultLoader(config);
        this.stats = this.fallback.stats;
      }

      load(context: PlaylistLoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<PlaylistLoaderContext>) {
        this.context = context;
        if (context.url !== IN_MEMORY_PLAYLIST_URL) {
          // A multivariant playlist names further playlists: those are fetched normally.
          this.fallback.load(context, config, callbacks as unknown as LoaderCallbacks<LoaderContext>);
          return;
        }
        // hls.js 1.7 stalls silently when onSuccess is called synchronously from load().
        this.timer = setTimeout(() => {
          const text = controller.playlistText;
          const now = performance.now();
          this.stats.loading.start = now;
          this.stats.loading.first = now;
          this.stats.loading.end = now;
          this.stats.loaded = text.length;
          this.stats.total = text.length;
          callbacks.onSuccess({ url: context.url, data: text }, this.stats, context, null);
        }, 0);
      }

      abort() {
        clearTimeout(this.timer);
        this.fallback.abort();
      }

      destroy() {
        clearTimeout(this.timer);
        this.fallback.destroy();
      }
    }

    return {
      startPosition: startPositionSec,
      pLoader: InMemoryPlaylistLoader as unknown as HlsConfig['pLoader'],
      // Transmuxing a screen recording's 2 s segment takes a few ms; a worker would put another
      // ~37 KiB download and its start-up on the path to the first frame.
      enableWorker: false,
      // The playlist is parsed before the MediaSource has opened; without this, hls.js asks for the first
      // segment only at its next 100 ms tick after the media is attached (BENCHMARKS.md, session 15).
      startFragPrefetch: true,
      // A long replay is scrubbed back and forth: keep memory bounded.
      backBufferLength: 30,
      maxBufferLength: 30,
      xhrSetup: (xhr, url) => {
        const fresh = this.urls.freshest(url);
        if (fresh !== url) xhr.open('GET', fresh, true);
      },
      // hls.js retries segment errors without end by default; bound them so a broken stream falls back.
      fragLoadPolicy: {
        default: {
          maxTimeToFirstByteMs: 10_000,
          maxLoadTimeMs: 30_000,
          timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
          errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2_000 },
        },
      },
    };
  }

  private handleError(
    hls: HlsType,
    data: ErrorData,
    types: { network: string; media: string; fragLoadError: string },
  ): void {
    const httpStatus = data.response?.code ?? 0;
    if (data.type === types.network && !navigator.onLine) {
      // Offline is not a broken stream: wait for the network and resume where we are.
      this.waitingForNetwork = true;
      return;
    }
    if (data.details === types.fragLoadError) {
      // Fresh links are on their way; renewLinks() restarts loading where the video is.
      if (this.awaitingRenewal) return;
      if ((httpStatus === 401 || httpStatus === 403) && !this.linksRejectedReported) {
        // Not retried blindly: one renewal, then the same segment is fetched on its fresh URL.
        this.linksRejectedReported = true;
        this.awaitingRenewal = true;
        this.events.onLinksRejected();
        return;
      }
      this.fragmentErrors += 1;
      if (!data.fatal && this.fragmentErrors < FRAGMENT_ERRORS_BEFORE_FALLBACK && httpStatus !== 0) return;
      this.fail({ kind: 'network', httpStatus });
      return;
    }
    if (!data.fatal) return;
    if (data.type === types.media) {
      const nowMs = performance.now();
      if (this.mediaRecoveries < MAX_MEDIA_RECOVERIES && nowMs - this.lastMediaRecoveryMs > MEDIA_RECOVERY_MIN_INTERVAL_MS) {
        this.mediaRecoveries += 1;
        this.lastMediaRecoveryMs = nowMs;
        hls.recoverMediaError();
        return;
      }
      this.fail({ kind: 'media', detail: data.details });
      return;
    }
    if (data.type === types.network) {
      this.fail({ kind: 'network', httpStatus });
      return;
    }
    this.fail({ kind: 'other', detail: data.details });
  }

  private fail(failure: HlsFailure): void {
    if (this.destroyed) return;
    const atVideoSec = playbackPositionSec(this.video, this.startPositionSec);
    this.destroy();
    this.events.onFailure(failure, atVideoSec);
  }
}

/**
 * Where the stream's video is, for a fallback or a restart: its position, or the target of a seek in
 * progress (a scrub into a broken stretch). Still at 0 and not seeking, hls.js has not yet moved it to
 * where playback was to start.
 */
export function playbackPositionSec(video: Pick<HTMLMediaElement, 'currentTime' | 'seeking'>, startPositionSec: number): number {
  return video.currentTime > 0 || video.seeking ? video.currentTime : startPositionSec;
}
