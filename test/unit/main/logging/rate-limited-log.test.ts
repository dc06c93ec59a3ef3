import { describe, expect, it } from 'vitest';
import type { DispatchLog } from '../../../../src-main/ipc/dispatch-invoke';
import { rateLimitWarnings } from '../../../../src-main/logging/rate-limited-log';

describe('rateLimitWarnings', () => {
  it('writes a few lines of each warning a window, then says how many more came', () => {
    const lines: string[] = [];
    let t = 0;
    const sink: DispatchLog = {
      warn: (m) => void lines.push(m),
      error: (m) => void lines.push(`E ${m}`),
    };
    const log = rateLimitWarnings(sink, { maxPerWindow: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 50; i++) log.warn('IPC call refused: untrusted sender', { i });
    log.warn('Event stream refused: untrusted sender', {});
    log.error('IPC handler failed', {});
    expect(lines).toEqual([
      'IPC call refused: untrusted sender',
      'IPC call refused: untrusted sender',
      'IPC call refused: untrusted sender',
      'Event stream refused: untrusted sender',
      'E IPC handler failed',
    ]);
    // A minute later: the 47 that were not written are counted in one line, then writing resumes.
    t = 60_000;
    log.warn('IPC call refused: untrusted sender', {});
    expect(lines.slice(5)).toEqual([
      'IPC call refused: untrusted sender (47 more like it were not logged in 60 s)',
      'IPC call refused: untrusted sender',
    ]);
  });
});
