import type { WriteTurns } from '../db/main-writes';
import { toIso, type Millis } from '../../src-shared/time/instant';
import { wholeCreditsNote } from '../settings/whole-credits';
import type { AppRuntimeDeps } from './app-runtime';
import { addNotice } from './notices';

/** The notice's key: one at a time, replaced if a later load rounds again. */
export const ROUNDED_SETTINGS_NOTICE_KEY = 'settings-whole-credits';

/**
 * Tells the lead, in the log and in a notice kept until dismissed, which fractional budgets and
 * credit thresholds the settings file held and what they became, named as the app names them.
 */
export function sayRoundedSettings(
  deps: Pick<AppRuntimeDeps, 'cache' | 'settings' | 'log'>,
  now: Millis,
  writes: Pick<WriteTurns, 'soon'>,
): void {
  const { cache } = deps;
  const note = wholeCreditsNote(deps.settings.roundedOnLoad, {
    workspace: (id) => cache.read.workspaces.byId(id)?.workspace.name || id,
    member: (workspaceId, memberId) =>
      cache.read.workspaces.byId(workspaceId)?.workspace.members?.find((m) => m.id === memberId)?.name ||
      memberId,
  });
  if (note === null) return;
  deps.log.info(note, { rounded: deps.settings.roundedOnLoad });
  void writes
    .soon(() => addNotice(cache, { key: ROUNDED_SETTINGS_NOTICE_KEY, message: note, at: toIso(now) }))
    .catch((err: unknown) => deps.log.error('the notice could not be kept', { error: err }));
}
