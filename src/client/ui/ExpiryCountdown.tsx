import { parseUtcTimestampMs } from '../../shared/clock-format';
import { formatUtc } from '../../shared/wall-clock';
import { describeLinkExpiry, linkExpiry } from '../../shared/link-expiry';
import { useNowMs } from './use-now-ms';

export function ExpiryCountdown({ expiresAt }: { expiresAt: string | null }) {
  const nowMs = useNowMs(1000);
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
