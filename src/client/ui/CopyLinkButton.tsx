import { useEffect, useState } from 'react';
import { copyText } from './copy-text';

type CopyState = { kind: 'idle' } | { kind: 'copied'; link: string } | { kind: 'failed'; link: string };

interface CopyLinkButtonProps {
  /** Builds the link at click time (e.g. with the current playback position). */
  buildLink: () => string;
  label?: string;
  className?: string;
}

export function CopyLinkButton({ buildLink, label = 'Copy link', className }: CopyLinkButtonProps) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const onClick = async () => {
    const link = buildLink();
    setState((await copyText(link)) ? { kind: 'copied', link } : { kind: 'failed', link });
  };

  return (
    <span className={`copy-link ${className ?? ''}`}>
      <button type="button" onClick={onClick}>
        {label}
      </button>
      <span role="status" className="copy-link-status">
        {state.kind === 'copied' && 'Link copied'}
        {state.kind === 'failed' && (
          <>
            Copy this link: <input readOnly value={state.link} aria-label="Link to share" onFocus={(e) => e.currentTarget.select()} />
          </>
        )}
      </span>
    </span>
  );
}
