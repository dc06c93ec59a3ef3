import { useState } from 'react';
import type { SettingsPatch } from '../../../src-shared/settings/settings';
import { useAppStore } from '../../store/store-context';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Sends a settings patch and tracks its state for the form that sent it. */
export function useSave(): {
  state: SaveState;
  save(patch: SettingsPatch): Promise<boolean>;
  /** Forgets the last outcome: a form that refuses its input clears an earlier "Saved.". */
  clear(): void;
} {
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  return {
    state,
    clear: () => setState({ kind: 'idle' }),
    async save(patch) {
      setState({ kind: 'saving' });
      const r = await updateSettings(patch);
      setState(r.ok ? { kind: 'saved' } : { kind: 'error', message: `Not saved: ${r.message}` });
      return r.ok;
    },
  };
}
