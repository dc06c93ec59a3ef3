import { tickInterval } from './duration';
import { formatDateTime, formatDuration } from './format';
import { useNow } from './use-now';

/** "resets in 9d 4h", ticking; the exact reset instant is in the title and the accessible name. */
export function Countdown({ to, prefix = 'resets in' }: { to: string; prefix?: string }): React.JSX.Element {
  const target = Date.parse(to);
  const left = target - Date.now();
  const now = useNow(tickInterval(left));
  const remaining = target - now;
  const text = remaining > 0 ? `${prefix} ${formatDuration(remaining)}` : 'resetting now';
  return (
    <time className="countdown" dateTime={to} title={`Resets ${formatDateTime(to)}`} data-testid="countdown">
      {text}
    </time>
  );
}
