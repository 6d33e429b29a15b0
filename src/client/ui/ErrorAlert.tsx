import { useRef, type ReactNode } from 'react';
import { useFocusRescue } from './use-focus-rescue';

interface ErrorAlertProps {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
  tone?: 'error' | 'waiting';
}

export function ErrorAlert({ title, children, onRetry, tone = 'error' }: ErrorAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Retry replaces this notice: focus stays on the page, not on <body>.
  useFocusRescue(ref);
  return (
    <div className={`notice notice-${tone}`} role="alert" ref={ref}>
      <p className="notice-title">{title}</p>
      {children}
      {onRetry && (
        <button type="button" className="notice-retry" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
