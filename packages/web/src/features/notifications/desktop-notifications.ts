/**
 * Desktop notifications for this browser: whether the person turned them on
 * here (a per-device choice, so it lives in localStorage, not on the server)
 * and what the browser allows.
 */

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
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function chooseDesktopNotifications(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(STORAGE_KEY, 'on');
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
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
