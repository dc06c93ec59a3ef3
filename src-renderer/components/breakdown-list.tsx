import { useId } from 'react';
import { formatCredits, formatShare } from './format';

export interface BreakdownListProps {
  /** Heading of the list, also its accessible name. */
  title: string;
  /** Credits by key, as the engine gives them (largest first). */
  values: Record<string, number>;
  /** Display names of keys (member names, app names); the key shows when missing. */
  names?: Record<string, string>;
  /** Show this many rows, then "n more". */
  limit?: number;
  emptyText?: string;
}

/** Sorted rows of name, credits and share, each with a small bar. */
export function BreakdownList({
  title,
  values,
  names,
  limit = 8,
  emptyText = 'Nothing used yet.',
}: BreakdownListProps): React.JSX.Element {
  const entries = Object.entries(values).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((s, [, v]) => s + v, 0);
  const max = entries[0]?.[1] ?? 0;
  const shown = entries.slice(0, limit);
  const hidden = entries.length - shown.length;
  const id = useId();
  return (
    <section className="breakdown" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul>
          {shown.map(([key, credits]) => (
            <li key={key}>
              <span className="breakdown-name">{names?.[key] ?? key}</span>
              <span className="breakdown-value">
                {formatCredits(credits)}
                <span className="muted"> · {formatShare(total > 0 ? (credits / total) * 100 : 0)}</span>
              </span>
              <span className="breakdown-bar" aria-hidden="true">
                <span style={{ width: `${max > 0 ? (credits / max) * 100 : 0}%` }} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? <p className="muted">and {hidden} more</p> : null}
    </section>
  );
}
