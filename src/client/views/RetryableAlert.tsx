import { useRef, type ComponentProps } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useFocusRescue } from '../ui/use-focus-rescue';

/**
 * An ErrorAlert whose Retry replaces it: focus stays on the page, not on <body>. (Here, in the
 * viewer's chunk, rather than in ErrorAlert, which the entry's bundle carries for other pages.)
 */
export function RetryableAlert(props: Omit<ComponentProps<typeof ErrorAlert>, 'ref'>) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusRescue(ref);
  return <ErrorAlert {...props} ref={ref} />;
}
