import { describe, expect, it } from 'vitest';
import { charged, deliveryScope } from './delivery-fixture';

const scope = deliveryScope();

describe('Slack and Teams channels get their own message formats', { timeout: 30_000 }, () => {
  it('one crossing past 90 % posts a Slack Block Kit message and a Teams Adaptive Card, headline first', async () => {
    const install = await scope.install();
    const receiver = await scope.receiver();
    const app = install.start();
    await app.runtime.syncOnce();
    await app.runtime.handlers.addChannel({
      kind: 'slack',
      label: 'Slack',
      url: receiver.url('/services/T1/B1/slack'),
    });
    await app.runtime.handlers.addChannel({
      kind: 'teams',
      label: 'Teams',
      url: receiver.url('/workflows/teams'),
    });
    // Bo's 520 credits at 11:00: 400 → 920 of 1,000 (92 %), past 50 and 90 in one sync.
    install.spend(charged('jump', 'bo', 'llm', 520, ['2026-11-20T11:00:00Z']));
    await app.runtime.syncOnce();
    await app.runtime.delivery.flush();

    expect(receiver.received.map((r) => r.path).sort()).toEqual([
      '/services/T1/B1/slack',
      '/workflows/teams',
    ]);
    const slack = receiver.received.find((r) => r.path.startsWith('/services'))!.body as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string }; elements?: unknown[] }[];
    };
    // 920 of 1,000 used: 80 left, 92 % (worked out by hand); the headline is the loudest alert, 90 %.
    expect(slack.text.split('\n')[0]).toBe('Marketing site: 90% of integration credits used');
    expect(slack.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Marketing site: 90% of integration credits used' },
    });
    expect(slack.blocks[1]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(slack.blocks[1]!.text!.text).toContain('80 of 1,000 left (92% used)');
    expect(slack.blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(JSON.stringify(slack)).toContain('Also: Marketing site: 50% of integration credits used');

    const teams = receiver.received.find((r) => r.path.startsWith('/workflows'))!.body as {
      type: string;
      attachments: { contentType: string; contentUrl: null; content: Record<string, unknown> }[];
    };
    expect(teams.type).toBe('message');
    expect(teams.attachments).toHaveLength(1);
    const card = teams.attachments[0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.contentUrl).toBeNull();
    expect(card.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
    });
    const body = card.content['body'] as {
      type: string;
      text?: string;
      facts?: { title: string; value: string }[];
    }[];
    expect(body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'Marketing site: 90% of integration credits used',
      weight: 'Bolder',
    });
    expect(JSON.stringify(body)).toContain('{"title":"Used","value":"920 of 1,000"}');
    expect(JSON.stringify(body)).toContain('{"title":"Left","value":"80"}');
    // Both requests carry the same Idempotency-Key: the loudest key's set, merged.
    const keys = receiver.received.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
  });
});
