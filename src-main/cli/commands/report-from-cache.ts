import type { Catalog } from '../../../src-shared/catalog/catalog';
import type { Month } from '../../../src-shared/engine/report';
import { reportJson } from '../../../src-shared/engine/report-json';
import { reviewMonthFromCache } from '../../cache/month-review';
import { openCacheFile, withCache } from '../cache-io';
import { tableNames } from '../format/names';
import { reportTable } from '../format/report-table';
import type { Millis } from '../../../src-shared/time/instant';
import type { CliIo } from '../io';

/** `creditbar report --db FILE`: the month review from the cache (closed periods from their summaries). */
export async function reportFromCache(
  file: string,
  month: Month,
  options: { asOf: Millis; json: boolean; catalog: Catalog },
  io: CliIo,
): Promise<void> {
  await withCache(openCacheFile(file, io, 'read'), (cache) => {
    const { asOf, catalog } = options;
    const result = reportJson(reviewMonthFromCache(cache, month, { catalog, asOf }));
    if (options.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
    else io.stdout(reportTable(result, tableNames(cache.read.workspaces.list().map((w) => w.workspace))));
  });
}
