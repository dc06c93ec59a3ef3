import { useState } from 'react';
import { ManualWorkspaceForm } from '../manual/manual-workspace-form';
import { AccountForm } from '../settings/account-form';
import { useAppStore } from '../../store/store-context';

/** First run: what Creditbar does in two sentences, then the demo or a real account. */
export function OnboardingScreen(): React.JSX.Element {
  const startDemo = useAppStore((s) => s.startDemo);
  const [way, setWay] = useState<'connect' | 'manual' | null>(null);
  const [starting, setStarting] = useState(false);
  return (
    <main className="onboarding" aria-labelledby="onboarding-title" data-testid="onboarding">
      <h1 id="onboarding-title">Welcome to Creditbar</h1>
      <p>
        Creditbar watches the shared credit pools of your Zite and Base44 workspaces and warns you before one
        runs dry, so your published apps keep sending emails and calling APIs.
      </p>
      <p>
        Try it with a demo workspace set that runs on this computer, add your Zite or Base44 workspace by hand
        (you type what its usage page shows, or import a CSV of its usage), or connect an account API with its
        server address and token.
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
          aria-expanded={way === 'manual'}
          onClick={() => setWay(way === 'manual' ? null : 'manual')}
        >
          Add a workspace by hand
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={way === 'connect'}
          onClick={() => setWay(way === 'connect' ? null : 'connect')}
        >
          Connect an account
        </button>
      </div>
      {way === 'connect' ? <AccountForm /> : null}
      {way === 'manual' ? <ManualWorkspaceForm /> : null}
    </main>
  );
}
