import type { DispatchLog } from '../ipc/dispatch-invoke';

export interface RateLimitOptions {
  /** Warnings with one message written per window; more are counted, not written. */
  maxPerWindow: number;
  windowMs: number;
  now?: () => number;
}

/**
 * A log whose warnings are limited per message (e.g. "IPC call refused: untrusted sender"): a
 * flood of refused calls writes a few lines a window and then one line saying how many more came,
 * so it cannot rotate the useful lines out of the log file. Errors pass through untouched.
 */
export function rateLimitWarnings<L extends DispatchLog>(log: L, options: RateLimitOptions): L {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; written: number; dropped: number }>();
  const warn: DispatchLog['warn'] = (message, context) => {
    const t = now();
    let w = windows.get(message);
    if (w && t - w.start >= options.windowMs) {
      if (w.dropped > 0)
        log.warn(
          `${message} (${w.dropped} more like it were not logged in ${Math.round(options.windowMs / 1000)} s)`,
          {
            dropped: w.dropped,
          },
        );
      w = undefined;
    }
    if (!w) {
      w = { start: t, written: 0, dropped: 0 };
      windows.set(message, w);
    }
    if (w.written < options.maxPerWindow) {
      w.written++;
      log.warn(message, context);
    } else {
      w.dropped++;
    }
  };
  return { ...log, warn };
}
