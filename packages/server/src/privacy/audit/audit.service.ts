import type { AccessLogEntry } from '@carillon/protocol/audit';
import type { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { Secrets } from '../../platform/secrets';
import {
  canonicalDetail,
  ChainVerifier,
  GENESIS_HASH,
  hashEntry,
  type VerifyReport,
} from './audit-chain';
import type { AuditEntryInput, AuditLog } from './audit-log';
import type { CheckpointSigner } from './audit-signing';
import type {
  AppendRows,
  AuditCheckpointRow,
  AuditEntryRow,
  AuditRepository,
  ChainHead,
} from './audit.repository';

/** The Secrets purpose that turns user and operator ids into audit pseudonyms. */
export const AUDIT_PSEUDONYM_PURPOSE = 'audit-subject';
/** A checkpoint is signed automatically at every entry whose seq is a multiple of this. */
export const CHECKPOINT_EVERY = 100;
/** Appends lost to concurrent writers are retried this many times before giving up. */
const MAX_APPEND_ATTEMPTS = 40;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Waits a little, more after each lost race, with jitter so racing nodes spread out. */
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 2 ** attempt)));

/** An entry before it takes its place in the chain. */
type Draft = Omit<AuditEntryRow, 'seq' | 'at' | 'prev_hash' | 'hash'>;

/**
 * The audit log (PRIV-13): appends hash-chained entries, signs checkpoints,
 * verifies the whole chain and shows people the entries about them. People
 * appear only as pseudonyms (HMAC of their id with the server secret), so
 * erasing a person never breaks the chain: without their id, the pseudonym
 * links to nobody.
 */
export class AuditService implements AuditLog {
  constructor(
    private readonly entries: AuditRepository,
    private readonly signer: CheckpointSigner,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** The pseudonym a user or operator id is stored as. */
  pseudonym(id: string): string {
    return this.secrets.hmac(AUDIT_PSEUDONYM_PURPOSE, id);
  }

  /**
   * Appends an entry at the end of the chain. Several nodes may append at
   * once: the loser of a race for the next seq retries on the new head.
   */
  async record(input: AuditEntryInput): Promise<void> {
    checkEntry(input);
    const draft: Draft = {
      id: this.ids.next(),
      actor_kind: input.actor.kind,
      actor_ref: input.actor.id === undefined ? null : this.pseudonym(input.actor.id),
      subject_ref: input.subjectId === undefined ? null : this.pseudonym(input.subjectId),
      action: input.action,
      purpose: input.purpose?.trim() ?? null,
      detail: canonicalDetail(input.detail),
    };
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      if (await this.entries.tryAppend((head) => this.chain(draft, head))) return;
      await backOff(attempt);
    }
    throw new AppError('unavailable', 'The audit log is busy; try again.');
  }

  /** Signs the newest entry now; undefined while the log is empty. */
  async checkpoint(): Promise<AuditCheckpointRow | undefined> {
    const head = await this.entries.head();
    if (!head) return undefined;
    await this.entries.addCheckpoint(this.signed(head));
    return this.entries.checkpointAt(head.seq);
  }

  /** Recomputes the whole chain and checks every checkpoint; see ChainVerifier. */
  async verify(): Promise<VerifyReport> {
    const verifier = new ChainVerifier(await this.entries.checkpoints(), (c) =>
      this.signer.check(c),
    );
    for await (const entry of this.entries.entries()) verifier.add(entry);
    return verifier.finish();
  }

  /**
   * What the log holds about a person, newest first, for "who accessed my
   * data". Whoever acted is shown only by kind, never by identity.
   */
  async entriesAbout(
    userId: string,
    page: { before?: number | undefined; limit: number },
  ): Promise<{ entries: AccessLogEntry[]; nextBefore: number | null }> {
    const ref = this.pseudonym(userId);
    const rows = await this.entries.about(ref, page.before, page.limit + 1);
    const shown = rows.slice(0, page.limit);
    return {
      entries: shown.map((row) => ({
        seq: row.seq,
        at: row.at,
        actorKind: row.actor_kind,
        byYou: row.actor_ref === ref,
        action: row.action,
        purpose: row.purpose,
        detail: JSON.parse(row.detail) as AccessLogEntry['detail'],
      })),
      nextBefore: rows.length > page.limit ? shown[shown.length - 1]!.seq : null,
    };
  }

  /** The rows an append writes on top of `head`: the entry, and a checkpoint every hundred. */
  private chain(draft: Draft, head: ChainHead | undefined): AppendRows {
    const seq = (head?.seq ?? 0) + 1;
    const unhashed = { ...draft, seq, at: this.clock.now(), prev_hash: head?.hash ?? GENESIS_HASH };
    const entry = { ...unhashed, hash: hashEntry(unhashed) };
    return {
      entry,
      checkpoint: seq % CHECKPOINT_EVERY === 0 ? this.signed(entry) : undefined,
    };
  }

  private signed(head: ChainHead): AuditCheckpointRow {
    const checkpoint = { seq: head.seq, hash: head.hash, at: this.clock.now() };
    return { ...checkpoint, key_id: this.signer.keyId, signature: this.signer.sign(checkpoint) };
  }
}

/**
 * Rejects entries the log must never hold. These are programming errors, not
 * user errors: an operator who touches a person's data without a stated
 * purpose must fail loudly, before the data leaves the server. Users acting
 * for someone else (a guardian for a child) are not forced to give one;
 * organization administrators, when they come, should pass one every time.
 */
function checkEntry(input: AuditEntryInput): void {
  if (!ACTION.test(input.action) || input.action.length > 64)
    throw new Error(`audit action "${input.action}" is not <entity>.<past-verb>`);
  const purpose = input.purpose?.trim();
  if (purpose !== undefined && (purpose.length < 3 || purpose.length > 200))
    throw new Error('an audit purpose has 3 to 200 characters');
  if (input.actor.kind === 'operator' && input.subjectId !== undefined && !purpose)
    throw new Error(`"${input.action}" by an operator touches a person's data and needs a purpose`);
}
