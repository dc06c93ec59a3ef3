import type { DaysReportJson, PeriodReportJson, ReportJson } from '../../../src-shared/engine/report-json';
import { credits, shortInstant, table } from './table';

function top(record: Record<string, number>, n = 5): string {
  const entries = Object.entries(record).slice(0, n);
  return entries.length === 0 ? '-' : entries.map(([k, v]) => `${k} ${credits(v)}`).join(', ');
}

function periodBlock(p: PeriodReportJson, name: string): string[] {
  const change =
    p.change.usedChangePercent === null
      ? `previous period used ${credits(p.change.previousUsed)}`
      : `${p.change.usedChange >= 0 ? '+' : ''}${p.change.usedChangePercent.toFixed(1)} % against the period before (${credits(p.change.previousUsed)})`;
  const marks = p.thresholds.map(
    (t) => `${t.percent} %: ${t.reachedAt ? shortInstant(t.reachedAt) : 'not reached'}`,
  );
  return [
    `${name}, ${p.pool} pool, ${p.periodStart.slice(0, 10)} to ${p.periodEnd.slice(0, 10)}`,
    `  used ${credits(p.used)} of ${credits(p.available)} (${p.percentUsed.toFixed(1)} %), ${change}`,
    `  thresholds: ${marks.join('; ')}`,
    `  ran dry: ${p.exhaustedAt ? shortInstant(p.exhaustedAt) : 'no'}; blocked calls: ${p.blockedCalls}`,
    `  by member: ${top(p.byMember)}`,
    `  by action: ${top(p.byAction)}`,
    `  by app: ${top(p.byApp)}`,
  ];
}

function daysBlock(p: DaysReportJson, name: string): string[] {
  return [
    `${name}, ${p.pool} pool (resets daily, ${credits(p.allowancePerDay)} a day), ${p.periodStart.slice(0, 7)}`,
    `  used ${credits(p.used)}; blocked calls: ${p.blockedCalls}; ran dry on ${p.dryDays.length} day(s)${p.dryDays.length ? `: ${p.dryDays.join(', ')}` : ''}`,
    `  by member: ${top(p.byMember)}`,
    `  by action: ${top(p.byAction)}`,
  ];
}

/** The readable form of `report`. */
export function reportTable(report: ReportJson, names: ReadonlyMap<string, string>): string {
  const out = [`Creditbar: review of ${report.period}`, ''];
  for (const p of report.pools) {
    const name = names.get(p.workspaceId) ?? p.workspaceId;
    out.push(...(p.reset === 'daily' ? daysBlock(p, name) : periodBlock(p, name)), '');
  }
  const days = report.pools.filter((p): p is PeriodReportJson => p.reset !== 'daily');
  if (days.length > 0) {
    out.push(
      table(
        ['Workspace', 'Pool', 'Used', 'Change'],
        days.map((p) => [
          names.get(p.workspaceId) ?? p.workspaceId,
          p.pool,
          credits(p.used),
          p.change.usedChangePercent === null
            ? 'new'
            : `${p.change.usedChangePercent >= 0 ? '+' : ''}${p.change.usedChangePercent.toFixed(1)} %`,
        ]),
        new Set([2, 3]),
      ),
      '',
    );
  }
  out.push(report.alerts.length === 0 ? 'No alerts in this period.' : 'Alerts in this period:');
  for (const a of report.alerts) out.push(`  ${shortInstant(a.at)}  ${a.message}`);
  return out.join('\n') + '\n';
}
