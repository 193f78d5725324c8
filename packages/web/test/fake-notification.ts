import { vi } from 'vitest';

/**
 * The browser's Notification API as a test drives it: `answer` is what the
 * permission prompt will reply, `shown` every pop-up the app made.
 */
export function fakeNotifications(permission: NotificationPermission = 'default') {
  const state = {
    permission,
    answer: 'granted' as NotificationPermission,
    shown: [] as FakeNotification[],
  };
  class FakeNotification {
    static get permission() {
      return state.permission;
    }
    static requestPermission() {
      state.permission = state.answer;
      return Promise.resolve(state.permission);
    }
    onclick: (() => void) | null = null;
    closed = false;
    constructor(
      readonly title: string,
      readonly options: NotificationOptions = {},
    ) {
      state.shown.push(this);
    }
    close() {
      this.closed = true;
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return state;
}
