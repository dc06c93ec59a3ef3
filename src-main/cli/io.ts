import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { builtinCatalog, mergeCatalog, type Catalog } from '../../src-shared/catalog/catalog';
import { catalogOverrideSchema } from '../../src-shared/catalog/catalog-schema';
import { parseCreditsText } from '../../src-shared/display/credits';
import { describeJsonSyntaxError } from '../../src-shared/ledger/json-syntax';
import { describeIssue, LedgerError, parseLedgerText } from '../../src-shared/ledger/parse-ledger';
import type { Ledger } from '../../src-shared/types/ledger';
import { parseInstant, type Millis } from '../../src-shared/time/instant';
import { CliError, CliHelp, EXIT_USAGE } from './cli-error';

/** Where a command writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The clock used when --as-of is not given. */
  now: () => Millis;
  isTty: boolean;
}

/** parseArgs with strict checking, turning its errors into one usage line. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: T,
  usage: string,
) {
  // Before the strict parse: `web --help` prints how to use web, not "unknown option --help".
  if (argv.includes('--help') || argv.includes('-h')) throw new CliHelp(usage);
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    const option = /'([^']+)'/.exec(message)?.[1];
    const why =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : /argument is ambiguous/.test(message) && option
          ? `${option} needs a value (one that starts with a dash is written ${option}=VALUE)`
          : (message.split(/\.\s/)[0] ?? message);
    throw new CliError(`${command}: ${why}\nusage: ${usage}`, EXIT_USAGE);
  }
}

/** A file a command reads, or one line saying why it cannot be read. */
export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw new CliError(`cannot read ${what} ${path}: ${why}`);
  }
}

/** Reads the optional user catalog on top of the built-in one. */
export async function loadCatalog(path: string | undefined): Promise<Catalog> {
  if (!path) return builtinCatalog;
  const text = await readText(path, 'catalog');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${path}: not valid JSON: ${describeJsonSyntaxError(text)}`);
  }
  const parsed = catalogOverrideSchema.safeParse(data);
  if (!parsed.success) throw new CliError(`${path}: ${describeIssue(data, parsed.error.issues[0]!)}`);
  return mergeCatalog(builtinCatalog, parsed.data);
}

/** Reads and validates a ledger file, or fails naming its first bad record. */
export async function loadLedger(path: string, catalog: Catalog): Promise<Ledger> {
  const text = await readText(path, 'ledger');
  try {
    return parseLedgerText(text, path, catalog);
  } catch (err) {
    if (err instanceof LedgerError) throw new CliError(err.message);
    throw err;
  }
}

/** Reads --as-of, defaulting to now. */
export function asOfFlag(value: string | undefined, io: CliIo): Millis {
  if (value === undefined) return io.now();
  const t = parseInstant(value);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw new CliError(
      `--as-of "${value}" is not an ISO 8601 instant: use e.g. 2026-11-15T12:00:00Z`,
      EXIT_USAGE,
    );
  }
  return t;
}

/** The one positional argument a command takes. */
export function onePositional(command: string, positionals: string[], what: string, usage: string): string {
  if (positionals.length !== 1) {
    const why = positionals.length === 0 ? `missing ${what}` : `unexpected argument "${positionals[1]}"`;
    throw new CliError(`${command}: ${why}\nusage: ${usage}`, EXIT_USAGE);
  }
  return positionals[0]!;
}

/**
 * A number of credits from a flag: digits with an optional decimal point, thousands separated by
 * commas, spaces or underscores as a usage page may show them ("4,200"); anything else is refused.
 */
export function creditsFlag(
  command: string,
  flag: string,
  value: string | undefined,
  usage: string,
): number | undefined {
  if (value === undefined) return undefined;
  const credits = parseCreditsText(value);
  if (credits === null)
    throw new CliError(
      `${command}: --${flag} "${value}" is not a number of credits (e.g. 4200 or 4,200)\nusage: ${usage}`,
      EXIT_USAGE,
    );
  return credits;
}

/** An ISO 8601 instant with a zone from a flag, or undefined when the flag is absent. */
export function instantFlag(
  command: string,
  flag: string,
  value: string | undefined,
  usage: string,
): Millis | undefined {
  if (value === undefined) return undefined;
  const t = parseInstant(value);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw new CliError(
      `${command}: --${flag} "${value}" is not an ISO 8601 instant: use e.g. 2026-11-15T09:00:00Z\nusage: ${usage}`,
      EXIT_USAGE,
    );
  return t;
}

/** The first word of a command with subcommands (`workspace add ...`), or a usage error; `--help` prints the usage. */
export function subcommand(
  command: string,
  argv: string[],
  known: readonly string[],
  usage: string,
): [string, string[]] {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') throw new CliHelp(usage);
  if (name === undefined || !known.includes(name))
    throw new CliError(
      `${command}: ${name === undefined ? 'missing' : `unknown`} subcommand${name === undefined ? '' : ` "${name}"`}: use ${known.join(', ')}\nusage: ${usage}`,
      EXIT_USAGE,
    );
  return [name, rest];
}
