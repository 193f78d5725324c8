import { AppError, notFound } from '../../platform/errors';
import { purposeOf } from '../consent/purposes';
import { isPersonal, type ManifestRegistry } from '../manifest';
import type { RightsRepository, RightsRequestRow } from './rights.repository';

/**
 * The only way to load a request for a person: someone else's request is
 * simply not found, so its existence is not revealed.
 */
export async function loadOwnRequest(
  requests: RightsRepository,
  userId: string,
  id: string,
): Promise<RightsRequestRow> {
  const row = await requests.find(id);
  if (!row || row.user_id !== userId) throw notFound('Request');
  return row;
}

/** Whether one Fides key is the other or lies beneath it (`user.contact` covers `user.contact.email`). */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The table that is the account itself: erasing its data is cancelling the account. */
const ACCOUNT_TABLE = 'users';

/**
 * Which data categories a person may name in a delete or restrict request,
 * read from the personal-data manifests so new features are covered at once.
 */
export class CategoryRules {
  private readonly held: string[];
  private readonly account: string[];

  constructor(registry: ManifestRegistry) {
    const categoriesOf = (tables: ReturnType<ManifestRegistry['personalTables']>) => [
      ...new Set(
        tables.flatMap((t) =>
          Object.values(t.columns)
            .filter(isPersonal)
            .map((c) => c.category),
        ),
      ),
    ];
    const personal = registry.personalTables().filter((t) => t.subjectColumn !== null);
    this.held = categoriesOf(personal);
    this.account = categoriesOf(personal.filter((t) => t.table === ACCOUNT_TABLE));
  }

  /** Fails with 400 unless every category names data Carillon can hold about a person. */
  assertKnown(categories: string[]): void {
    const unknown = categories.filter((c) => !this.held.some((h) => overlaps(c, h)));
    if (unknown.length > 0)
      throw new AppError('validation_failed', 'Carillon holds no data in these categories.', {
        issues: unknown.map((c) => ({ path: 'body.categories', message: `unknown: ${c}` })),
      });
  }

  /**
   * Fails with 400 when a deletion would remove what the account itself is
   * made of (sign-in identifiers, password): that is account cancellation,
   * which has its own cooling-off period.
   */
  assertDeletable(categories: string[]): void {
    this.assertKnown(categories);
    const essential = categories.filter((c) => this.account.some((a) => overlaps(c, a)));
    if (essential.length > 0)
      throw new AppError(
        'validation_failed',
        'These categories hold your account itself; to delete them, cancel the account.',
        { issues: essential.map((c) => ({ path: 'body.categories', message: `account: ${c}` })) },
      );
  }
}

/**
 * Fails with 400 unless `purpose` is a consent that can be withdrawn: basic
 * functions rest on the contract, not on consent; stopping them means
 * cancelling the account.
 */
export function assertWithdrawable(purpose: string): void {
  const found = purposeOf(purpose);
  const problem = !found
    ? `no consent purpose ${purpose}`
    : found.kind === 'basic'
      ? 'basic functions rest on the contract, not on consent; cancel the account to stop them'
      : undefined;
  if (problem)
    throw new AppError('validation_failed', `Cannot withdraw: ${problem}.`, {
      issues: [{ path: 'body.purpose', message: problem }],
    });
}
