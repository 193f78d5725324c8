import type { Kysely } from 'kysely';
import type { Database, OperatorSessionsTable, OperatorsTable } from '../../platform/db/schema';

/** Platform operators and their sessions, kept apart from user accounts. */
export class OperatorsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('operators')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(row: OperatorsTable): Promise<void> {
    await this.db.insertInto('operators').values(row).execute();
  }

  async findByUsername(username: string): Promise<OperatorsTable | undefined> {
    return this.db
      .selectFrom('operators')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('operators')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }

  async insertSession(row: OperatorSessionsTable): Promise<void> {
    await this.db.insertInto('operator_sessions').values(row).execute();
  }

  async findSession(tokenHash: string): Promise<OperatorSessionsTable | undefined> {
    return this.db
      .selectFrom('operator_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('operator_sessions').where('id', '=', id).execute();
  }
}
