import { catalogVersionsJson } from '../../../src-shared/catalog/catalog-text';
import { type Provider } from '../../../src-shared/types/ledger';
import { providerSchema } from '../../../src-shared/types/ledger-schema';
import { CliError, EXIT_USAGE } from '../cli-error';
import { catalogVersionText } from '../format/catalog-text';
import { loadCatalog, parseFlags, type CliIo } from '../io';

const USAGE = 'creditbar catalog [--provider zite|base44|custom] [--version ID] [--json] [--catalog FILE]';

/** `creditbar catalog`: the platforms' rules in dated versions, with the source of every number. */
export async function catalogCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseFlags(
    'catalog',
    argv,
    {
      provider: { type: 'string' },
      version: { type: 'string' },
      json: { type: 'boolean' },
      catalog: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length > 0)
    throw new CliError(`catalog: unexpected argument "${positionals[0]}"\nusage: ${USAGE}`, EXIT_USAGE);
  let provider: Provider | undefined;
  if (values.provider !== undefined) {
    const parsed = providerSchema.safeParse(values.provider);
    if (!parsed.success)
      throw new CliError(
        `catalog: --provider "${values.provider}" is not a provider: use zite, base44 or custom`,
        EXIT_USAGE,
      );
    provider = parsed.data;
  }
  if (values.version !== undefined && provider === undefined)
    throw new CliError(
      `catalog: --version needs --provider (version ids repeat across providers)\nusage: ${USAGE}`,
      EXIT_USAGE,
    );
  const catalog = await loadCatalog(values.catalog);
  const versions = catalogVersionsJson(catalog, provider, values.version);
  if (versions.length === 0) {
    const known = catalogVersionsJson(catalog, provider).map((v) => v.id);
    throw new CliError(
      `catalog: ${provider} has no version "${values.version}" (known: ${known.join(', ')})`,
    );
  }
  if (values.json) {
    io.stdout(JSON.stringify({ versions }, null, 2) + '\n');
    return;
  }
  io.stdout(versions.map(catalogVersionText).join('\n'));
  io.stdout(
    '\nA workspace names its version (workspace add --catalog-version); one that names none is read with the seed version.\n',
  );
}
