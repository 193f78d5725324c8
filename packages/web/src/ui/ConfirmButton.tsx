import { useState } from 'react';

/**
 * A button for an action that cannot be undone: the first press asks, a
 * second button confirms, a third cancels (no browser dialog, keyboard friendly).
 */
export function ConfirmButton({
  label,
  name,
  confirmLabel,
  cancelLabel,
  question,
  onConfirm,
}: {
  label: string;
  /** The first button's accessible name when the label alone is ambiguous (one per row). */
  name?: string;
  confirmLabel: string;
  cancelLabel: string;
  question: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="danger" aria-label={name} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div role="group" aria-label={question} className="confirm">
      <p>{question}</p>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </div>
  );
}
