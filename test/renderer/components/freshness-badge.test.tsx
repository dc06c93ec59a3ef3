import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FreshnessBadge } from '../../../src-renderer/components/freshness-badge';
import type { Freshness } from '../../../src-shared/ipc/snapshot';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('the freshness of a workspace kept by hand', () => {
  it.each([
    [
      { kind: 'live', lastSyncAt: hoursAgo(3), ageSeconds: 0, basis: 'reading' },
      'Read 3 hours ago',
      'Last reading',
    ],
    [
      { kind: 'live', lastSyncAt: hoursAgo(3), ageSeconds: 0, basis: 'import' },
      'Newest imported event 3 hours ago',
      'Newest imported event',
    ],
    [
      { kind: 'stale', lastSyncAt: hoursAgo(96), ageSeconds: 0, basis: 'import' },
      'Stale, newest imported event 4 days ago',
      'Newest imported event',
    ],
    [
      { kind: 'stale', lastSyncAt: null, ageSeconds: null, basis: 'reading' },
      'No reading or import yet',
      'No reading or import yet',
    ],
  ] as [Freshness, string, string][])('%j reads "%s"', (freshness, text, title) => {
    render(<FreshnessBadge freshness={freshness} />);
    const badge = screen.getByTestId('freshness');
    expect(badge).toHaveTextContent(text);
    expect(badge.getAttribute('title')).toMatch(new RegExp(`^${title}`));
  });
});
