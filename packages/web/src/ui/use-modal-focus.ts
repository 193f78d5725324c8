import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), ' +
  'textarea:not(:disabled), summary, [tabindex="0"]';

/** The panel's controls in document order (some DOMs answer a selector list one selector at a time). */
function controlsOf(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('*')].filter((el) => el.matches(FOCUSABLE));
}

/** Tab and Shift+Tab cycle through the dialog's controls instead of leaving it (it is modal). */
function keepFocusInside(event: KeyboardEvent, panel: HTMLElement) {
  const controls = controlsOf(panel);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const target = event.target as Node | null;
  const outside = !target || !panel.contains(target);
  if (!outside && target !== (event.shiftKey ? first : last)) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/**
 * What a modal dialog owes the keyboard (WAI-ARIA dialog pattern): focus
 * moves into `panel` when it opens (to `initial`, else its first control),
 * Tab stays inside, Escape calls `onEscape`, and closing hands focus back to
 * whatever had it before.
 */
export function useModalFocus(
  panel: RefObject<HTMLElement | null>,
  onEscape: () => void,
  initial?: RefObject<HTMLElement | null>,
): void {
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    (initial?.current ?? (panel.current && controlsOf(panel.current)[0]))?.focus();
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') escape.current();
      if (event.key === 'Tab' && panel.current) keepFocusInside(event, panel.current);
    };
    document.addEventListener('keydown', handleKey);
    return () => {
      document.removeEventListener('keydown', handleKey);
      opener?.focus();
    };
    // Mount and unmount only: a re-render must not steal focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
