import { homedir } from 'node:os';
import { join } from 'node:path';
import { ServerCliError } from './cli-io';

/** The default database: in the user's home, so that `import` and `serve` find the same file. */
export function defaultDbPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.CREDITBAR_SERVER_DB ?? join(homedir(), '.creditbar-server', 'server.sqlite');
}

/** A flag's number, checked against a range, with a message naming the flag. */
export function numberFlag(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = false,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (
    text.trim() === '' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new ServerCliError(`--${name} must be ${kind} from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

/** A fraction flag (0-1) or undefined when not given. */
export function fractionFlag(name: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : numberFlag(name, text, 0, 0, 1);
}
