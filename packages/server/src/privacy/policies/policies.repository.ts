import type { Kysely } from 'kysely';
import type { Database, PolicyVersionsTable } from '../../platform/db/schema';

/** A published version as the domain sees it. */
export interface PolicyVersion {
  version: number;
  significant: boolean;
  changes: string[];
  publishedAt: number;
}

/** One language of a version. */
export interface PolicyText {
  language: string;
  summary: string;
  body: string;
}

/** Unique-constraint violations, as SQLite and PostgreSQL report them. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

const toVersion = (row: PolicyVersionsTable): PolicyVersion => ({
  version: row.version,
  significant: row.change_kind === 'significant',
  changes: JSON.parse(row.changes) as string[],
  publishedAt: row.published_at,
});

/** Policy versions and texts. Rows are only ever inserted. */
export class PoliciesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The newest version and the newest significant one; undefined before the first. */
  async standing(): Promise<{ current?: number; lastSignificant?: number }> {
    const row = await this.db
      .selectFrom('policy_versions')
      .select((eb) => [
        eb.fn.max('version').as('current'),
        eb.fn
          .max(eb.case().when('change_kind', '=', 'significant').then(eb.ref('version')).end())
          .as('lastSignificant'),
      ])
      .executeTakeFirst();
    const number = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
    return { current: number(row?.current), lastSignificant: number(row?.lastSignificant) };
  }

  /** Every version, newest first. */
  async list(): Promise<PolicyVersion[]> {
    const rows = await this.db
      .selectFrom('policy_versions')
      .selectAll()
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  async find(version: number): Promise<PolicyVersion | undefined> {
    const row = await this.db
      .selectFrom('policy_versions')
      .selectAll()
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  async text(version: number, language: string): Promise<PolicyText | undefined> {
    return this.db
      .selectFrom('policy_texts')
      .select(['language', 'summary', 'body'])
      .where('version', '=', version)
      .where('language', '=', language)
      .executeTakeFirst();
  }

  /** Writes a version with its texts in one transaction; a taken number throws a unique violation. */
  async insert(version: PolicyVersion, texts: PolicyText[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('policy_versions')
        .values({
          version: version.version,
          change_kind: version.significant ? 'significant' : 'minor',
          changes: JSON.stringify(version.changes),
          published_at: version.publishedAt,
        })
        .execute();
      await tx
        .insertInto('policy_texts')
        .values(texts.map((t) => ({ version: version.version, ...t })))
        .execute();
    });
  }
}
