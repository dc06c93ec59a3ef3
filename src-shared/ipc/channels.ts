import { z } from 'zod';
import {
  alertKindSchema,
  channelKindSchema,
  type Channel,
  type ChannelKind,
  type SettingsAlertKind,
} from '../settings/settings';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Scheme, authority and the rest of an absolute URL (src-shared has no URL class: no DOM, no Node). */
function splitUrl(url: string): { scheme: string; authority: string } | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)[^\s]*$/i.exec(url);
  return m ? { scheme: m[1]!.toLowerCase(), authority: m[2]! } : null;
}

function hostnameOf(authority: string): string {
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!).toLowerCase();
}

/**
 * Why a channel URL cannot be used, in one sentence, or null when it can. Plain http only reaches
 * this machine: the URL is a secret and would cross the network in the clear.
 */
export function channelUrlProblem(kind: ChannelKind, url: string): string | null {
  const parts = splitUrl(url);
  // Never echo the text: it is meant to be a secret, and refusals are logged.
  if (!parts) return `the ${kind} URL is not a URL: paste the whole address, starting with https://`;
  if (parts.scheme !== 'https' && parts.scheme !== 'http') return `the ${kind} URL must start with https://`;
  if (parts.authority.includes('@')) return `the ${kind} URL must not carry a user name or password`;
  if (parts.scheme === 'http' && !LOOPBACK_HOSTS.has(hostnameOf(parts.authority)))
    return `the ${kind} URL must use https:// (plain http is only accepted for this machine, 127.0.0.1)`;
  return null;
}

/** A URL shown without its secret part: scheme, host and the last four characters. */
export function maskUrl(url: string): string {
  const parts = splitUrl(url);
  if (!parts) return '…';
  const tail = url.replace(/\/+$/, '').slice(-4);
  return `${parts.scheme}://${parts.authority.slice(parts.authority.lastIndexOf('@') + 1)}/…${tail}`;
}

const urlField = z.string().trim().min(1).max(2048);
const commandField = z.string().trim().min(1).max(2000);

/** A new channel from Settings or `creditbar channel add`. */
export const channelInputSchema = z
  .object({
    kind: channelKindSchema,
    label: z.string().trim().min(1).max(80),
    url: urlField.optional(),
    command: commandField.optional(),
    timeoutSeconds: z.number().int().min(1).max(300).optional(),
    /** Empty: the digest only. */
    alerts: z.array(alertKindSchema).optional(),
    workspaces: z.array(z.string().min(1)).min(1).nullable().optional(),
    digest: z.boolean().optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === 'shell') {
      if (!input.command)
        ctx.addIssue({ code: 'custom', path: ['command'], message: 'a shell hook needs the command to run' });
      if (input.url !== undefined)
        ctx.addIssue({ code: 'custom', path: ['url'], message: 'a shell hook takes a command, not a URL' });
      return;
    }
    if (input.command !== undefined || input.timeoutSeconds !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: `a ${input.kind} channel takes a URL, not a command`,
      });
    if (!input.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: `a ${input.kind} channel needs its URL` });
    else {
      const problem = channelUrlProblem(input.kind, input.url);
      if (problem) ctx.addIssue({ code: 'custom', path: ['url'], message: problem });
    }
  });
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** A change to a channel: any field but its kind (a new URL replaces the stored one). */
export const channelUpdateSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().trim().min(1).max(80).optional(),
    url: urlField.optional(),
    command: commandField.optional(),
    timeoutSeconds: z.number().int().min(1).max(300).optional(),
    alerts: z.array(alertKindSchema).optional(),
    workspaces: z.array(z.string().min(1)).min(1).nullable().optional(),
    digest: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type ChannelUpdate = z.infer<typeof channelUpdateSchema>;

export const channelIdSchema = z.object({ id: z.string().min(1) }).strict();

/** A channel as Settings and `creditbar channel list` show it: the URL masked, the log's state. */
export interface ChannelView {
  id: string;
  kind: ChannelKind;
  label: string;
  /** The masked URL, or the shell command. */
  target: string;
  alerts: SettingsAlertKind[];
  workspaces: string[] | null;
  digest: boolean;
  enabled: boolean;
  timeoutSeconds: number | null;
  createdAt: Channel['createdAt'];
  status: {
    /** failing: the latest attempt failed (it is being retried, or was given up); ok: the latest went through; idle: nothing sent yet. */
    state: 'ok' | 'failing' | 'idle';
    lastDeliveredAt: string | null;
    lastError: { message: string; at: string } | null;
    /** Messages being retried plus alerts waiting for the rate limit. */
    pending: number;
    /** Messages given up after a day of failures, in the last 7 days. */
    givenUp: number;
  };
}

export interface ChannelTestResult {
  ok: boolean;
  message: string;
}
