import { describe, expect, it } from 'vitest';
import { channelInputSchema, channelUrlProblem, maskUrl } from '../../../../src-shared/ipc/channels';

describe('channel URLs', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/XXXX', null],
    ['http://127.0.0.1:8080/hook', null],
    ['http://localhost:9/x', null],
    [
      'http://hooks.example.com/x',
      'the webhook URL must use https:// (plain http is only accepted for this machine, 127.0.0.1)',
    ],
    ['ftp://example.com/x', 'the webhook URL must start with https://'],
    ['https://user:pw@example.com/x', 'the webhook URL must not carry a user name or password'],
    [
      'hooks.slack.com/services/T0',
      'the webhook URL is not a URL: paste the whole address, starting with https://',
    ],
  ])('%s → %s', (url, problem) => {
    expect(channelUrlProblem('webhook', url)).toBe(problem);
  });

  it('are shown masked: scheme, host and the last four characters only', () => {
    expect(maskUrl('https://hooks.slack.com/services/T01ABC/B02DEF/xYz123Xa9f')).toBe(
      'https://hooks.slack.com/…Xa9f',
    );
    expect(maskUrl('not a url')).toBe('…');
  });

  it('never echo a rejected URL in the error (refusals are logged)', () => {
    const r = channelInputSchema.safeParse({
      kind: 'slack',
      label: 'S',
      url: 'hooks.slack.com/services/SECRET',
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).not.toContain('SECRET');
  });

  it('take a URL or a command by kind, never both', () => {
    expect(channelInputSchema.safeParse({ kind: 'shell', label: 'h', command: 'logger' }).success).toBe(true);
    const shellWithUrl = channelInputSchema.safeParse({
      kind: 'shell',
      label: 'h',
      url: 'https://x.example/y',
    });
    expect(shellWithUrl.error?.issues.map((i) => i.message)).toEqual([
      'a shell hook needs the command to run',
      'a shell hook takes a command, not a URL',
    ]);
    const teamsWithCommand = channelInputSchema.safeParse({ kind: 'teams', label: 't', command: 'ls' });
    expect(teamsWithCommand.error?.issues.map((i) => i.message)).toEqual([
      'a teams channel takes a URL, not a command',
      'a teams channel needs its URL',
    ]);
  });
});
