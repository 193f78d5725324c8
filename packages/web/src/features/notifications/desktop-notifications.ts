/**
 * Desktop notifications for this browser: whether the person turned them on
 * here (a per-device choice, so it lives in localStorage, not on the server)
 * and what the browser allows.
 */

import { readChoice, removeChoice, writeChoice } from '../../ui/local-choice';

const STORAGE_KEY = 'carillon.desktop-notifications';

/** What the browser allows: its own permission, or `unsupported` where there is no Notification API. */
export type DesktopPermission = NotificationPermission | 'unsupported';

/** The browser's Notification constructor, if it has one. */
function notificationApi(): typeof Notification | undefined {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : undefined;
}

export function desktopPermission(): DesktopPermission {
  return notificationApi()?.permission ?? 'unsupported';
}

/** Asks the browser (it shows its own prompt once; later calls answer at once). */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  const api = notificationApi();
  return api ? api.requestPermission() : 'unsupported';
}

/** Whether the person turned desktop notifications on in this browser. */
export function desktopNotificationsChosen(): boolean {
  return readChoice(STORAGE_KEY) === 'on';
}

export function chooseDesktopNotifications(on: boolean): void {
  if (on) writeChoice(STORAGE_KEY, 'on');
  else removeChoice(STORAGE_KEY);
}

/** Whether a pop-up may show now: chosen here and allowed by the browser. */
export function desktopNotificationsActive(): boolean {
  return desktopNotificationsChosen() && desktopPermission() === 'granted';
}

/**
 * Shows one pop-up; `tag` replaces an earlier one with the same tag (one per
 * chat, not a pile), and a click brings the app forward and calls `onClick`.
 */
export function showDesktopNotification(
  title: string,
  options: { body: string; tag: string; onClick: () => void },
): void {
  const api = notificationApi();
  if (!api) return;
  const notification = new api(title, { body: options.body, tag: options.tag });
  notification.onclick = () => {
    globalThis.focus();
    options.onClick();
    notification.close();
  };
}
