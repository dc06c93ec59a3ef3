import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StatusBanner } from '../../../src-renderer/app/status-banner';
import { CACHE_DAMAGE_FOUND_NOTICE, cacheDamageFoundText } from '../../../src-shared/display/cache-damage';
import type { Snapshot } from '../../../src-shared/ipc/snapshot';
import { demoSnapshot } from '../fixtures/snapshot';
import { renderWithStore } from '../render';

// A sync into a cache found damaged fails with the damage banner's own sentence (the snapshot's sync
// line, runtime-snapshot.ts): the lead reads that instruction once, in the banner, until dismissed.

const damage = cacheDamageFoundText('Tree 12 page 12: btreeInitPage() returns error code 11');
const at = '2026-12-03T08:15:00.000Z';

function snapshotWith(syncError: string): Snapshot {
  const s = demoSnapshot();
  return {
    ...s,
    sync: { ...s.sync, offline: false, lastError: { message: syncError, at } },
    notices: [{ key: CACHE_DAMAGE_FOUND_NOTICE, message: damage, at }],
  };
}

describe('the damaged cache banner and a failing sync', () => {
  it('says the damage once: no second "sync failed" banner repeating it; dismissed, the sync line says it', async () => {
    const user = userEvent.setup();
    renderWithStore(<StatusBanner />, { state: { snapshot: snapshotWith(damage) } });
    expect(screen.getByTestId('notice-banner')).toHaveTextContent(damage);
    // An error to act on, styled as one (red), not as information.
    expect(screen.getByTestId('notice-banner')).toHaveClass('banner-error');
    expect(screen.getByTestId('notice-banner')).not.toHaveClass('banner-info');
    expect(screen.queryByTestId('sync-error-banner')).toBeNull();
    expect(screen.getAllByText(/quit and reopen Creditbar/)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('notice-banner')).toBeNull();
    expect(screen.getByTestId('sync-error-banner')).toHaveTextContent(`: ${damage}`);
    expect(screen.getByTestId('sync-error-banner')).toHaveTextContent(/^Sync failed /);
  });

  it('a sync failing for another reason still says so beside it', () => {
    const offline = 'the server at https://api.example.com answered 503: Creditbar retries in 5 minutes';
    renderWithStore(<StatusBanner />, { state: { snapshot: snapshotWith(offline) } });
    expect(screen.getByTestId('notice-banner')).toHaveTextContent(damage);
    expect(screen.getByTestId('sync-error-banner')).toHaveTextContent(`: ${offline}`);
  });
});

describe('the offline banner', () => {
  it('gives the data’s age in the header’s and the cards’ words: "just now" under a minute, not "49 seconds ago"', () => {
    const s = demoSnapshot();
    // Relative to the instant the test runs, as the banner's clock is.
    const lastSuccessAt = new Date(Date.now() - 49_000).toISOString();
    renderWithStore(<StatusBanner />, {
      state: { snapshot: { ...s, sync: { ...s.sync, offline: true, lastError: null, lastSuccessAt } } },
    });
    // The overview's header says "Offline: showing data from just now", each card "Offline, cached just now".
    expect(screen.getByTestId('offline-banner')).toHaveTextContent(
      'Offline: showing the data from the last sync (just now).',
    );
  });
});
