import { Link } from 'react-router';
import { consentSwitchPath, type DevicePurpose } from '../privacy/consent-state';

/** Why a capability is not used: its permission switch is off, with a link to that switch. */
export function ConsentNeeded({
  purpose,
  message,
  linkText,
}: {
  purpose: DevicePurpose;
  message: string;
  linkText: string;
}) {
  return (
    <p role="status" className="composer-notice">
      {message} <Link to={consentSwitchPath(purpose)}>{linkText}</Link>
    </p>
  );
}
