import { ErrorState, Loading } from '../components/status-message';
import { AlertsScreen } from '../features/alerts/alerts-screen';
import { HistoryScreen } from '../features/history/history-screen';
import { OnboardingScreen } from '../features/onboarding/onboarding-screen';
import { OverviewScreen } from '../features/overview/overview-screen';
import { ReadingScreen } from '../features/readings/reading-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { WorkspaceScreen } from '../features/workspace-detail/workspace-screen';
import type { Route } from '../store/route';
import { useAppStore } from '../store/store-context';
import { ErrorBoundary } from './error-boundary';
import { NavBar } from './nav-bar';
import { StatusBanner } from './status-banner';
import { SyncButton } from './sync-button';
import { useHashRoute } from './use-hash-route';
import { useKeyboard } from './use-keyboard';
import { useReadinessSignals } from './use-readiness';
import { useTheme } from './use-theme';

function ScreenFor({ route }: { route: Route }): React.JSX.Element {
  switch (route.screen) {
    case 'overview':
      return <OverviewScreen />;
    case 'workspace':
      return <WorkspaceScreen workspaceId={route.workspaceId} />;
    case 'reading':
      return <ReadingScreen workspaceId={route.workspaceId} pool={route.pool} />;
    case 'history':
      return <HistoryScreen />;
    case 'alerts':
      return <AlertsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The frame around every screen: header, banners, and the screen the route names. */
export function Shell(): React.JSX.Element {
  useHashRoute();
  useTheme();
  useKeyboard();
  const route = useAppStore((s) => s.route);
  const status = useAppStore((s) => s.snapshotStatus);
  const error = useAppStore((s) => s.snapshotError);
  const mode = useAppStore((s) => s.snapshot?.mode ?? null);
  const loadSnapshot = useAppStore((s) => s.loadSnapshot);
  const onboarding = mode === 'onboarding';
  useReadinessSignals(
    mode === null ? (status === 'error' ? 'error' : 'loading') : onboarding ? 'onboarding' : route.screen,
  );

  if (mode === null) {
    return (
      <main className="shell-center">
        {status === 'error' ? (
          <ErrorState
            title="Creditbar could not load your balances."
            message={`${error ?? 'The background service did not answer.'} Try again; if it keeps failing, restart Creditbar.`}
            onRetry={() => void loadSnapshot()}
          />
        ) : (
          <Loading label="Loading balances…" />
        )}
      </main>
    );
  }
  if (onboarding) {
    return (
      <>
        <StatusBanner />
        <OnboardingScreen />
      </>
    );
  }
  return (
    <div className="shell">
      <header className="app-header">
        <span className="brand">Creditbar</span>
        <SyncButton />
        <NavBar />
      </header>
      <StatusBanner />
      <main className="screen" id="main">
        <ErrorBoundary
          resetKey={
            route.screen === 'workspace'
              ? `workspace/${route.workspaceId}`
              : route.screen === 'reading'
                ? `reading/${route.workspaceId}/${route.pool}`
                : route.screen
          }
        >
          <ScreenFor route={route} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
