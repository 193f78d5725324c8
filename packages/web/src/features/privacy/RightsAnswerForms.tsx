import { useId, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../ui/ErrorMessage';

/** The two answers a data-rights request can get from a person, as the API bodies take them. */
export type RightsAnswer =
  { action: 'fulfil'; body: { note?: string } } | { action: 'refuse'; body: { reason: string } };

/** The wording around the controls; each console names the person its own way. */
export interface RightsAnswerLabels {
  note: string;
  fulfil: string;
  reason: string;
  reasonHint: string;
  refuse: string;
}

/** The server's lower bound on a refusal's reason (after trimming). */
const REASON_MIN = 10;
const TEXT_MAX = 4000;

/**
 * Fulfil with an optional note, or refuse with a reason of at least ten
 * characters: the answer controls of the operator's queue and of the
 * organization console. `onAnswer` posts the answer; if it throws, the error
 * is shown and what was typed stays for another try.
 */
export function RightsAnswerForms({
  labels,
  onAnswer,
}: {
  labels: RightsAnswerLabels;
  onAnswer: (answer: RightsAnswer) => Promise<void>;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (answer: RightsAnswer) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onAnswer(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  const handleFulfil = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    void submit({ action: 'fulfil', body: text ? { note: text } : {} });
  };
  const handleRefuse = (event: FormEvent) => {
    event.preventDefault();
    void submit({ action: 'refuse', body: { reason: reason.trim() } });
  };

  return (
    <div className="stack" aria-busy={pending}>
      <form onSubmit={handleFulfil} className="stack">
        <div className="field">
          <label htmlFor={`${id}-note`}>{labels.note}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={TEXT_MAX}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <p>
          <button type="submit">{labels.fulfil}</button>
        </p>
      </form>
      <form onSubmit={handleRefuse} className="stack">
        <div className="field">
          <label htmlFor={`${id}-reason`}>{labels.reason}</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            required
            minLength={REASON_MIN}
            maxLength={TEXT_MAX}
            aria-describedby={`${id}-reason-hint`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <small id={`${id}-reason-hint`} className="hint">
            {labels.reasonHint}
          </small>
        </div>
        <p>
          <button type="submit" className="secondary">
            {labels.refuse}
          </button>
        </p>
      </form>
      <ErrorMessage error={error} />
    </div>
  );
}
