import type { AppLog } from '../app/app-runtime';
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
    const safe = context ? (redact(context) as Record<string, unknown>) : undefined;
    if (json) {
      io.stdout(
        `${JSON.stringify({ at, level, message: redact(message), ...(safe ? { context: safe } : {}) })}\n`,
      );
      return;
    }
    const tail = safe && Object.keys(safe).length > 0 ? ` ${pairs(safe)}` : '';
    io.stdout(
      `${at.slice(0, 19).replace('T', ' ')}Z ${level === 'info' ? '' : `${level}: `}${redact(message) as string}${tail}\n`,
    );
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
