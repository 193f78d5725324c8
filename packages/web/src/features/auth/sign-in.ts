import { SessionGrant } from '@carillon/protocol/auth';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import type { EnterpriseIdentity } from './EnterpriseFields';
import { rememberDevice, thisDevice } from './identity';
import { deviceName } from './device-name';

/** What signs in: a phone number or e-mail, or an enterprise account's names, and the password. */
export type Credentials = ({ phone: string } | { email: string } | EnterpriseIdentity) & {
  password: string;
};

/**
 * Signs this browser in as a device and loads the account; the caller then
 * leaves the page. Shared by the sign-in form and the unfreeze step, which
 * signs in with what was typed once the account is unfrozen.
 */
export function useSignIn(): (credentials: Credentials) => Promise<void> {
  const { t } = useTranslation();
  const { api } = useServices();
  const session = useSession();
  return async (credentials) => {
    const grant = await api.post('/api/auth/login', {
      body: { ...credentials, device: thisDevice(deviceName(t)) },
      schema: SessionGrant,
    });
    rememberDevice(grant.deviceId);
    await session.refresh();
  };
}
