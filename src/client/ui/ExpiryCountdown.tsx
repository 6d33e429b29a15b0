import { parseUtcTimestampMs } from '../../shared/clock-format';
import { formatUtc } from '../../shared/wall-clock';
import { describeLinkExpiry, linkExpiry } from '../../shared/link-expiry';
import { useNowMs } from './use-now-ms';

/** `clock`: the server's time (expires_at is counted on it), so that a wrong browser clock shows the right time left. */
export function ExpiryCountdown({ expiresAt, clock }: { expiresAt: string | null; clock: () => number }) {
  const nowMs = useNowMs(1000, clock);
  const expiresAtMs = expiresAt === null ? null : parseUtcTimestampMs(expiresAt);
  const expiry = linkExpiry(expiresAtMs, nowMs);
  if (expiry.kind === 'unknown') return null;
  const tone = expiry.kind === 'expired' ? 'expired' : expiry.warning ? 'warning' : 'normal';
  return (
    <span
      className={`expiry expiry-${tone}`}
      role="timer"
      title={expiresAtMs === null ? undefined : `Storage links expire at ${formatUtc(expiresAtMs)}; the viewer renews them before then.`}
    >
      {describeLinkExpiry(expiry)}
    </span>
  );
}
