import { Component, type ErrorInfo, type ReactNode } from 'react';
import { signal } from './readiness';

interface State {
  error: Error | null;
}

/** A screen that throws shows what happened and a way out instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
    signal('render-error', error.message);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    // Navigating elsewhere gives the next screen a fresh chance.
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="status-message error" role="alert">
        <p className="status-title">This screen could not be drawn.</p>
        <p>
          {this.state.error.message}. Go back to the overview, or reload the window; if it happens again, the
          log has the details.
        </p>
        <p>
          <a className="button" href="#/overview">
            Back to overview
          </a>{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </div>
    );
  }
}
