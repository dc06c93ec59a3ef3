/** Loading, empty and error states share one look so no screen is ever blank. */

export function Loading({ label }: { label: string }): React.JSX.Element {
  return (
    <div className="status-message loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }): React.JSX.Element {
  return (
    <div className="status-message empty" data-testid="empty">
      <p className="status-title">{title}</p>
      {children}
    </div>
  );
}

export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
}): React.JSX.Element {
  return (
    <div className="status-message error" role="alert" data-testid="error">
      <p className="status-title">{title}</p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
