/**
 * A "Remove" button that asks once more before anything is deleted: the confirmation names what
 * goes, "Keep" backs out.
 */
export function ConfirmRemove({
  confirming,
  name,
  confirmText,
  onAsk,
  onConfirm,
  onKeep,
}: {
  confirming: boolean;
  /** What the row is called, for the button's accessible name ("Remove <name>"). */
  name: string;
  /** The confirming button's text, e.g. "Yes, remove Acme". */
  confirmText: string;
  onAsk(): void;
  onConfirm(): void;
  onKeep(): void;
}): React.JSX.Element {
  if (confirming)
    return (
      <span className="button-row">
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
