import { useOnline } from './use-online';

export function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <p className="offline-banner" role="alert">
      You are offline. Playback and loading resume by themselves when the connection is back.
    </p>
  );
}
