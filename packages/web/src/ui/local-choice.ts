/**
 * Choices kept in this browser (language, desktop pop-ups, dismissed
 * reminders, the device id) through localStorage, never throwing: where
 * storage is missing or refuses (private mode, quota), a choice is kept in
 * memory and lasts for this page only.
 */

/** What storage refused to keep, by key; `null` for a refused removal. */
const unsaved = new Map<string, string | null>();

/** The value kept under `key`, or null when there is none. */
export function readChoice(key: string): string | null {
  if (unsaved.has(key)) return unsaved.get(key) ?? null;
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeChoice(key: string, value: string): void {
  try {
    if (!globalThis.localStorage) throw new Error('no localStorage');
    globalThis.localStorage.setItem(key, value);
    unsaved.delete(key);
  } catch {
    unsaved.set(key, value);
  }
}

export function removeChoice(key: string): void {
  try {
    if (!globalThis.localStorage) throw new Error('no localStorage');
    globalThis.localStorage.removeItem(key);
    unsaved.delete(key);
  } catch {
    unsaved.set(key, null);
  }
}
