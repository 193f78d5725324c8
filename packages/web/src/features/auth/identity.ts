import { fullPhone } from './countries';
import type { IdentityValue } from './IdentityField';
import { readChoice, writeChoice } from '../../ui/local-choice';

/** The `{phone}` or `{email}` part of an auth body. */
export function identityBody(value: IdentityValue): { phone: string } | { email: string } {
  return value.kind === 'phone'
    ? { phone: fullPhone(value.country, value.text) }
    : { email: value.text.trim() };
}

const DEVICE_KEY = 'carillon.device';

/** This browser as a device: the id the server gave it last time, if any. */
export function thisDevice(name: string): { id?: string; name: string; platform: 'web' } {
  const id = readChoice(DEVICE_KEY);
  return id ? { id, name, platform: 'web' } : { name, platform: 'web' };
}

/** Keeps the device id of a grant so the next sign-in is not a "new device". */
export function rememberDevice(deviceId: string): void {
  // Without storage it lasts for this page: the next visit's sign-in is a "new device".
  writeChoice(DEVICE_KEY, deviceId);
}
