import { RightsRequestDue } from '@carillon/protocol/org-data';

/**
 * The reminders of routed data-rights parts one account has not dismissed.
 * Each goes out once per stage and the stream's cursor moves past it, so
 * without keeping them a reload would lose a reminder the administrator has
 * not acted on.
 */
export interface ReminderStore {
  /** Overdue first, then nearest deadline. */
  list(): RightsRequestDue[];
  /** Keeps a reminder; a later one about the same part replaces it, unless that one is overdue. */
  add(reminder: RightsRequestDue): RightsRequestDue[];
  /** Forgets the reminder about one part. */
  dismiss(partId: string): RightsRequestDue[];
}

const Stored = RightsRequestDue.array();

const byUrgency = (a: RightsRequestDue, b: RightsRequestDue) =>
  Number(b.overdue) - Number(a.overdue) || a.deadlineAt - b.deadlineAt;

/** Reminders kept in localStorage per account, like the stream's cursor. */
export function localReminders(userId: string): ReminderStore {
  const key = `carillon.rightsReminders.${userId}`;
  const list = (): RightsRequestDue[] => {
    try {
      const parsed = Stored.safeParse(JSON.parse(localStorage.getItem(key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  const save = (reminders: RightsRequestDue[]) => {
    if (reminders.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(reminders));
    return reminders;
  };
  return {
    list,
    add: (reminder) => {
      const kept = list();
      const earlier = kept.find((r) => r.id === reminder.id);
      if (earlier?.overdue && !reminder.overdue) return kept;
      return save([...kept.filter((r) => r.id !== reminder.id), reminder].sort(byUrgency));
    },
    dismiss: (partId) => save(list().filter((r) => r.id !== partId)),
  };
}
