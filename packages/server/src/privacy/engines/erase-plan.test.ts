import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersonalColumn, TableManifest } from '../manifest';
import { ERASED_PLACEHOLDER, planPersonErasure, planTable, shredsKey } from './erase-plan';
import { childrenFirst, type TableFacts } from './schema-facts';
import { isWithin, overlaps } from './table-walk';

const column = (category: string, erase: PersonalColumn['erase'] = 'delete'): PersonalColumn => ({
  category,
  purposes: ['essential.service'],
  legalBasis: 'contract',
  erase,
});

const users: TableManifest = {
  table: 'users',
  description: 'accounts',
  subjectColumn: 'id',
  controller: 'personal',
  retention: { kind: 'account_lifetime' },
  columns: {
    id: column('user.unique_id'),
    phone: column('user.contact.phone_number'),
    nickname: column('user.name'),
    secret: column('user.name', 'shred'),
    password: column('user.authorization.password'),
    created_at: { notPersonal: 'timestamp' },
  },
};

const facts = (over: Partial<TableFacts> = {}): TableFacts => ({
  columns: new Map([
    ['id', { nullable: false, numeric: false }],
    ['phone', { nullable: true, numeric: false }],
    ['nickname', { nullable: false, numeric: false }],
    ['secret', { nullable: true, numeric: false }],
    ['password', { nullable: false, numeric: false }],
  ]),
  primaryKey: ['id'],
  foreignKeys: new Map(),
  ...over,
});

describe('erasure plans', () => {
  it('deletes the rows when everything is erased', () => {
    assert.deepEqual(planTable(users, { kind: 'all' }, facts(), true), {
      kind: 'delete',
      files: [],
    });
  });

  it('overwrites only the categories in scope, NULL where allowed, a placeholder where not', () => {
    const plan = planTable(
      users,
      { kind: 'categories', categories: ['user.contact', 'user.name'] },
      facts(),
      false,
    );
    assert.deepEqual(plan, {
      kind: 'overwrite',
      values: { phone: null, nickname: ERASED_PLACEHOLDER, secret: null },
      files: [],
    });
  });

  it('deletes the row when every column but the subject column is in scope', () => {
    const plan = planTable(
      users,
      { kind: 'categories', categories: ['user.contact', 'user.name'] },
      facts(),
      false,
    );
    const narrow = { ...users, columns: { id: users.columns.id!, phone: users.columns.phone! } };
    assert.equal(plan.kind, 'overwrite');
    assert.equal(
      planTable(narrow, { kind: 'categories', categories: ['user.contact'] }, facts(), false).kind,
      'delete',
    );
  });

  it('writes the empty value a manifest gives for a NOT NULL column', () => {
    const prefs = {
      ...users,
      columns: {
        ...users.columns,
        visibility: { ...column('user.privacy_preferences'), erasedValue: '{}' },
      },
    };
    const prefFacts = facts();
    prefFacts.columns.set('visibility', { nullable: false, numeric: false });
    const plan = planTable(
      prefs,
      { kind: 'categories', categories: ['user.privacy_preferences'] },
      prefFacts,
      false,
    );
    assert.deepEqual(plan, { kind: 'overwrite', values: { visibility: '{}' }, files: [] });
  });

  it('never overwrites key columns, and leaves what a shredded key already protects', () => {
    const plan = planTable(
      users,
      { kind: 'categories', categories: ['user.unique_id', 'user.name'] },
      facts(),
      true,
    );
    assert.deepEqual(plan, {
      kind: 'overwrite',
      values: { nickname: ERASED_PLACEHOLDER },
      files: [],
    });
  });

  it('keeps a row whose manifest asks to anonymize, and leaves pseudonyms alone', () => {
    const posts: TableManifest = {
      ...users,
      table: 'posts',
      subjectColumn: 'author_id',
      columns: {
        id: { notPersonal: 'identifier' },
        author_id: column('user.unique_id', 'anonymize'),
        ref: column('user.unique_id.pseudonymous', 'keep_pseudonymous'),
      },
    };
    const postFacts = facts({
      columns: new Map([['author_id', { nullable: true, numeric: false }]]),
    });
    assert.deepEqual(planTable(posts, { kind: 'all' }, postFacts, true), {
      kind: 'overwrite',
      values: { author_id: null },
      files: [],
    });
  });

  it('shreds the key only when every encrypted column is in scope', () => {
    assert.equal(shredsKey([users], { kind: 'all' }), true);
    assert.equal(shredsKey([users], { kind: 'categories', categories: ['user.name'] }), true);
    assert.equal(shredsKey([users], { kind: 'categories', categories: ['user.contact'] }), false);
  });
});

describe('table order and categories', () => {
  it('puts children before the tables they reference', () => {
    const refs = (...parents: [string, string][]): TableFacts => ({
      ...facts(),
      foreignKeys: new Map(parents),
    });
    const all = new Map([
      ['users', refs()],
      ['devices', refs(['user_id', 'users'])],
      ['sessions', refs(['user_id', 'users'], ['device_id', 'devices'])],
      ['outbox', refs()],
    ]);
    assert.deepEqual(childrenFirst(['users', 'devices', 'sessions', 'outbox'], all), [
      'sessions',
      'outbox',
      'devices',
      'users',
    ]);
  });

  it('matches categories on dot boundaries', () => {
    assert.ok(isWithin('user.contact.email', 'user.contact'));
    assert.ok(!isWithin('user.contactless', 'user.contact'));
    assert.ok(overlaps('user.contact', 'user.contact.email'));
    assert.ok(!overlaps('user.name', 'user.contact'));
  });
});

describe('erasing a person from organization-controlled tables (ADR 14)', () => {
  const posts = (onPersonErased: 'erase' | 'keep'): TableManifest => ({
    table: 'posts',
    description: 'posts in an organization',
    subjectColumn: 'author_id',
    controller: 'organization',
    organization: { column: 'org_id', onPersonErased },
    retention: { kind: 'account_lifetime' },
    columns: {
      id: { notPersonal: 'identifier' },
      org_id: { notPersonal: 'identifier' },
      author_id: column('user.unique_id'),
      body: column('user.content.private', 'shred'),
    },
  });
  const postFacts = (authorNullable: boolean): TableFacts => ({
    columns: new Map([
      ['id', { nullable: false, numeric: false }],
      ['org_id', { nullable: false, numeric: false }],
      ['author_id', { nullable: authorNullable, numeric: false }],
      ['body', { nullable: false, numeric: false }],
    ]),
    primaryKey: ['id'],
    foreignKeys: new Map(),
  });

  it('leaves them alone on a category erasure: the organization decides', () => {
    const scope = { kind: 'categories' as const, categories: ['user.content'] };
    assert.deepEqual(planPersonErasure(posts('keep'), scope, postFacts(true), false), {
      kind: 'none',
    });
    assert.deepEqual(planPersonErasure(posts('erase'), scope, postFacts(true), false), {
      kind: 'none',
    });
  });

  it('keeps the row with the person unlinked, or deletes it when the link cannot be NULL', () => {
    const all = { kind: 'all' as const };
    assert.deepEqual(planPersonErasure(posts('keep'), all, postFacts(true), true), {
      kind: 'overwrite',
      values: { author_id: null },
      files: [],
    });
    assert.deepEqual(planPersonErasure(posts('keep'), all, postFacts(false), true), {
      kind: 'delete',
      files: [],
    });
    assert.deepEqual(planPersonErasure(posts('erase'), all, postFacts(true), true), {
      kind: 'delete',
      files: [],
    });
  });

  it("does not shred the person's key on a category erasure while organization rows are sealed with it", () => {
    const scope = { kind: 'categories' as const, categories: ['user.content', 'user.name'] };
    assert.equal(shredsKey([users, posts('keep')], scope), false);
    assert.equal(shredsKey([users, posts('keep')], { kind: 'all' }), true);
  });
});

describe("erasing a person from a personal table's organization rows (ADR 18)", () => {
  const messages = (onPersonErased: 'erase' | 'keep'): TableManifest => ({
    table: 'messages',
    description: 'messages, some in conversations organizations own',
    subjectColumn: 'sender_id',
    controller: 'personal',
    organizationRowsVia: {
      column: 'conversation_id',
      references: 'conversations',
      organizationColumn: 'organization_id',
      onPersonErased,
    },
    retention: { kind: 'account_lifetime' },
    columns: {
      id: { notPersonal: 'identifier' },
      conversation_id: { notPersonal: 'identifier' },
      sender_id: column('user.unique_id', 'anonymize'),
      mentions: { ...column('user.social'), erasedValue: '[]' },
      body: column('user.content.private', 'shred'),
    },
  });
  const facts: TableFacts = {
    columns: new Map([
      ['id', { nullable: false, numeric: false }],
      ['conversation_id', { nullable: false, numeric: false }],
      ['sender_id', { nullable: true, numeric: false }],
      ['mentions', { nullable: false, numeric: false }],
      ['body', { nullable: true, numeric: false }],
    ]),
    primaryKey: ['id'],
    foreignKeys: new Map([['conversation_id', 'conversations']]),
  };
  const all = { kind: 'all' as const };

  it("treats the person's part by its columns and the organization's by the rule", () => {
    const personal = { kind: 'overwrite', values: { sender_id: null, mentions: '[]' }, files: [] };
    assert.deepEqual(planPersonErasure(messages('keep'), all, facts, true, 'personal'), personal);
    assert.deepEqual(planPersonErasure(messages('keep'), all, facts, true, 'organization'), {
      kind: 'overwrite',
      values: { sender_id: null },
      files: [],
    });
    assert.deepEqual(
      planPersonErasure(messages('erase'), all, facts, true, 'organization'),
      personal,
    );
  });

  it("leaves the organization's part alone on a category erasure, and keeps the key", () => {
    const scope = { kind: 'categories' as const, categories: ['user.content'] };
    assert.deepEqual(planPersonErasure(messages('keep'), scope, facts, false, 'organization'), {
      kind: 'none',
    });
    assert.deepEqual(planPersonErasure(messages('keep'), scope, facts, false, 'personal'), {
      kind: 'overwrite',
      values: { body: null },
      files: [],
    });
    assert.equal(shredsKey([messages('keep')], scope), false);
  });
});
