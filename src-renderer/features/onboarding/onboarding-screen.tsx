import { useState } from 'react';
import { AccountForm } from '../settings/account-form';
import { useAppStore } from '../../store/store-context';

/** First run: what Creditbar does in two sentences, then the demo or a real account. */
export function OnboardingScreen(): React.JSX.Element {
  const startDemo = useAppStore((s) => s.startDemo);
  const [connecting, setConnecting] = useState(false);
  const [starting, setStarting] = useState(false);
  return (
    <main className="onboarding" aria-labelledby="onboarding-title" data-testid="onboarding">
      <h1 id="onboarding-title">Welcome to Creditbar</h1>
      <p>
        Creditbar watches the shared credit pools of your Zite and Base44 workspaces and warns you before one
        runs dry, so your published apps keep sending emails and calling APIs.
      </p>
      <p>
        Try it with a demo workspace set that runs on this computer, or connect your own account with its
        server address and API token.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={starting}
          onClick={async () => {
            setStarting(true);
            await startDemo();
            setStarting(false);
          }}
        >
          {starting ? 'Starting the demo…' : 'Try the demo'}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={connecting}
          onClick={() => setConnecting(!connecting)}
        >
          Connect an account
        </button>
      </div>
      {connecting ? <AccountForm /> : null}
    </main>
  );
}
