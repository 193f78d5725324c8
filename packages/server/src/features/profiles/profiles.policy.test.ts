import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Visibility } from '@carillon/protocol/profiles';
import { canSee, relationOf, type ContactsDirectory, type Relation } from './profiles.policy';

/** A directory that knows one pair of contacts and records every question. */
function directoryOf(pairs: [string, string][]) {
  const asked: [string, string][] = [];
  const directory: ContactsDirectory = {
    async areContacts(a, b) {
      asked.push([a, b]);
      return pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    },
  };
  return { directory, asked };
}

describe('profiles policy: relationOf', () => {
  it('is self when the viewer owns the profile, without asking the directory', async () => {
    const { directory, asked } = directoryOf([['mei', 'mei']]);
    assert.equal(await relationOf('mei', 'mei', directory), 'self');
    assert.deepEqual(asked, []);
  });

  it('is contact when the directory says so', async () => {
    const { directory, asked } = directoryOf([['mei', 'wei']]);
    assert.equal(await relationOf('wei', 'mei', directory), 'contact');
    assert.deepEqual(asked, [['wei', 'mei']]);
  });

  it('is stranger for a signed-in person who is not a contact', async () => {
    const { directory } = directoryOf([['mei', 'wei']]);
    assert.equal(await relationOf('ling', 'mei', directory), 'stranger');
  });

  it('is stranger for an anonymous visitor, without asking the directory', async () => {
    const { directory, asked } = directoryOf([['mei', 'wei']]);
    assert.equal(await relationOf(undefined, 'mei', directory), 'stranger');
    assert.deepEqual(asked, []);
  });

  it('treats an empty viewer id as anonymous, never as a contact', async () => {
    const everyone: ContactsDirectory = { areContacts: async () => true };
    assert.equal(await relationOf('', 'mei', everyone), 'stranger');
  });

  it('passes on a failing directory rather than guessing a relation', async () => {
    const broken: ContactsDirectory = {
      areContacts: async () => {
        throw new Error('directory down');
      },
    };
    await assert.rejects(relationOf('wei', 'mei', broken), /directory down/);
  });
});

describe('profiles policy: canSee', () => {
  // The whole table, written out: a privacy rule is easier to review as data.
  const table: Record<Relation, Record<Visibility, boolean>> = {
    self: { public: true, contacts: true, only_me: true },
    contact: { public: true, contacts: true, only_me: false },
    stranger: { public: true, contacts: false, only_me: false },
  };

  for (const [relation, row] of Object.entries(table) as [
    Relation,
    Record<Visibility, boolean>,
  ][]) {
    for (const [visibility, expected] of Object.entries(row) as [Visibility, boolean][]) {
      it(`${relation} ${expected ? 'sees' : 'does not see'} a ${visibility} field`, () => {
        assert.equal(canSee(relation, visibility), expected);
      });
    }
  }
});
