/**
 * A "Remove" button that asks once more before anything is deleted: the confirmation names what
 * goes, "Keep" backs out.
 */
export function ConfirmRemove({
  confirming,
  name,
  confirmText,
  detail,
  onAsk,
  onConfirm,
  onKeep,
}: {
  confirming: boolean;
  /** What the row is called, for the button's accessible name ("Remove <name>"). */
  name: string;
  /** The confirming button's text, e.g. "Yes, remove Acme". */
  confirmText: string;
  /** What the removal takes, said beside the confirming button (e.g. an account's history and alerts). */
  detail?: React.ReactNode;
  onAsk(): void;
  onConfirm(): void;
  onKeep(): void;
}): React.JSX.Element {
  if (confirming)
    return (
      <span className="button-row removal-confirm">
        {detail}
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmText}
        </button>
        <button type="button" className="button" onClick={onKeep}>
          Keep
        </button>
      </span>
    );
  return (
    <button type="button" className="button" onClick={onAsk} aria-label={`Remove ${name}`}>
      Remove
    </button>
  );
}
