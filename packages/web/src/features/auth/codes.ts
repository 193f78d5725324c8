import { RequestCodeResult, type CodePurpose } from '@carillon/protocol/auth';
import { useState } from 'react';
import type { z } from 'zod';
import type { ApiClient } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import type { IdentityValue } from './IdentityField';
import { identityBody } from './identity';

/** Where a code went (masked), when it expires and when another may be asked for. */
export type SentCode = z.infer<typeof RequestCodeResult>;

/** Asks the server to send a one-time code for `purpose` to the phone number or e-mail typed. */
export function requestCode(
  api: ApiClient,
  purpose: CodePurpose,
  identity: IdentityValue,
): Promise<SentCode> {
  return api.post('/api/auth/codes', {
    body: { purpose, ...identityBody(identity) },
    schema: RequestCodeResult,
  });
}

/** What a failed call of a code step was: asking for a code, or using one. */
export interface CodeFailure {
  error: unknown;
  /** `ErrorMessage` wording for the ids this step can say more precisely. */
  wording: Record<string, string>;
}

/**
 * A refused request for a code. Only the one-minute wait between two codes
 * says when the next may go (`retryAt`); without it, the hourly allowance
 * per number, address or requester is spent.
 */
export function sendFailure(error: unknown): CodeFailure {
  const cooldown =
    error instanceof ApiError &&
    typeof (error.details as { retryAt?: unknown } | undefined)?.retryAt === 'number';
  return {
    error,
    wording: { rate_limited: cooldown ? 'recovery.codeCooldown' : 'recovery.tooManyCodes' },
  };
}

/**
 * A refused code. The server says only "wrong or expired" (`code_invalid`);
 * past the expiry it reported when sending, the step says the code expired.
 */
export function redeemFailure(error: unknown, sent: SentCode, now: number): CodeFailure {
  return { error, wording: now >= sent.expiresAt ? { code_invalid: 'recovery.codeExpired' } : {} };
}

/**
 * A code step's calls: `run` clears the last failure, marks the step busy
 * and keeps what `fail` makes of an error, for the step's `ErrorMessage`.
 */
export function useCodeCalls() {
  const [failure, setFailure] = useState<CodeFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, fail: (error: unknown) => CodeFailure) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(fail(error));
    } finally {
      setBusy(false);
    }
  };
  return { failure, busy, run };
}
