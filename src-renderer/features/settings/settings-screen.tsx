import { useId } from 'react';
import { ErrorState, Loading } from '../../components/status-message';
import { useAppStore, useWorkspaces } from '../../store/store-context';
import { AccountsSection } from './accounts-section';
import { BudgetsSection } from './budgets-section';
import { ChannelsSection } from './channels-section';
import { CsvImportSection } from './csv-import-section';
import { DigestSection } from './digest-section';
import { GeneralSection } from './general-section';
import { ManualWorkspacesSection } from './manual-workspaces-section';
import { NotificationsSection } from './notifications-section';
import { ThresholdsSection } from './thresholds-section';
import { UpdatesSection } from './updates-section';

/** Every setting, in sections a lead scans top to bottom. */
export function SettingsScreen(): React.JSX.Element {
  const id = useId();
  const settings = useAppStore((s) => s.settings);
  const status = useAppStore((s) => s.settingsStatus);
  const error = useAppStore((s) => s.settingsError);
  const loadSettings = useAppStore((s) => s.loadSettings);
  const workspaces = useWorkspaces();
  return (
    <section aria-labelledby={`${id}-title`} className="settings" data-testid="settings-screen">
      <h1 id={`${id}-title`} className="screen-title">
        Settings
      </h1>
      {!settings ? (
        status === 'error' ? (
          <ErrorState
            title="Settings could not be read."
            message={`${error ?? ''} Try again; your settings are not lost.`}
            onRetry={() => void loadSettings()}
          />
        ) : (
          <Loading label="Loading settings…" />
        )
      ) : (
        <>
          <AccountsSection settings={settings} />
          <ManualWorkspacesSection settings={settings} />
          <CsvImportSection />
          <ThresholdsSection settings={settings} workspaces={workspaces} />
          <BudgetsSection settings={settings} workspaces={workspaces} />
          <NotificationsSection settings={settings} workspaces={workspaces} />
          <ChannelsSection settings={settings} workspaces={workspaces} />
          <DigestSection settings={settings} />
          <GeneralSection settings={settings} />
          <UpdatesSection settings={settings} />
        </>
      )}
    </section>
  );
}
