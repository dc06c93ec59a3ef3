import { useId, useState } from 'react';
import { formatCredits } from '../../components/format';
import { useAppStore } from '../../store/store-context';
import { parseCreditsInput } from './parse-credits';

/**
 * The question a reading that went backwards asks: more was left than Creditbar counted and no
 * grant explains it. A top-up is recorded as a grant at the reading's time (by default the credits
 * that explain the jump); a mistake keeps the reading but leaves it out of every balance.
 */
export function BackwardsQuestion({
  workspaceId,
  readingId,
  by,
  at,
  onAnswered,
}: {
  workspaceId: string;
  readingId: string;
  by: number;
  at?: string;
  onAnswered?: () => void;
}): React.JSX.Element {
  const id = useId();
  const answerReading = useAppStore((s) => s.answerReading);
  const [credits, setCredits] = useState(String(Math.round(by * 100) / 100));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function answer(as: 'top-up' | 'mistake'): Promise<void> {
    const amount = as === 'top-up' ? parseCreditsInput(credits) : null;
    if (as === 'top-up' && (amount === null || amount <= 0)) {
      setError('Type the credits the top-up added, e.g. 1,000.');
      return;
    }
    setBusy(true);
    const r = await answerReading({
      workspaceId,
      readingId,
      as,
      ...(amount !== null ? { credits: amount } : {}),
    });
    setBusy(false);
    if (!r.ok) setError(`That did not work: ${r.message}`);
    else onAnswered?.();
  }

  return (
    <div className="backwards" role="alert" data-testid="backwards-question" data-reading-id={readingId}>
      <p>
        <strong>
          {at ? `The reading of ${at} ` : 'This reading '}shows {formatCredits(by)} more left than Creditbar
          counted
        </strong>
        , and no top-up or bonus explains it. It is kept, but not counted. Was it a top-up, or a mistake?
      </p>
      <div className="button-row">
        <label htmlFor={`${id}-credits`} className="sr-only">
          Credits the top-up added
        </label>
        <input
          id={`${id}-credits`}
          className="narrow"
          inputMode="decimal"
          value={credits}
          onChange={(e) => setCredits(e.target.value)}
        />
        <button type="button" className="button" disabled={busy} onClick={() => void answer('top-up')}>
          It was a top-up of these credits
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void answer('mistake')}>
          It was a mistake
        </button>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
