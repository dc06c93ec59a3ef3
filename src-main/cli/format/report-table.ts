import type {
  DaysReportJson,
  EmptyReportJson,
  PeriodReportJson,
  ReportJson,
} from '../../../src-shared/engine/report-json';
import { isEmptyReport, reviewedPools } from '../../../src-shared/engine/report-json';
import { formatChangePercent } from '../../../src-shared/display/percent';
import type { TableNames } from './names';
import { credits, duration, lastDay, percentUsed, shortInstant, table } from './table';

function top(record: Record<string, number>, label: (key: string) => string = (k) => k, n = 5): string {
  const entries = Object.entries(record).slice(0, n);
  return entries.length === 0 ? '-' : entries.map(([k, v]) => `${label(k)} ${credits(v)}`).join(', ');
}

/** The History screen's change: "+2.1%", "-32%" (src-shared/display/percent). */
function signedPercent(x: number): string {
  return formatChangePercent(x);
}

function changeText(p: PeriodReportJson): string {
  const c = p.change;
  const before =
    p.periodState === 'in-progress' ? 'the period before at the same point' : 'the period before';
  if (c.usedChangePercent === null) return `${before} used ${credits(c.previousUsed)}`;
  return `${signedPercent(c.usedChangePercent)} against ${before} (${credits(c.previousUsed)})`;
}

function periodBlock(p: PeriodReportJson, names: TableNames): string[] {
  const running = p.periodState === 'in-progress';
  const marks = p.thresholds.map(
    (t) => `${t.percent}%: ${t.reachedAt ? shortInstant(t.reachedAt) : 'not reached'}`,
  );
  const dry = p.exhaustedAt ? shortInstant(p.exhaustedAt) : running ? 'not so far' : 'no';
  const forecast = running
    ? [
        p.exhaustedAt
          ? `  dry since ${shortInstant(p.exhaustedAt)}; ${p.blockedCalls} calls refused`
          : p.forecast.runsOutAt
            ? `  at this pace: runs dry ${shortInstant(p.forecast.runsOutAt)}`
            : `  at this pace: ~${credits(p.forecast.projectedUsed)} used by the reset`,
      ]
    : [];
  return [
    `${names.workspace(p.workspaceId)}, ${p.pool} pool, ${p.periodStart.slice(0, 10)} to ${lastDay(p.periodEnd)}${running ? `: in progress, ${duration(p.resetsInSeconds)} left` : ''}`,
    `  used ${credits(p.used)} of ${credits(p.available)}${running ? ' so far' : ''} (${percentUsed(p.percentUsed)}), ${changeText(p)}`,
    `  thresholds: ${marks.join('; ')}`,
    `  ran dry: ${dry}; blocked calls: ${p.blockedCalls}`,
    ...forecast,
    `  by member: ${top(p.byMember, (m) => names.member(p.workspaceId, m))}`,
    `  by action: ${top(p.byAction)}`,
    `  by app: ${top(p.byApp)}`,
  ];
}

function daysBlock(p: DaysReportJson, names: TableNames): string[] {
  const running = p.periodState === 'in-progress' ? ', in progress' : '';
  return [
    `${names.workspace(p.workspaceId)}, ${p.pool} pool (resets daily, ${credits(p.allowancePerDay)} a day), ${p.periodStart.slice(0, 7)}${running}`,
    `  used ${credits(p.used)}; blocked calls: ${p.blockedCalls}; ran dry on ${p.dryDays.length} day(s)${p.dryDays.length ? `: ${p.dryDays.join(', ')}` : ''}`,
    `  by member: ${top(p.byMember, (m) => names.member(p.workspaceId, m))}`,
    `  by action: ${top(p.byAction)}`,
  ];
}

function emptyBlock(p: EmptyReportJson, names: TableNames): string[] {
  const what =
    p.periodState === 'not-started'
      ? `not started: it starts ${p.periodStart.slice(0, 10)}`
      : 'no data: Creditbar has no usage of this pool from that period';
  return [
    `${names.workspace(p.workspaceId)}, ${p.pool} pool, ${p.periodStart.slice(0, 10)} to ${lastDay(p.periodEnd)}: ${what}`,
  ];
}

/** The readable form of `report`: workspaces and members by name, whole credits, each period's state. */
export function reportTable(report: ReportJson, names: TableNames): string {
  const asOf = report.asOf ? ` (as of ${shortInstant(report.asOf)} UTC)` : '';
  const out = [`Creditbar: review of ${report.period}${asOf}`, ''];
  for (const p of report.pools) {
    const block = isEmptyReport(p)
      ? emptyBlock(p, names)
      : p.reset === 'daily'
        ? daysBlock(p, names)
        : periodBlock(p, names);
    out.push(...block, '');
  }
  const periods = reviewedPools(report).filter((p): p is PeriodReportJson => p.reset !== 'daily');
  if (periods.length > 0) {
    out.push(
      table(
        ['Workspace', 'Pool', 'State', 'Used', 'Change'],
        periods.map((p) => [
          names.workspace(p.workspaceId),
          p.pool,
          p.periodState === 'in-progress' ? 'in progress' : 'closed',
          credits(p.used),
          p.change.usedChangePercent === null
            ? 'new'
            : `${signedPercent(p.change.usedChangePercent)}${p.periodState === 'in-progress' ? ' to date' : ''}`,
        ]),
        new Set([3, 4]),
      ),
      '',
    );
  }
  out.push(report.alerts.length === 0 ? 'No alerts in this period.' : 'Alerts in this period:');
  for (const a of report.alerts) out.push(`  ${shortInstant(a.at)}  ${a.message}`);
  return out.join('\n') + '\n';
}
