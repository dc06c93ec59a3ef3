import { formatRoute, type Screen } from '../store/route';
import { openAlertCount } from '../store/snapshot-slice';
import { useAppStore } from '../store/store-context';

const ITEMS: { screen: Exclude<Screen, 'workspace' | 'reading'>; label: string }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'history', label: 'History' },
  { screen: 'alerts', label: 'Alerts' },
  { screen: 'settings', label: 'Settings' },
];

/** The screens as plain links (hash routes), so Tab, Enter and the back button just work. */
export function NavBar(): React.JSX.Element {
  const screen = useAppStore((s) => s.route.screen);
  const alerts = useAppStore((s) => openAlertCount(s.snapshot));
  const current = screen === 'workspace' || screen === 'reading' ? 'overview' : screen;
  return (
    <nav className="nav-bar" aria-label="Screens">
      {ITEMS.map((item) => (
        <a
          key={item.screen}
          href={formatRoute({ screen: item.screen })}
          aria-current={current === item.screen ? 'page' : undefined}
        >
          {item.label}
          {item.screen === 'alerts' && alerts > 0 ? (
            <span className="count" aria-label={`, ${alerts} not acknowledged`} data-testid="alert-count">
              {alerts}
            </span>
          ) : null}
        </a>
      ))}
    </nav>
  );
}
