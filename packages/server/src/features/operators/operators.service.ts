import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import { hashToken, newToken } from '../../platform/tokens';
import type { AuditActor, AuditLog } from '../../privacy/audit/audit-log';
import type { OutboxRepository } from '../../providers/outbox.repository';
import {
  checkPasswordStrength,
  decoyHash,
  hashPassword,
  verifyPassword,
} from '../accounts/passwords';
import type { OperatorsRepository } from './operators.repository';

/** Operator sessions are short: they open everyone's data. */
const OPERATOR_SESSION_MS = 8 * 3_600_000;

/** Finds the accounts that phone numbers and e-mail addresses belong to. */
export interface ContactOwners {
  /** Maps each given contact that belongs to an account to that account's user id. */
  usersByContact(contacts: string[]): Promise<Map<string, string>>;
}

/** Platform operators: created from configuration or the CLI, signed in separately from users. */
export class OperatorsService {
  constructor(
    private readonly operators: OperatorsRepository,
    private readonly outbox: OutboxRepository,
    private readonly contactOwners: ContactOwners,
    private readonly audit: AuditLog,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Creates an operator, or sets the password of an existing one with that name. */
  async upsert(username: string, password: string): Promise<'created' | 'updated'> {
    checkPasswordStrength(password, [username]);
    const passwordHash = await hashPassword(password);
    const existing = await this.operators.findByUsername(username);
    if (existing) {
      await this.operators.setPassword(existing.id, passwordHash);
      return 'updated';
    }
    await this.operators.insert({
      id: this.ids.next(),
      username,
      password_hash: passwordHash,
      created_at: this.clock.now(),
    });
    return 'created';
  }

  /** On first start, the configured operator is created if there is none yet. */
  async bootstrap(configured: { username: string; password: string } | undefined): Promise<void> {
    if (configured && (await this.operators.count()) === 0)
      await this.upsert(configured.username, configured.password);
  }

  async login(username: string, password: string) {
    const operator = await this.operators.findByUsername(username);
    const ok = await verifyPassword(operator?.password_hash ?? (await decoyHash), password);
    if (!operator || !ok)
      throw new AppError('invalid_credentials', 'Wrong operator name or password.');
    const now = this.clock.now();
    const token = newToken();
    const sessionId = this.ids.next();
    const expiresAt = now + OPERATOR_SESSION_MS;
    await this.operators.insertSession({
      id: sessionId,
      operator_id: operator.id,
      token_hash: hashToken(token),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return {
      operatorId: operator.id,
      sessionId,
      token,
      csrfToken: this.csrfTokenFor(sessionId),
      expiresAt,
    };
  }

  csrfTokenFor(sessionId: string): string {
    return this.secrets.hmac('operator-csrf', sessionId);
  }

  async authenticate(token: string) {
    const row = await this.operators.findSession(hashToken(token));
    if (!row || row.expires_at <= this.clock.now()) return undefined;
    return { operatorId: row.operator_id, sessionId: row.id };
  }

  logout(sessionId: string): Promise<void> {
    return this.operators.deleteSession(sessionId);
  }

  /**
   * The messages the local providers wrote, newest first. They hold people's
   * phone numbers and e-mail addresses, so each read is audited before it is
   * returned: one entry per person whose contact appears (they see it in
   * their access log), and one without a subject for messages to contacts
   * with no account. When the audit log fails, nothing is returned.
   */
  async readOutbox(actor: AuditActor, query: { limit: number; purpose: string }) {
    const entries = await this.outbox.latest(query.limit);
    const destinations = [...new Set(entries.map((e) => e.destination))];
    const owners = await this.contactOwners.usersByContact(destinations);
    const perSubject = new Map<string | undefined, number>();
    for (const { destination } of entries) {
      const subject = owners.get(destination);
      perSubject.set(subject, (perSubject.get(subject) ?? 0) + 1);
    }
    if (perSubject.size === 0) perSubject.set(undefined, 0);
    const read = this.ids.next();
    for (const [subjectId, messages] of perSubject)
      await this.audit.record({
        actor,
        ...(subjectId === undefined ? {} : { subjectId }),
        action: 'outbox.read',
        purpose: query.purpose,
        detail: { read, messages },
      });
    return entries;
  }
}
