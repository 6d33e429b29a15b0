import { useRef, useState } from 'react';
import type { ViewerError } from '../api/viewer-error';
import { describeRenewalProblem } from './viewer-error-text';
import { useFocusRescue } from '../ui/use-focus-rescue';

type TryAgainState = 'idle' | 'trying' | 'still-failing';

interface RenewalWarningProps {
  error: ViewerError;
  /** Asks for fresh links; false when that failed too. */
  renew: () => Promise<boolean>;
  /** Where focus goes once a successful Try again removes this warning. */
  focusAfterRenewal: () => HTMLElement | null;
}

/** The links of a playing replay could not be renewed: what that means for playback, and what the viewer does about it. */
export function RenewalWarning({ error, renew, focusAfterRenewal }: RenewalWarningProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [tryAgain, setTryAgain] = useState<TryAgainState>('idle');
  useFocusRescue(ref, focusAfterRenewal);

  const onTryAgain = async () => {
    if (tryAgain === 'trying') return;
    setTryAgain('trying');
    // Renewed: this warning goes away (and this component with it).
    if (!(await renew())) setTryAgain('still-failing');
  };

  const reason = describeRenewalProblem(error);
  return (
    <p className="renewal-warning" role="status" ref={ref}>
      {error.retryable ? (
        <>Could not renew the storage links yet: {reason}. Playback continues, and the viewer tries again by itself.</>
      ) : (
        <>
          Could not renew the storage links: {reason}. Playback continues until the current links expire.
          {tryAgain === 'still-failing' && ' Tried again: still failing.'}{' '}
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus it holds. */}
          <button type="button" className="renewal-retry" onClick={() => void onTryAgain()} aria-disabled={tryAgain === 'trying'}>
            {tryAgain === 'trying' ? 'Trying…' : 'Try again'}
          </button>
        </>
      )}
    </p>
  );
}
