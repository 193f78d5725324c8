import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkKey, loadTaxonomy, parseCsv } from './fideslang';
import { ManifestRegistry, type FeatureManifest, type OrganizationScope } from './manifest';
import { allManifests } from './manifests';

const manifestWith = (category: string, purposes = ['essential.service']): FeatureManifest => ({
  feature: 'example',
  tables: [
    {
      table: 'examples',
      description: 'test',
      subjectColumn: 'user_id',
      controller: 'personal',
      retention: { kind: 'account_lifetime' },
      columns: {
        user_id: { category, purposes, legalBasis: 'contract', erase: 'delete' },
      },
    },
  ],
});

describe('personal-data manifests', () => {
  it('accepts every manifest the server ships', () => {
    const registry = new ManifestRegistry(allManifests, loadTaxonomy());
    assert.ok(registry.table('users'));
    assert.ok(registry.personalTables().length >= 8);
  });

  it('requires every organization-controlled table to say where its organization is', () => {
    const organizational = (organization?: OrganizationScope): FeatureManifest => {
      const base = manifestWith('user.name');
      const table = { ...base.tables[0]!, controller: 'organization' as const };
      return { ...base, tables: [organization ? { ...table, organization } : table] };
    };
    assert.throws(
      () => new ManifestRegistry([organizational()], loadTaxonomy()),
      /organization-controlled but no organization column declared/,
    );
    assert.throws(
      () =>
        new ManifestRegistry(
          [organizational({ column: 'org_id', onPersonErased: 'keep' })],
          loadTaxonomy(),
        ),
      /organization column org_id is not listed/,
    );
    const registry = new ManifestRegistry(allManifests, loadTaxonomy());
    for (const table of registry.personalTables().filter((t) => t.controller === 'organization'))
      assert.ok(registry.organizationTables().includes(table as never), table.table);
  });

  it("checks a personal table's organization rows: columns it names, and a subject to unlink", () => {
    const via = (rows: Record<string, unknown>, subjectColumn: string | null = 'user_id') => {
      const base = manifestWith('user.name');
      const table = {
        ...base.tables[0]!,
        subjectColumn,
        ...(subjectColumn ? {} : { subjectLookup: { column: 'user_id', by: 'phone_or_email' } }),
        organizationRowsVia: {
          column: 'user_id',
          references: 'conversations',
          organizationColumn: 'organization_id',
          onPersonErased: 'erase',
          ...rows,
        },
      };
      return new ManifestRegistry([{ ...base, tables: [table as never] }], loadTaxonomy());
    };
    assert.ok(via({ retentionFrom: 'user_id' }));
    assert.throws(() => via({ column: 'parent_id' }), /organization rows via unknown column/);
    assert.throws(
      () => via({ retentionFrom: 'sent_at' }),
      /organization retention counts from unknown column sent_at/,
    );
    assert.throws(() => via({ onPersonErased: 'keep' }, null), /needs a subject column to clear/);
  });

  it('checks the column naming the key that sealed a row: listed, not personal, organization rows', () => {
    const sealed = (sealedBy: string, rowsVia = true) => {
      const base = manifestWith('user.name');
      const table = {
        ...base.tables[0]!,
        sealedBy,
        columns: { ...base.tables[0]!.columns, sealed_by: { notPersonal: 'vault subject' } },
        ...(rowsVia
          ? {
              organizationRowsVia: {
                column: 'user_id',
                references: 'conversations',
                organizationColumn: 'organization_id',
                onPersonErased: 'keep' as const,
              },
            }
          : {}),
      };
      return new ManifestRegistry([{ ...base, tables: [table] }], loadTaxonomy());
    };
    assert.ok(sealed('sealed_by'));
    assert.throws(
      () => sealed('sealer'),
      /sealedBy must name a listed column that is not personal/,
    );
    assert.throws(
      () => sealed('user_id'),
      /sealedBy must name a listed column that is not personal/,
    );
    assert.throws(() => sealed('sealed_by', false), /sealedBy needs organization rows via/);
  });

  it('rejects an unknown data category or data use', () => {
    assert.throws(
      () => new ManifestRegistry([manifestWith('user.favourite_colour')], loadTaxonomy()),
      /unknown data category "user.favourite_colour"/,
    );
    assert.throws(
      () => new ManifestRegistry([manifestWith('user.name', ['marketing.spam'])], loadTaxonomy()),
      /unknown data use "marketing.spam"/,
    );
  });

  it('rejects a deprecated key and names its replacement', () => {
    const taxonomy = loadTaxonomy();
    const categories = new Map(taxonomy.categories);
    categories.set('user.old_thing', {
      key: 'user.old_thing',
      deprecatedIn: '2.0.0',
      replacedBy: 'user.name',
    });
    assert.equal(
      checkKey(categories, 'user.old_thing', 'data category'),
      'data category "user.old_thing" is deprecated since 2.0.0; use "user.name"',
    );
    assert.throws(
      () => new ManifestRegistry([manifestWith('user.old_thing')], { ...taxonomy, categories }),
      /deprecated/,
    );
  });

  it('rejects a table declared twice and a subject column that is not listed', () => {
    const twice = manifestWith('user.name');
    assert.throws(() => new ManifestRegistry([twice, twice], loadTaxonomy()), /declared twice/);
    const noSubject = manifestWith('user.name');
    noSubject.tables[0]!.subjectColumn = 'owner_id';
    assert.throws(
      () => new ManifestRegistry([noSubject], loadTaxonomy()),
      /subject column owner_id/,
    );
  });

  it('reports a declared column that the database lacks', () => {
    const registry = new ManifestRegistry([manifestWith('user.name')], loadTaxonomy());
    assert.deepEqual(registry.findUndeclared([{ name: 'examples', columns: [] }]), [
      'manifest declares examples.user_id but the database has no such column',
    ]);
  });
});

describe('CSV parsing of the taxonomy files', () => {
  it('handles quoted commas, doubled quotes and CRLF', () => {
    assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n'), [
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
});
