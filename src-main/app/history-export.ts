import type { ExportResult } from '../../src-shared/ipc/contract';
import { isEmptyReport, type ReportJson } from '../../src-shared/engine/report-json';

/** The columns of the CSV export: one fact per row, so a spreadsheet can pivot any of them. */
export const CSV_COLUMNS = [
  'workspace_id',
  'workspace',
  'pool',
  'period_start',
  'period_end',
  'period_state',
  'metric',
  'key',
  'value',
] as const;

/**
 * A CSV field: quoted when it holds a comma, quote or line break; a text that a spreadsheet would
 * run as a formula (=, +, -, @ first) gets a leading apostrophe, since names come from the account API.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Row = [metric: string, key: string, value: string | number | null];

function breakdownRows(metric: string, breakdown: Record<string, number>): Row[] {
  return Object.entries(breakdown).map(([key, credits]): Row => [metric, key, credits]);
}

/**
 * The month review as CSV (long format): totals, each threshold's crossing, the day the pool ran
 * dry, the change against the period before, then credits by day, member, action and app. Every row
 * carries its period's state (closed, in-progress: figures so far and the change to date;
 * not-started and no-data: one row, no figures).
 */
export function reportCsv(
  report: ReportJson,
  names: Readonly<Record<string, string>>,
  memberNames: Readonly<Record<string, Record<string, string>>> = {},
): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const p of report.pools) {
    const rows: Row[] = [];
    const lead = [
      p.workspaceId,
      names[p.workspaceId] ?? p.workspaceId,
      p.pool,
      p.periodStart,
      p.periodEnd,
      p.periodState,
    ];
    if (isEmptyReport(p)) {
      lines.push([...lead, 'period_state', '', p.periodState].map(csvField).join(','));
      continue;
    }
    if (p.reset === 'daily') {
      rows.push(
        ['allowance_per_day', '', p.allowancePerDay],
        ['used', '', p.used],
        ['blocked_calls', '', p.blockedCalls],
      );
      rows.push(...p.dryDays.map((d): Row => ['ran_dry', d, d]));
    } else {
      rows.push(
        ['allowance', '', p.allowance],
        ['bonus', '', p.bonus],
        ['available', '', p.available],
        ['used', '', p.used],
        ['remaining', '', p.remaining],
        ['percent_used', '', p.percentUsed],
        ['blocked_calls', '', p.blockedCalls],
        ['exhausted_at', '', p.exhaustedAt],
        ...p.thresholds.map((t): Row => ['threshold_reached_at', `${t.percent}%`, t.reachedAt]),
        ['previous_used', p.change.previousAsOf, p.change.previousUsed],
        ['used_change', '', p.change.usedChange],
        ['used_change_percent', '', p.change.usedChangePercent],
      );
    }
    const members = memberNames[p.workspaceId] ?? {};
    rows.push(
      ...breakdownRows('credits_by_day', p.byDay),
      ...breakdownRows('credits_by_member', p.byMember).map(([m, id, v]): Row => [
        m,
        members[id] ? `${members[id]} (${id})` : id,
        v,
      ]),
      ...breakdownRows('credits_by_action', p.byAction),
      ...breakdownRows('credits_by_app', p.byApp),
    );
    for (const row of rows) lines.push([...lead, ...row].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The file the export button saves: CSV as above, or the report JSON exactly as `creditbar report --json` prints it. */
export function exportReport(
  report: ReportJson,
  format: 'csv' | 'json',
  names: Readonly<Record<string, string>>,
  memberNames: Readonly<Record<string, Record<string, string>>> = {},
  workspaceId?: string,
): ExportResult {
  const base = `creditbar-${report.period}${workspaceId ? `-${workspaceId.replace(/[^\w.-]+/g, '_')}` : ''}`;
  return format === 'json'
    ? { filename: `${base}.json`, mime: 'application/json', content: JSON.stringify(report, null, 2) + '\n' }
    : { filename: `${base}.csv`, mime: 'text/csv', content: reportCsv(report, names, memberNames) };
}
