import { parseUtcTimestampMs } from '../../shared/clock-format';
import { describeLinkExpiry, linkExpiry } from '../../shared/link-expiry';
import { useNowMs } from './use-now-ms';

export function ExpiryCountdown({ expiresAt }: { expiresAt: string | null }) {
  const nowMs = useNowMs(1000);
  const expiry = linkExpiry(expiresAt === null ? null : parseUtcTimestampMs(expiresAt), nowMs);
  if (expiry.kind === 'unknown') return null;
  const tone = expiry.kind === 'expired' ? 'expired' : expiry.warning ? 'warning' : 'normal';
  return (
    <span
      className={`expiry expiry-${tone}`}
      role="timer"
      title={expiresAt ? `Storage links expire at ${new Date(parseUtcTimestampMs(expiresAt) ?? 0).toLocaleString()}; the viewer renews them before then.` : undefined}
    >
      {describeLinkExpiry(expiry)}
    </span>
  );
}
