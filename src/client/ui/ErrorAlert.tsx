import type { ReactNode } from 'react';

interface ErrorAlertProps {
  title: string;
  children?: ReactNode;
  onRetry?: () => void;
  tone?: 'error' | 'waiting';
}

export function ErrorAlert({ title, children, onRetry, tone = 'error' }: ErrorAlertProps) {
  return (
    <div className={`notice notice-${tone}`} role="alert">
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
