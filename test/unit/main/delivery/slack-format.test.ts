import { describe, expect, it } from 'vitest';
import { alertsMessage } from '../../../../src-main/delivery/alert-item';
import type { AlertItemV1 } from '../../../../src-main/delivery/message-body';
import { slackEscape, slackPayload } from '../../../../src-main/delivery/slack-format';

const item = (over: Partial<AlertItemV1>): AlertItemV1 => ({
  key: 'w|integration|2026-11-01T00:00:00.000Z|threshold|90',
  kind: 'threshold',
  workspace: { id: 'w', name: 'W' },
  pool: 'integration',
  percent: 91,
  threshold: 90,
  used: 910,
  available: 1000,
  remaining: 90,
  resetsAt: '2026-12-01T00:00:00.000Z',
  runsOutAt: null,
  top: { member: null, action: null },
  at: '2026-11-20T11:00:00.000Z',
  raisedAt: '2026-11-20T12:00:00.000Z',
  message: 'm',
  title: 'W: 90% of integration credits used',
  text: '90 of 1,000 left',
  ...over,
});

describe('the Slack format', () => {
  it('escapes what Slack reads as markup, so a workspace name cannot ping the channel', () => {
    expect(slackEscape('<!channel> & <https://evil.example|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    const body = alertsMessage('k', '2026-11-20T12:00:00.000Z', [
      item({ title: 'W <!here>: 90% used', text: 'left: <@U123>' }),
    ]);
    const payload = slackPayload(body);
    // mrkdwn (the notification text and sections) is escaped; the header is plain_text, which Slack never parses.
    expect(payload.text).toBe('W &lt;!here&gt;: 90% used\nleft: &lt;@U123&gt;');
    expect(JSON.stringify(payload.blocks.slice(1))).not.toMatch(/<!here>|<@U123>/);
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'W <!here>: 90% used' },
    });
  });

  it("keeps a header within Slack's 150 characters", () => {
    const body = alertsMessage('k', '2026-11-20T12:00:00.000Z', [item({ title: 'x'.repeat(400) })]);
    const header = slackPayload(body).blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
  });
});
