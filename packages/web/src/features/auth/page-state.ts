import { useLocation } from 'react-router';
import type { AccountKind } from './AccountKindSwitch';
import type { IdentityValue } from './IdentityField';
import type { ReturnState } from './return-to';

/** What the sign-in and password-reset pages hand each other, beside the page to return to. */
export interface AuthPageState extends Partial<ReturnState> {
  /** The kind of account and the phone number or e-mail typed on the page before. */
  kind?: AccountKind;
  identity?: IdentityValue;
  /** Set by the reset page once the new password is in place; sign-in confirms it. */
  passwordReset?: boolean;
}

function isIdentity(value: unknown): value is IdentityValue {
  const identity = value as Partial<IdentityValue> | null | undefined;
  return (
    (identity?.kind === 'phone' || identity?.kind === 'email') &&
    typeof identity.country === 'string' &&
    typeof identity.text === 'string'
  );
}

/**
 * This visit's state, keeping only fields of the right shape: history state
 * is whatever was pushed, and survives reloads and other versions of the app.
 */
export function useAuthPageState(): AuthPageState {
  const state = useLocation().state as Record<string, unknown> | null;
  return {
    ...(typeof state?.from === 'string' ? { from: state.from } : {}),
    ...(state?.kind === 'personal' || state?.kind === 'enterprise' ? { kind: state.kind } : {}),
    ...(isIdentity(state?.identity) ? { identity: state.identity } : {}),
    ...(state?.passwordReset === true ? { passwordReset: true } : {}),
  };
}
