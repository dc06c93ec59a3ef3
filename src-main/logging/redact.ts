/**
 * Keys whose values are secrets wherever they sit: tokens, auth headers and settings, API keys,
 * passwords, cookies and sessions, webhook URLs (a Slack or Teams webhook URL is its own secret).
 */
const SECRET_KEY = /auth|token|secret|passw|cookie|session|api[-_]?key|private[-_]?key|credential|webhook/i;

/**
 * Secrets by shape, wherever they appear in text: every token format the project issues (read
 * `cb_…`, ingest `cb_ingest_…`, demo `cb_demo_…`), bearer and basic credentials, browser mode's
 * `?token=` link and session cookie, the secret key file's line, and Slack/Teams webhook URLs.
 */
const SECRET_TEXT: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)(\s+)[^\s"',;]+/gi, '$1$2[redacted]'],
  [/\bcb_[A-Za-z0-9_-]{6,}/g, '[redacted]'],
  [/([?&](?:token|access_token|key|sig)=)[^\s&#"']+/gi, '$1[redacted]'],
  [/(creditbar-session-\d+=)[^\s;"']+/g, '$1[redacted]'],
  [/creditbar-secret-key-v\d+:[A-Za-z0-9+/=]+/g, '[redacted]'],
  [/https:\/\/hooks\.slack\.com\/[^\s"']+/gi, 'https://hooks.slack.com/[redacted]'],
  [/https:\/\/[a-z0-9.-]*(?:webhook\.office\.com|logic\.azure\.com)\/[^\s"']+/gi, '[redacted webhook URL]'],
];

/** Past this depth a value is not walked further but replaced, never written as it is. */
const MAX_DEPTH = 64;

function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A value made safe to write to a log: secrets by key name (at any depth) or by shape (in any
 * string) replaced, errors as name, message, stack and cause, cycles cut. Nothing deeper than
 * MAX_DEPTH is kept as it is: it is replaced, so depth can never smuggle a token past this.
 */
export function redact(value: unknown): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redactText(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) return '[too deep to log]';
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    if (v instanceof Error) {
      const cause = (v as Error & { cause?: unknown }).cause;
      return {
        name: v.name,
        message: redactText(v.message),
        stack: redactText(v.stack ?? ''),
        ...(cause !== undefined ? { cause: walk(cause, depth + 1) } : {}),
      };
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) ? '[redacted]' : walk(x, depth + 1)]),
    );
  };
  return walk(value, 0);
}
