import { AppError } from '../../platform/errors';

/**
 * What other features must settle before an account goes (ADR 14): an
 * organization's main administrator cannot simply vanish. The organizations
 * feature provides it.
 */
export interface AccountErasureHooks {
  /** Why the account cannot be cancelled now, one line each; empty when it can. */
  blockers(userId: string): Promise<string[]>;
  /** Runs just before the erasure: hands over or closes what the person alone runs. */
  beforeErase(userId: string): Promise<void>;
}

/** Nothing to settle. */
export const noErasureHooks: AccountErasureHooks = {
  blockers: async () => [],
  beforeErase: async () => undefined,
};

/** Throws `conflict` with the blockers when there are any. */
export async function assertCancellable(hooks: AccountErasureHooks, userId: string) {
  const blockers = await hooks.blockers(userId);
  if (blockers.length > 0)
    throw new AppError('conflict', `The account cannot be cancelled yet: ${blockers.join(' ')}`, {
      blockers,
    });
}
