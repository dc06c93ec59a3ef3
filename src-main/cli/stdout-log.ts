import type { AppLog } from '../app/app-runtime';
import { plainSpaces } from '../../src-shared/display/dates';
import { redact } from '../logging/file-log';
import type { CliIo } from './io';

type Level = 'info' | 'warn' | 'error';

/** Context as `key=value` pairs for a terminal; strings with spaces quoted. */
function pairs(context: Record<string, unknown>): string {
  return Object.entries(context)
    .map(([k, v]) => {
      const text =
        v instanceof Object && !(v instanceof Array) && 'message' in v
          ? String((v as { message: unknown }).message)
          : typeof v === 'string'
            ? v
            : JSON.stringify(v);
      return `${k}=${/[\s"]/.test(text) ? JSON.stringify(text) : text}`;
    })
    .join(' ');
}

/**
 * A log for headless runs (`creditbar watch`): one line per event on stdout, readable text or, with
 * `json`, JSON lines ({"at","level","message","context"}); secrets redacted as in the log file.
 */
export function createStdoutLog(io: CliIo, json: boolean): AppLog {
  const write = (level: Level, message: string, context?: Record<string, unknown>) => {
    const at = new Date(io.now()).toISOString();
    // An alert's sentence dates "Dec 1" with an unbroken space for narrow screens; a log line is read by
    // scripts (grep "Dec 1"), so it carries plain ones.
    const line = (text: string) => io.stdout(plainSpaces(text));
    const safe = context ? (redact(context) as Record<string, unknown>) : undefined;
    if (json) {
      line(
        `${JSON.stringify({ at, level, message: redact(message), ...(safe ? { context: safe } : {}) })}\n`,
      );
      return;
    }
    const tail = safe && Object.keys(safe).length > 0 ? ` ${pairs(safe)}` : '';
    line(
      `${at.slice(0, 19).replace('T', ' ')}Z ${level === 'info' ? '' : `${level}: `}${redact(message) as string}${tail}\n`,
    );
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
