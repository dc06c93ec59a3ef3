import { describe, expect, it } from 'vitest';
import { createPusher } from '../../../../src-main/ipc/push-to-renderer';

describe('createPusher', () => {
  it('sends on the contract channel to every live window, skipping destroyed ones', () => {
    const sent: [string, string, unknown][] = [];
    const target = (name: string, destroyed = false) => ({
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([name, channel, payload]),
    });
    const push = createPusher(() => [target('popover'), target('closed', true), target('main')]);
    push('onOpenWorkspace', { workspaceId: 'acme' });
    expect(sent).toEqual([
      ['popover', 'ui:open-workspace', { workspaceId: 'acme' }],
      ['main', 'ui:open-workspace', { workspaceId: 'acme' }],
    ]);
  });
});
