import { formatCredits } from '../../src-shared/display/credits';
import { subjectOf, type AlertItemV1, type MessageBodyV1 } from './message-body';

const ALERTS_SHOWN = 20;

type Element = Record<string, unknown>;

const textBlock = (text: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...extra,
});

function facts(a: AlertItemV1): Element | null {
  const list: { title: string; value: string }[] = [];
  if (a.used !== null && a.available !== null)
    list.push({ title: 'Used', value: `${formatCredits(a.used)} of ${formatCredits(a.available)}` });
  if (a.remaining !== null) list.push({ title: 'Left', value: formatCredits(Math.max(0, a.remaining)) });
  if (a.resetsAt !== null) list.push({ title: 'Resets', value: a.resetsAt.slice(0, 10) });
  if (a.runsOutAt !== null) list.push({ title: 'Runs dry', value: a.runsOutAt.slice(0, 10) });
  return list.length > 0 ? { type: 'FactSet', facts: list } : null;
}

function alertContainer(a: AlertItemV1, withTitle: boolean): Element {
  const f = facts(a);
  return {
    type: 'Container',
    separator: withTitle,
    items: [
      ...(withTitle ? [textBlock(a.title, { weight: 'Bolder' })] : []),
      textBlock(a.text),
      ...(f ? [f] : []),
    ],
  };
}

/**
 * A Microsoft Teams workflow webhook message ("Post to a channel when a webhook request is
 * received"): a message activity carrying one Adaptive Card (1.4, full width) whose first block is
 * the headline a person reads first.
 */
export function teamsPayload(body: MessageBodyV1): Element {
  const items: Element[] = [textBlock(subjectOf(body), { weight: 'Bolder', size: 'Medium' })];
  if (body.type === 'digest' || body.alerts.length === 0)
    items.push(
      ...body.text
        .split('\n')
        .slice(1)
        .map((line) => textBlock(line, { spacing: 'None' })),
    );
  else if (body.alerts.length === 1) items.push(alertContainer(body.alerts[0]!, false));
  else {
    for (const a of body.alerts.slice(0, ALERTS_SHOWN)) items.push(alertContainer(a, true));
    if (body.alerts.length > ALERTS_SHOWN)
      items.push(textBlock(`…and ${formatCredits(body.alerts.length - ALERTS_SHOWN)} more`));
  }
  items.push(textBlock(`Creditbar · ${body.type} · ${body.id}`, { isSubtle: true, size: 'Small' }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: items,
        },
      },
    ],
  };
}
