import { createHash } from 'node:crypto';
import type { AuditDetail } from './audit-log';
import type { AuditEntriesTable } from '../../platform/db/schema';

/** The `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit entry as stored: every field the hash covers, plus the hash itself. */
export type ChainedEntry = AuditEntriesTable;

/** A signed statement that entry `seq` had `hash`. */
export interface Checkpoint {
  seq: number;
  hash: string;
  signature: string;
  key_id: string;
  at: number;
}

/** How a checkpoint's signature fared against the verifier's key. */
export type SignatureCheck = 'valid' | 'invalid' | 'unknown_key';

/** What a verification found; `problems` is empty exactly when `ok`. */
export interface VerifyReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  problems: string[];
}

/** A verification report lists at most this many problems, then how many more there were. */
const MAX_PROBLEMS = 100;

/** Detail as canonical JSON: keys sorted, so equal details always hash alike. */
export function canonicalDetail(detail: AuditDetail = {}): string {
  const sorted = Object.keys(detail)
    .sort()
    .map((key) => [key, detail[key]]);
  return JSON.stringify(Object.fromEntries(sorted));
}

/**
 * SHA-256 (hex) over a fixed-order JSON array of every field but the hash.
 * JSON.stringify of strings, integers and null is deterministic, so the
 * encoding is canonical; the version tag lets a future format coexist.
 */
export function hashEntry(entry: Omit<ChainedEntry, 'hash'>): string {
  const fields = [
    'carillon-audit-v1',
    entry.seq,
    entry.id,
    entry.at,
    entry.actor_kind,
    entry.actor_ref,
    entry.subject_ref,
    entry.action,
    entry.purpose,
    entry.detail,
    entry.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The bytes a checkpoint signature covers: position, hash and time. */
export function checkpointMessage(checkpoint: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): Buffer {
  return Buffer.from(
    `carillon-audit-checkpoint-v1\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.at}`,
  );
}

/**
 * Checks a log fed entry by entry in seq order, keeping only hashes in memory.
 * It finds changed entries (hash mismatch), removed ones (gaps in seq),
 * reordered or renumbered ones (an entry whose hash fits another position),
 * broken links, and checkpoints that are forged or contradict the log.
 */
export class ChainVerifier {
  private readonly problems: string[] = [];
  private readonly checkpoints = new Map<number, Checkpoint>();
  /** Hashes of entries whose hash fits their position, with that position. */
  private readonly intact = new Map<string, number>();
  /** Entries whose hash does not fit their position; examined at the end. */
  private readonly misfits = new Map<string, ChainedEntry>();
  private previous: { seq: number; hash: string; intact: boolean } = {
    seq: 0,
    hash: GENESIS_HASH,
    intact: true,
  };
  private count = 0;
  private extraProblems = 0;

  constructor(checkpoints: Checkpoint[], checkSignature: (c: Checkpoint) => SignatureCheck) {
    for (const checkpoint of checkpoints) {
      this.checkpoints.set(checkpoint.seq, checkpoint);
      const check = checkSignature(checkpoint);
      if (check === 'unknown_key')
        this.report(
          `checkpoint at seq ${checkpoint.seq}: signed by key ${checkpoint.key_id.slice(0, 16)}…, not this server's audit key`,
        );
      else if (check === 'invalid')
        this.report(`checkpoint at seq ${checkpoint.seq}: the signature does not verify (forged)`);
    }
  }

  /** Takes the next entry; entries must come in ascending seq order. */
  add(entry: ChainedEntry): void {
    this.count++;
    const fits = hashEntry(entry) === entry.hash;
    const contiguous = entry.seq === this.previous.seq + 1;
    if (entry.seq > this.previous.seq + 1) {
      const first = this.previous.seq + 1;
      const last = entry.seq - 1;
      this.report(
        first === last
          ? `entry ${first} is missing (removed)`
          : `entries ${first} to ${last} are missing (removed)`,
      );
    }
    if (fits) {
      this.intact.set(entry.hash, entry.seq);
      if (contiguous && this.previous.intact && entry.prev_hash !== this.previous.hash)
        this.report(
          `entry ${entry.seq} does not link to entry ${this.previous.seq}: the chain is broken`,
        );
    } else this.misfits.set(entry.hash, entry);
    const checkpoint = this.checkpoints.get(entry.seq);
    if (checkpoint && checkpoint.hash !== entry.hash)
      this.report(
        `checkpoint at seq ${entry.seq}: the signed hash differs from entry ${entry.seq} (the log was rewritten)`,
      );
    this.previous = { seq: entry.seq, hash: entry.hash, intact: fits };
  }

  /** Ends the check and reports everything found. */
  finish(): VerifyReport {
    const written = new Map<string, number | undefined>();
    for (const misfit of this.misfits.values()) this.explainMisfit(misfit, written);
    this.checkTail();
    const problems = [...this.problems];
    if (this.extraProblems > 0) problems.push(`… and ${this.extraProblems} more problems`);
    return {
      ok: problems.length === 0,
      entries: this.count,
      checkpoints: this.checkpoints.size,
      problems,
    };
  }

  /** Says whether a misfit was moved (its hash fits another position) or changed. */
  private explainMisfit(entry: ChainedEntry, written: Map<string, number | undefined>): void {
    const seq = this.writtenSeq(entry, written);
    if (seq === entry.seq || (seq !== undefined && hashEntry({ ...entry, seq }) !== entry.hash))
      this.report(`entry ${entry.seq} was changed: its contents do not match its hash`);
    else if (seq !== undefined)
      this.report(`entry ${entry.seq} was written as entry ${seq}: entries were reordered`);
    else
      this.report(
        `entry ${entry.seq} does not match its hash: it was changed, or renumbered after a removal`,
      );
  }

  /**
   * The position a misfit was written at: one after its predecessor, found by
   * following prev_hash back to an intact entry (or the start). Undefined when
   * the trail ends at an entry that is gone. Iterative and memoized, so a long
   * renumbered tail costs linear time and no deep recursion.
   */
  private writtenSeq(
    entry: ChainedEntry,
    memo: Map<string, number | undefined>,
  ): number | undefined {
    const trail: ChainedEntry[] = [];
    const onTrail = new Set<string>();
    let current = entry;
    let base: number | undefined; // the written seq of the entry before the trail
    for (;;) {
      if (memo.has(current.hash)) {
        base = memo.get(current.hash);
        break;
      }
      trail.push(current);
      onTrail.add(current.hash);
      const prev = current.prev_hash;
      if (prev === GENESIS_HASH || this.intact.has(prev)) {
        base = prev === GENESIS_HASH ? 0 : this.intact.get(prev);
        break;
      }
      const before = this.misfits.get(prev);
      if (!before || onTrail.has(before.hash)) break; // gone, or a forged cycle
      current = before;
    }
    for (const item of trail.reverse()) {
      base = base === undefined ? undefined : base + 1;
      memo.set(item.hash, base);
    }
    return memo.get(entry.hash);
  }

  /**
   * Checkpoints beyond the last entry mean the tail was cut off. Entries
   * removed after the newest checkpoint leave no trace: the log stays
   * consistent, just shorter. Only checkpoints kept elsewhere (see
   * `audit:checkpoint`) bound how much can go missing that way.
   */
  private checkTail(): void {
    const last = this.previous.seq;
    let furthest = 0;
    for (const seq of this.checkpoints.keys()) furthest = Math.max(furthest, seq);
    if (furthest > last)
      this.report(
        `the log ends at entry ${last} but a checkpoint covers entry ${furthest}: entries after ${last} were removed (truncated)`,
      );
  }

  private report(problem: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.extraProblems++;
  }
}

/** Verifies a whole log held in memory; see ChainVerifier. */
export function verifyChain(
  entries: ChainedEntry[],
  checkpoints: Checkpoint[],
  checkSignature: (c: Checkpoint) => SignatureCheck,
): VerifyReport {
  const verifier = new ChainVerifier(checkpoints, checkSignature);
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) verifier.add(entry);
  return verifier.finish();
}
