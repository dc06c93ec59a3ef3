import { describe, expect, it } from 'vitest';
import { wholeCreditsNote, type RoundedCredit } from '../../../../src-main/settings/whole-credits';

const names = {
  workspace: (id: string) => ({ acme: 'Acme', studio: 'Support studio' })[id] ?? id,
  member: (_ws: string, id: string) => ({ ana: 'Ana Lima' })[id] ?? id,
};

describe('wholeCreditsNote', () => {
  it('says nothing when nothing was rounded', () => {
    expect(wholeCreditsNote([], names)).toBeNull();
  });

  it('names thresholds by workspace and pool, and counts what it does not list', () => {
    const rounded: RoundedCredit[] = [
      { kind: 'threshold', workspaceId: 'acme', from: 5000.2, to: 5001 },
      { kind: 'threshold', workspaceId: 'studio', pool: 'message', from: 125.5, to: 126 },
      { kind: 'budget', workspaceId: 'studio', memberId: 'ana', from: 1500.5, to: 1501 },
      { kind: 'budget', workspaceId: 'studio', memberId: 'bo', from: 10.25, to: 11 },
      { kind: 'budget', workspaceId: 'gone', memberId: 'cy', from: 2.5, to: 3 },
    ];
    expect(wholeCreditsNote(rounded, names)).toBe(
      "Settings held credit values with a fraction, which Creditbar no longer takes: a threshold of Acme is now 5,001 credits (was 5,000.2), a threshold of Support studio (message pool) is now 126 credits (was 125.5), Ana Lima's budget in Support studio is now 1,501 credits (was 1,500.5) and 2 more; rounded up, so each alert comes at the same credit as before.",
    );
    expect(wholeCreditsNote(rounded.slice(0, 2), names)).toContain(
      '(was 5,000.2) and a threshold of Support studio (message pool)',
    );
  });
});
