import type { PoolCard } from '../../src-shared/ipc/snapshot';
import { BalanceBar } from './balance-bar';
import { useNow } from './use-now';
import { Countdown } from './countdown';
import { forecastText, refusedThisPeriod } from '../../src-shared/display/forecast-text';
import { extraCreditsText } from '../../src-shared/display/extra-credits';
import type { Drift, ReadingCheck } from '../../src-shared/ipc/snapshot';
import { dateStyle, formatCredits, formatDateTime, formatPercentUsed, locales } from './format';
import { poolStateDescription } from './state-badge';

/** The local balance against the server's, in words: which one counts more, and by how much. */
export function driftText(drift: Drift): string {
  const n = formatCredits(Math.abs(drift.difference));
  const side =
    drift.difference > 0 ? `${n} fewer than this computer's count` : `${n} more than this computer's count`;
  return `Drift: the server says ${formatCredits(drift.serverRemaining)} remaining, ${side}. The next sync usually settles it.`;
}

/** The last reading typed on a synced pool against the count then: both numbers, and the gap. */
export function readingCheckText(check: ReadingCheck): string {
  const at = formatDateTime(check.at);
  const platform = `${formatCredits(check.platform)} ${check.what}`;
  if (check.local === null || check.difference === null)
    return `Your reading of ${at} (${platform}) is older than the detail kept here: not compared.`;
  if (check.difference === 0) return `Your reading of ${at} (${platform}) matches Creditbar's count.`;
  const more = check.difference > 0 ? 'more' : 'less';
  return `Your reading of ${at}: the platform said ${platform}, Creditbar counted ${formatCredits(check.local)} ${check.what} (${formatCredits(Math.abs(check.difference))} ${more} ${check.what} here).`;
}

/**
 * The numbers of one pool, shared by the overview card and the workspace screen: the bar, used of
 * available, percent, remaining, the countdown, the forecast sentence and any drift.
 */
export function PoolSummary({
  pool,
  label,
  asOf,
}: {
  pool: PoolCard;
  label: string;
  asOf: string;
}): React.JSX.Element {
  // The same clock as the countdown beside it, so no bound of the forecast reads as past.
  const now = Math.max(useNow(60_000), Date.parse(asOf));
  const forecast = forecastText(pool, { asOf: Date.parse(asOf), now }, dateStyle());
  const extra = extraCreditsText(pool.bonus, pool.grantKinds ?? [], locales());
  const refused = refusedThisPeriod(pool, locales());
  return (
    <div className="pool-summary">
      <BalanceBar
        label={label}
        percentUsed={pool.percentUsed}
        used={pool.used}
        available={pool.available}
        level={pool.level}
        stateText={poolStateDescription(pool)}
        marks={pool.marks}
      />
      <dl className="pool-numbers">
        <div>
          <dt>Used</dt>
          <dd data-testid="used" data-value={pool.used}>
            {formatCredits(pool.used)} <span className="muted">of {formatCredits(pool.available)}</span>
          </dd>
        </div>
        <div>
          <dt>Percent used</dt>
          <dd data-testid="percent" data-value={pool.percentUsed}>
            {formatPercentUsed(pool.percentUsed)}
          </dd>
        </div>
        <div>
          <dt>Remaining</dt>
          <dd data-testid="remaining" data-value={pool.remaining}>
            {formatCredits(pool.remaining)}
          </dd>
        </div>
      </dl>
      <p className="pool-reset">
        <Countdown to={pool.periodEnd} />
        {extra ? <span className="muted"> · {extra}</span> : null}
      </p>
      <p className={`forecast forecast-${forecast.tone}`} data-testid="forecast">
        {forecast.sentence}
        {forecast.range ? <span className="muted"> {forecast.range}</span> : null}
      </p>
      {refused ? (
        <p className="refused" data-testid="refused">
          {refused}
        </p>
      ) : null}
      {pool.readingCheck ? (
        <p className="drift" data-testid="reading-check">
          {readingCheckText(pool.readingCheck)}
        </p>
      ) : null}
      {pool.drift && pool.drift.difference !== 0 ? (
        <p className="drift" data-testid="drift">
          {driftText(pool.drift)}
        </p>
      ) : null}
    </div>
  );
}
