import type { SaveState } from './use-save';

/** The line under a form that says whether its last save went through. */
export function SaveStatus({ state }: { state: SaveState }): React.JSX.Element {
  return (
    <span
      className={`save-status${state.kind === 'error' ? ' field-error' : ''}`}
      role={state.kind === 'error' ? 'alert' : 'status'}
    >
      {state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'saved'
          ? 'Saved.'
          : state.kind === 'error'
            ? state.message
            : ''}
    </span>
  );
}
