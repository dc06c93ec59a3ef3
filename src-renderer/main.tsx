import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './app/error-boundary';
import { FatalScreen } from './app/fatal-screen';
import { signal } from './app/readiness';
import { Root } from './app/root';
import { connectClient, errorMessage } from './ipc/client';
import './app/theme.css';
import './app/app.css';
import './app/popover.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lost its #root element.');
const root = createRoot(container);

try {
  const client = connectClient();
  root.render(
    <StrictMode>
      <ErrorBoundary>
        <Root client={client} />
      </ErrorBoundary>
    </StrictMode>,
  );
} catch (error) {
  console.error('Creditbar could not start', error);
  signal('ready', 'error');
  root.render(<FatalScreen message={errorMessage(error)} />);
}
