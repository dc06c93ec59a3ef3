/**
 * A cache the app found damaged while running (the quick_check after a clean start, or a sync SQLite
 * refused as damaged, whichever comes first): one state, told in one sentence by every surface (the
 * banner, the sync line, the tray), so the lead reads one instruction. The app moves the file aside
 * at its next start; until then a sync into it fails, and says this same sentence rather than a
 * second instruction of its own.
 */

/** The key of the notice (the banner) that tells a damaged cache found while running. */
export const CACHE_DAMAGE_FOUND_NOTICE = 'cache-damage-found';

/** The one sentence for a cache found damaged while the app runs; `damage` is SQLite's first finding. */
export function cacheDamageFoundText(damage: string): string {
  return `The local cache is damaged (${damage}): quit and reopen Creditbar to move it aside, untouched, and rebuild it from the server; until then some numbers may be missing or wrong.`;
}
