/**
 * What a workspace kept by hand is as fresh as: its last balance reading, or the newest event of
 * its CSV imports, whichever is newer. Every surface (the card, the overview's time line, the
 * reading reminder, creditbar status) names it with the same words.
 */
export type DataBasis = 'reading' | 'import';

/** The newest of a hand-kept workspace's two sources, and which one it is (a reading on a tie). */
export function newestManualData(
  lastReadingAt: number | null,
  lastImportAt: number | null,
): { at: number | null; basis: DataBasis } {
  if (lastImportAt !== null && (lastReadingAt === null || lastImportAt > lastReadingAt))
    return { at: lastImportAt, basis: 'import' };
  return { at: lastReadingAt, basis: 'reading' };
}

/** "last reading", "newest imported event": what the instant is, mid-sentence. */
export function basisNoun(basis: DataBasis): string {
  return basis === 'import' ? 'newest imported event' : 'last reading';
}

/** "Last reading", "Newest imported event": the same at the start of a line. */
export function basisLabel(basis: DataBasis): string {
  const noun = basisNoun(basis);
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** "No reading or import yet": a hand-kept workspace with neither. */
export const NO_MANUAL_DATA = 'No reading or import yet';
