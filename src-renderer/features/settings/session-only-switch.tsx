import type { Settings } from '../../../src-shared/settings/settings';
import { SaveStatus } from './save-status';
import { useSave } from './use-save';

/** "Keep tokens for this session only": the offer for a computer without a keyring (see main's token-storage-policy). */
export function SessionOnlySwitch({ settings }: { settings: Settings }): React.JSX.Element {
  const { state, save } = useSave();
  return (
    <p className="session-only">
      <label className="check">
        <input
          type="checkbox"
          checked={settings.tokensSessionOnly}
          onChange={(e) => void save({ tokensSessionOnly: e.target.checked })}
        />
        Keep tokens for this session only
      </label>
      <span className="hint">
        {' '}
        Nothing is written to disk; you enter each account&apos;s token again after a restart.
      </span>{' '}
      <SaveStatus state={state} />
    </p>
  );
}
