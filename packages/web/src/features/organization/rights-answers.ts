import { useEffect } from 'react';

/**
 * "A routed part was answered", from the console's Data-rights requests
 * section to the reminders atop the screen: the server sends no event for
 * an answer, and a reminder of an answered part must go at once.
 */
const ANSWERED = 'carillon:rights-part-answered';

/** Tells every listener on this page that the part `id` is answered. */
export function announceRightsAnswer(id: string): void {
  window.dispatchEvent(new CustomEvent<string>(ANSWERED, { detail: id }));
}

/** Calls `onAnswered` with the id of each part answered on this page while mounted. */
export function useRightsAnswers(onAnswered: (id: string) => void): void {
  useEffect(() => {
    const handle = (event: Event) => onAnswered((event as CustomEvent<string>).detail);
    window.addEventListener(ANSWERED, handle);
    return () => window.removeEventListener(ANSWERED, handle);
  }, [onAnswered]);
}
