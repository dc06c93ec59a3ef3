import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppLog } from '../app/app-runtime';
import { redact } from './redact';

export { redact };

/** A log file grows to this size, then moves to `<file>.1` (one old file kept). */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

/**
 * The app's log: JSON lines in `file` (the user data folder), tokens never written (see redact),
 * also echoed to the console when `echo` is set. Writing is synchronous: a few lines a minute.
 */
export function createFileLog(file: string, options: { echo?: boolean; now?: () => number } = {}): AppLog {
  mkdirSync(dirname(file), { recursive: true });
  const now = options.now ?? Date.now;
  const write = (level: 'info' | 'warn' | 'error', message: string, context?: Record<string, unknown>) => {
    const line = JSON.stringify({
      at: new Date(now()).toISOString(),
      level,
      message: redact(message),
      ...(context ? { context: redact(context) } : {}),
    });
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > LOG_ROTATE_BYTES)
        renameSync(file, `${file}.1`);
      appendFileSync(file, line + '\n');
    } catch {
      // A full disk must not take the app down with it; the console still gets the line.
    }
    if (options.echo)
      (level === 'info' ? console.log : level === 'warn' ? console.warn : console.error)(line);
  };
  return {
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
