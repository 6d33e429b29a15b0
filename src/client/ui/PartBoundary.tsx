import { Component, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useFocusRescue } from './use-focus-rescue';

interface PartBoundaryProps {
  /** What failed, in a user's words: "the keyboard shortcuts". */
  part: string;
  children: ReactNode;
  onDismiss?: () => void;
  /** Told once the part has failed (its place shows the notice from then on). */
  onFailed?: () => void;
}

/**
 * A part loaded on demand (its own chunk) that fails to load or render says so in its place; the
 * rest of the page, the playing video above all, stays. A chunk can be gone from the server when
 * a page was open across a redeploy.
 */
export class PartBoundary extends Component<PartBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`could not show ${this.props.part}`, error, info.componentStack);
    this.props.onFailed?.();
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <FailedPartNotice part={this.props.part} onDismiss={this.props.onDismiss} />;
  }
}

function FailedPartNotice({ part, onDismiss }: { part: string; onDismiss: (() => void) | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  // Dismiss removes this notice: focus stays on the page, not on <body>.
  useFocusRescue(ref);
  return (
    <div className="notice notice-error part-failed" role="alert" ref={ref}>
      <p>
        Could not load {part}: the viewer may have been updated since this page was opened. Reloading the page helps.
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>{' '}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
