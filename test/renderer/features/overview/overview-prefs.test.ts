import { describe, expect, it } from 'vitest';
import {
  applyPrefs,
  toggleHidden,
  togglePinned,
  type OverviewPrefs,
} from '../../../../src-renderer/features/overview/overview-prefs';

const none: OverviewPrefs = { pinned: [], hidden: [], sort: 'urgency' };
const rows = [
  'dry/integration',
  'risk/integration',
  'b44/integration',
  'b44/message',
  'calm/integration',
].map((key) => ({ key, workspaceId: key.split('/')[0]! }));
const keys = (r: { key: string }[]) => r.map((x) => x.key);

describe('the overview shortlist', () => {
  it('pins to the top in the order pinned, each workspace keeping its rows together and in order', () => {
    const prefs = togglePinned(togglePinned(none, 'calm'), 'b44');
    expect(prefs.pinned).toEqual(['calm', 'b44']);
    expect(keys(applyPrefs(rows, prefs).shown)).toEqual([
      'calm/integration',
      'b44/integration',
      'b44/message',
      'dry/integration',
      'risk/integration',
    ]);
    expect(togglePinned(prefs, 'calm').pinned).toEqual(['b44']);
  });

  it('hides a workspace (listed apart), and pinning or hiding undoes the other', () => {
    const hidden = toggleHidden(togglePinned(none, 'b44'), 'b44');
    expect(hidden).toEqual({ pinned: [], hidden: ['b44'], sort: 'urgency' });
    const { shown, hidden: out } = applyPrefs(rows, hidden);
    expect(keys(shown)).toEqual(['dry/integration', 'risk/integration', 'calm/integration']);
    expect(keys(out)).toEqual(['b44/integration', 'b44/message']);
    expect(togglePinned(hidden, 'b44')).toEqual({ pinned: ['b44'], hidden: [], sort: 'urgency' });
    expect(toggleHidden(hidden, 'b44').hidden).toEqual([]);
  });

  it('ignores ids of workspaces that are gone', () => {
    expect(keys(applyPrefs(rows, { pinned: ['gone'], hidden: ['left'] }).shown)).toEqual(keys(rows));
  });
});
