/** Shown when the app cannot start at all (no window.api): says why and what to do. */
export function FatalScreen({ message }: { message: string }): React.JSX.Element {
  return (
    <main className="shell-center">
      <div className="status-message error" role="alert">
        <p className="status-title">Creditbar cannot start.</p>
        <p>{message}</p>
      </div>
    </main>
  );
}
