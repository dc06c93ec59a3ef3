import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLog, LOG_ROTATE_BYTES, redact } from '../../../../src-main/logging/file-log';
import { tempDir } from '../../../fixtures/temp-dir';

const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('the app log', () => {
  it('never writes a token, whatever carries it', () => {
    const context = {
      token: 'secret-1',
      nested: { Authorization: 'Bearer abc', list: ['Bearer xyz123 was refused'] },
      message: 'server said no to cb_demo_k3j4h5',
      error: new Error('request with Bearer qwerty failed'),
    };
    const text = JSON.stringify(redact(context));
    for (const secret of ['secret-1', 'abc', 'xyz123', 'cb_demo_k3j4h5', 'qwerty'])
      expect(text).not.toContain(secret);
    expect(text).toContain('Bearer [redacted] was refused');
  });

  it('writes JSON lines with the time and level, and rotates a file that grew too big', () => {
    const dir = tempDir('creditbar-log-');
    dirs.push(dir);
    const file = dir.file('logs/creditbar.log');
    const log = createFileLog(file, { now: () => Date.parse('2026-11-20T10:00:00Z') });
    log.warn('sync failed', { account: 'acme', token: 't0k3n' });
    log.info('second line');
    const [line, second] = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(second!).message).toBe('second line'); // a small file is appended to, not rotated
    expect(JSON.parse(line!)).toEqual({
      at: '2026-11-20T10:00:00.000Z',
      level: 'warn',
      message: 'sync failed',
      context: { account: 'acme', token: '[redacted]' },
    });

    writeFileSync(file, 'x'.repeat(LOG_ROTATE_BYTES + 1));
    log.info('after rotation');
    expect(readFileSync(`${file}.1`, 'utf8').length).toBe(LOG_ROTATE_BYTES + 1);
    expect(readFileSync(file, 'utf8')).toContain('after rotation');
  });
});
