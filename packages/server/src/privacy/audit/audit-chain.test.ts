import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  canonicalDetail,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
  type ChainedEntry,
  type Checkpoint,
} from './audit-chain';
import { checkpointSigner } from './audit-signing';

const signer = checkpointSigner(generateKeyPairSync('ed25519').privateKey);
const stranger = checkpointSigner(generateKeyPairSync('ed25519').privateKey);

/** A well-formed chain of `n` entries; `tweak` changes an entry before it is hashed. */
function makeChain(n: number, tweak: (e: ChainedEntry) => void = () => undefined): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const entry: ChainedEntry = {
      seq,
      id: `entry-${seq}`,
      at: 1_000 + seq,
      actor_kind: 'operator',
      actor_ref: 'op-pseudonym',
      subject_ref: `subject-${seq % 3}`,
      action: 'outbox.read',
      purpose: 'relay a sign-up code',
      detail: canonicalDetail({ messages: seq }),
      prev_hash: prev,
      hash: '',
    };
    tweak(entry);
    entry.hash = hashEntry(entry);
    prev = entry.hash;
    entries.push(entry);
  }
  return entries;
}

function checkpointOf(entry: ChainedEntry, by = signer): Checkpoint {
  const unsigned = { seq: entry.seq, hash: entry.hash, at: 5_000 + entry.seq };
  return { ...unsigned, key_id: by.keyId, signature: by.sign(unsigned) };
}

const verify = (entries: ChainedEntry[], checkpoints: Checkpoint[] = []) =>
  verifyChain(entries, checkpoints, (c) => signer.check(c));

describe('audit chain: encoding', () => {
  it('encodes details canonically, whatever order the keys came in', () => {
    assert.equal(canonicalDetail({ b: 1, a: 'x', c: null }), '{"a":"x","b":1,"c":null}');
    assert.equal(canonicalDetail(), '{}');
  });

  it('hashes deterministically, and every field changes the hash', () => {
    const [entry] = makeChain(1);
    assert.equal(hashEntry(entry!), entry!.hash);
    assert.match(entry!.hash, /^[0-9a-f]{64}$/);
    for (const field of [
      'seq',
      'at',
      'actor_ref',
      'subject_ref',
      'purpose',
      'prev_hash',
    ] as const) {
      const changed = { ...entry!, [field]: field === 'seq' || field === 'at' ? 99 : 'other' };
      assert.notEqual(hashEntry(changed), entry!.hash, field);
    }
    assert.notEqual(hashEntry({ ...entry!, purpose: null }), entry!.hash);
  });
});

describe('audit chain: verification', () => {
  it('accepts an intact chain with valid checkpoints, and an empty log', () => {
    const entries = makeChain(7);
    const report = verify(entries, [checkpointOf(entries[2]!), checkpointOf(entries[6]!)]);
    assert.deepEqual(report, { ok: true, entries: 7, checkpoints: 2, problems: [] });
    assert.deepEqual(verify([]), { ok: true, entries: 0, checkpoints: 0, problems: [] });
  });

  it('finds a changed entry', () => {
    const entries = makeChain(5);
    entries[2]!.detail = canonicalDetail({ messages: 0 });
    assert.deepEqual(verify(entries).problems, [
      'entry 3 was changed: its contents do not match its hash',
    ]);
  });

  it('finds a removed entry, and a removed run of entries', () => {
    const entries = makeChain(8);
    assert.deepEqual(verify(entries.filter((e) => e.seq !== 3)).problems, [
      'entry 3 is missing (removed)',
    ]);
    assert.deepEqual(verify(entries.filter((e) => e.seq < 2 || e.seq > 4)).problems, [
      'entries 2 to 4 are missing (removed)',
    ]);
    assert.deepEqual(verify(entries.slice(1)).problems, ['entry 1 is missing (removed)']);
  });

  it('finds two entries that swapped places', () => {
    const entries = makeChain(6);
    entries[2]!.seq = 4;
    entries[3]!.seq = 3;
    const { ok, problems } = verify(entries);
    assert.equal(ok, false);
    assert.deepEqual(problems.sort(), [
      'entry 3 was written as entry 4: entries were reordered',
      'entry 4 was written as entry 3: entries were reordered',
    ]);
  });

  it('finds entries renumbered to hide a removal', () => {
    const entries = makeChain(5).filter((e) => e.seq !== 2);
    for (const e of entries) if (e.seq > 2) e.seq -= 1;
    const { problems } = verify(entries);
    assert.equal(problems.length, 3);
    assert.ok(problems.every((p) => /renumbered after a removal/.test(p)));
  });

  it('finds an entry replaced by a forged one with a fitting hash: the next link breaks', () => {
    const entries = makeChain(5);
    const forged = { ...entries[2]!, purpose: 'nothing to see here' };
    forged.hash = hashEntry(forged);
    entries[2] = forged;
    assert.deepEqual(verify(entries).problems, [
      'entry 4 does not link to entry 3: the chain is broken',
    ]);
  });

  it('finds a rewritten log through the checkpoints signed before the rewrite', () => {
    const original = makeChain(5);
    const checkpoints = [checkpointOf(original[3]!)];
    const rewritten = makeChain(5, (e) => {
      if (e.seq === 2) e.purpose = 'rewritten';
    });
    assert.deepEqual(verify(rewritten, checkpoints).problems, [
      'checkpoint at seq 4: the signed hash differs from entry 4 (the log was rewritten)',
    ]);
  });

  it('finds forged checkpoints: a wrong signature, and another key', () => {
    const entries = makeChain(4);
    const tampered = { ...checkpointOf(entries[1]!), at: 1 };
    const foreign = checkpointOf(entries[3]!, stranger);
    const { problems } = verify(entries, [tampered, foreign]);
    assert.equal(problems.length, 2);
    assert.equal(problems[0], 'checkpoint at seq 2: the signature does not verify (forged)');
    assert.match(problems[1]!, /^checkpoint at seq 4: signed by key [0-9a-f]{16}…, not this/);
  });

  it('finds a truncated tail up to the last checkpoint, not beyond it', () => {
    const entries = makeChain(9);
    const checkpoints = [checkpointOf(entries[6]!)];
    assert.deepEqual(verify(entries.slice(0, 5), checkpoints).problems, [
      'the log ends at entry 5 but a checkpoint covers entry 7: entries after 5 were removed (truncated)',
    ]);
    // Entries after the newest checkpoint can vanish without a trace.
    assert.equal(verify(entries.slice(0, 7), checkpoints).ok, true);
  });

  it('lists at most a hundred problems, then how many more there were', () => {
    const entries = makeChain(130);
    for (const e of entries) e.purpose = 'changed';
    const { problems } = verify(entries);
    assert.equal(problems.length, 101);
    assert.equal(problems[100], '… and 30 more problems');
  });
});
