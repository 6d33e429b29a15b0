import type { ReactNode, Ref } from 'react';

interface ErrorAlertProps {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
  tone?: 'error' | 'waiting';
  ref?: Ref<HTMLDivElement>;
}

export function ErrorAlert({ title, children, onRetry, tone = 'error', ref }: ErrorAlertProps) {
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
