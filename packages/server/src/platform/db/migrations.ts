import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database';
import { accountsMigration } from './migrations/0001-accounts';
import { auditMigration } from './migrations/0002-audit';
import { consentMigration } from './migrations/0003-consent';
import { enginesMigration } from './migrations/0004-engines';
import { rightsMigration } from './migrations/0005-rights';
import { contactsMigration } from './migrations/0006-contacts';
import { messagingMigration } from './migrations/0007-messaging';
import { filesMigration } from './migrations/0008-files';
import { messagingKindsMigration } from './migrations/0009-messaging-kinds';
import { presenceMigration } from './migrations/0010-presence';
import { organizationsMigration } from './migrations/0011-organizations';
import { orgChatsMigration } from './migrations/0012-org-chats';
import { orgAdministrationMigration } from './migrations/0013-org-administration';
import { orgControllerMigration } from './migrations/0014-org-controller';
import { routedDeadlinesMigration } from './migrations/0015-routed-deadlines';
import { sharedEventLogMigration } from './migrations/0016-shared-event-log';
import { organizationSealingMigration } from './migrations/0018-organization-sealing';
import { routedRemindersMigration } from './migrations/0019-routed-reminders';
import { maintenanceDoneMigration } from './migrations/0020-maintenance-done';
import { certificationDocumentsMigration } from './migrations/0021-certification-documents';

/**
 * Every migration, in order. Names are zero-padded so the lexical order
 * Kysely applies equals the order written here. Never edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  '0001-accounts': accountsMigration,
  '0002-audit': auditMigration,
  '0003-consent': consentMigration,
  '0004-engines': enginesMigration,
  '0005-rights': rightsMigration,
  '0006-contacts': contactsMigration,
  '0007-messaging': messagingMigration,
  '0008-files': filesMigration,
  '0009-messaging-kinds': messagingKindsMigration,
  '0010-presence': presenceMigration,
  '0011-organizations': organizationsMigration,
  '0012-org-chats': orgChatsMigration,
  '0013-org-administration': orgAdministrationMigration,
  '0014-org-controller': orgControllerMigration,
  '0015-routed-deadlines': routedDeadlinesMigration,
  '0016-shared-event-log': sharedEventLogMigration,
  '0018-organization-sealing': organizationSealingMigration,
  '0019-routed-reminders': routedRemindersMigration,
  '0020-maintenance-done': maintenanceDoneMigration,
  '0021-certification-documents': certificationDocumentsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database up to the newest schema; safe to call on every start. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  check(await migratorFor(handle).migrateToLatest());
}

/**
 * Brings the database up to the named migration and no further: a test of a
 * migration that moves data prepares rows in the schema before it.
 */
export async function migrateUpTo(handle: DatabaseHandle, name: string): Promise<void> {
  if (!(name in migrations)) throw new Error(`No migration ${name}`);
  check(await migratorFor(handle).migrateTo(name));
}

function migratorFor(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider,
    // Name the schema: otherwise Kysely finds its bookkeeping tables in any
    // schema (another app's, another test's) and skips creating ours.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
}

function check({ error, results }: MigrationResultSet): void {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
