import type { PoolCard } from '../../../src-shared/ipc/snapshot';
import { BarChart } from '../../components/charts/bar-chart';
import { LineChart } from '../../components/charts/line-chart';
import {
  formatCredits,
  formatCreditsPhrase,
  formatDayKey,
  formatWholeCredits,
} from '../../components/format';
import { periodChartData, runsDryLabel } from './chart-data';

/** The current period of one pool: running total against thresholds and projection, and daily bars. */
export function PeriodCharts({
  pool,
  asOf,
  label,
}: {
  pool: PoolCard;
  asOf: string;
  label: string;
}): React.JSX.Element {
  // The day as the card's forecast says it (never before the evaluation's instant).
  const data = periodChartData(pool, asOf, formatDayKey, (at) => runsDryLabel(at, Date.parse(asOf)));
  const total = formatCredits(pool.used);
  const busiest = data.busiest
    ? ` The busiest day was ${formatDayKey(data.busiest.day)} with ${formatCreditsPhrase(data.busiest.credits)}.`
    : '';
  const projection = data.projection
    ? ` Projected ${formatWholeCredits(data.projection.value)} by the reset (${formatWholeCredits(data.projection.low)} to ${formatWholeCredits(data.projection.high)})${data.projection.crossing ? `: at this pace it ${data.projection.crossing.label}` : ''}.`
    : '';
  return (
    <div className="chart-pair">
      <LineChart
        title={`${label}: use so far this period`}
        summary={`${total} of ${formatCredits(pool.available)} credits used so far.${projection}`}
        labels={data.labels}
        values={data.cumulative}
        lines={data.lines}
        projection={data.projection}
      />
      <BarChart
        title={`${label}: credits per day`}
        summary={`${total} credits this period.${busiest}`}
        labels={data.labels}
        series={[{ name: 'Credits', values: data.daily.map((v, i) => (i > data.todayIndex ? null : v)) }]}
        highlight={data.todayIndex}
      />
    </div>
  );
}
