import { formatCredits } from '../../src-shared/display/credits';
import { subjectOf, type AlertItemV1, type MessageBodyV1 } from './message-body';

/** Slack's limits: a header's plain text, a section's text, blocks in a message. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const ALERTS_SHOWN = 20;

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` would ping everyone): escape them in our text. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type Block = Record<string, unknown>;

const section = (mrkdwn: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(mrkdwn, SECTION_MAX) },
});

function alertBlock(a: AlertItemV1, withTitle: boolean): Block {
  const lines = [...(withTitle ? [`*${slackEscape(a.title)}*`] : []), slackEscape(a.text)];
  return section(lines.join('\n'));
}

function digestBlocks(body: MessageBodyV1): Block[] {
  // The digest's text is its whole story, one line a pool or alert; the first line is the header.
  const [, ...lines] = body.text.split('\n');
  return [section(lines.map(slackEscape).join('\n'))];
}

/**
 * A Slack incoming-webhook message: `text` is what the notification and search show (plain, the
 * headline first); `blocks` lay out the same content. Mentions and links cannot be injected.
 */
export function slackPayload(body: MessageBodyV1): { text: string; blocks: Block[] } {
  const subject = subjectOf(body);
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: clip(subject, HEADER_MAX) } }];
  if (body.type === 'digest') blocks.push(...digestBlocks(body));
  else if (body.alerts.length === 1) blocks.push(alertBlock(body.alerts[0]!, false));
  else if (body.alerts.length > 1) {
    for (const a of body.alerts.slice(0, ALERTS_SHOWN)) blocks.push(alertBlock(a, true));
    if (body.alerts.length > ALERTS_SHOWN)
      blocks.push(section(`…and ${formatCredits(body.alerts.length - ALERTS_SHOWN)} more`));
  } else blocks.push(section(slackEscape(body.text.split('\n').slice(1).join('\n') || subject)));
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: slackEscape(`Creditbar · ${body.type} · ${body.id}`) }],
  });
  return { text: clip(slackEscape(body.text), SECTION_MAX), blocks };
}
