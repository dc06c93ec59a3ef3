import { useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { toggleHidden, togglePinned, type OverviewPrefs } from './overview-prefs';

/** A pin: the row of a pinned workspace shows it; the toggle button carries it too. */
export function PinIcon({ className = 'icon' }: { className?: string }): React.JSX.Element {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M6 1.5h4l-.6 4.2 2.6 2.6v1.2H8.6L8 15l-.6-5.5H4V8.3l2.6-2.6z"
        fill="currentColor"
        opacity="0.85"
      />
    </svg>
  );
}

/** Saves a new shortlist; says in words when it could not be saved. */
function useSavePrefs(): { save(next: OverviewPrefs): Promise<void>; error: string | null } {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    async save(next) {
      const r = await updateSettings({ overview: next });
      setError(r.ok ? null : `Not saved: ${r.message}`);
    },
  };
}

/** "Pin to top" and "Hide from overview" for one workspace (its screen's header). */
export function PinHideControls({
  workspaceId,
  name,
}: {
  workspaceId: string;
  name: string;
}): React.JSX.Element | null {
  const prefs = useAppStore((s) => s.settings?.overview);
  const { save, error } = useSavePrefs();
  if (!prefs) return null;
  const pinned = prefs.pinned.includes(workspaceId);
  const hidden = prefs.hidden.includes(workspaceId);
  return (
    <div className="pin-hide" role="group" aria-label={`${name} on the overview`}>
      <button
        type="button"
        className="button small toggle"
        aria-pressed={pinned}
        onClick={() => void save(togglePinned(prefs, workspaceId))}
      >
        <PinIcon />
        Pin to top
      </button>
      <button
        type="button"
        className="button small toggle"
        aria-pressed={hidden}
        onClick={() => void save(toggleHidden(prefs, workspaceId))}
      >
        Hide from overview
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The workspaces the lead hid, under the list, each with a way back. */
export function HiddenWorkspaces({
  workspaces,
}: {
  workspaces: { id: string; name: string }[];
}): React.JSX.Element | null {
  const prefs = useAppStore((s) => s.settings?.overview);
  const { save, error } = useSavePrefs();
  if (!prefs || workspaces.length === 0) return null;
  return (
    <details className="hidden-workspaces" data-testid="hidden-workspaces">
      <summary>
        {workspaces.length} hidden {workspaces.length === 1 ? 'workspace' : 'workspaces'}
      </summary>
      <ul>
        {workspaces.map((w) => (
          <li key={w.id}>
            <span>{w.name}</span>
            <button
              type="button"
              className="button small"
              onClick={() => void save(toggleHidden(prefs, w.id))}
              aria-label={`Show ${w.name} again`}
            >
              Show
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}
