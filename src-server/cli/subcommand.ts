import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What one subcommand (`grant add`) takes: its flags besides --db and --account, and which it needs. */
export interface SubcommandSpec<K extends string> {
  flags: readonly K[];
  required?: readonly K[];
  /** How many positional arguments it takes (default none). */
  args?: number;
}

/** Flags every administration command takes: the database and the account. */
const COMMON = { db: { type: 'string' }, account: { type: 'string' } } as const;

/**
 * Parses `command sub [args] --flags` for the administration commands: an unknown subcommand, a flag
 * the subcommand does not take, a missing required flag or a stray argument is one sentence (exit 2).
 * `fallback` is the subcommand when the first word is none (`token --account A` means `token add`).
 */
export function parseSubcommand<O extends Options, S extends string>(
  command: string,
  argv: string[],
  options: O,
  subcommands: Record<S, SubcommandSpec<Extract<keyof O, string>>>,
  fallback?: NoInfer<S>,
) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...COMMON, ...options },
  });
  const names = Object.keys(subcommands) as S[];
  const first = positionals[0];
  const named = names.includes(first as S);
  if (!named && fallback === undefined) {
    const list = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    throw usageError(
      first === undefined ? `${command} needs ${list}` : `unknown ${command} command "${first}": use ${list}`,
      command,
    );
  }
  const sub = named ? (first as S) : fallback!;
  const args = named ? positionals.slice(1) : positionals;
  const spec = subcommands[sub];
  const label = named || sub !== fallback ? `${command} ${sub}` : command;
  const stray = Object.keys(values).find(
    (k) => !(k in COMMON) && !(spec.flags as readonly string[]).includes(k),
  );
  if (stray !== undefined) throw usageError(`${label} takes no --${stray}`, command);
  const missing = (spec.required ?? []).find((k) => (values as Record<string, unknown>)[k] === undefined);
  if (missing !== undefined) throw usageError(`${label} needs --${missing}`, command);
  const takes = spec.args ?? 0;
  if (args.length > takes) throw usageError(`${label} takes no argument "${args[takes]}"`, command);
  return {
    sub,
    args,
    values: values as {
      [K in keyof O | keyof typeof COMMON]?: K extends keyof O
        ? O[K] extends { type: 'boolean' }
          ? boolean
          : O[K] extends { multiple: true }
            ? string[]
            : string
        : string;
    },
  };
}
