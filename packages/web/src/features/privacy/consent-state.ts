import { ConsentList } from '@carillon/protocol/privacy';
import type { ApiClient } from '../../api/api-client';

/** The permission switches features ask before using a device capability. */
export type DevicePurpose = 'location' | 'camera_microphone';

/** Whether the person's switch for `purpose` is on now (read fresh: it may have just changed). */
export async function consentGranted(api: ApiClient, purpose: DevicePurpose): Promise<boolean> {
  const list = await api.get('/api/privacy/consents', { schema: ConsentList });
  return list.purposes.some((p) => p.purpose === purpose && p.granted);
}

/** Where the switch for `purpose` is, in the privacy center. */
export function consentSwitchPath(purpose: DevicePurpose): string {
  return `/privacy/consents#consent-${purpose}`;
}
