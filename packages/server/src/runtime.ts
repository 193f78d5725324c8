import path from 'node:path';
import { ConfigError, parseConfig, type Config } from './config';
import { startCheckpointer } from './platform/db/checkpointer';
import { openDatabase, postgresTarget, type DatabaseHandle } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrations';
import { loadServerSecret } from './platform/secrets';
import { loadMasterKey } from './privacy/vault/master-key';
import { openKeyVault, type OpenKeyVault } from './privacy/vault/sql-key-vault';

/** Reads the configuration or stops the process with exit code 2 and every problem listed. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

/**
 * Opens the configured database and brings its schema up to date. On SQLite,
 * a thread of its own copies the WAL back into the file (checkpointer.ts).
 */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = openDatabase(
    config.databaseUrl
      ? postgresTarget(config.databaseUrl)
      : { dialect: 'sqlite', file: path.join(config.dataDir, 'carillon.sqlite') },
  );
  await migrateToLatest(handle);
  const checkpointer = startCheckpointer(handle.db, {
    onError: (error) => process.emitWarning(error),
  });
  if (!checkpointer) return handle;
  return {
    ...handle,
    async close() {
      await checkpointer.stop();
      await handle.close();
    },
  };
}

/**
 * Opens the key vault next to the database: DATA_DIR/vault.sqlite, or
 * VAULT_DATABASE_URL in a cluster. Never inside the main database (ADR 0005).
 */
export function openVault(config: Config): Promise<OpenKeyVault> {
  return openKeyVault(
    config.vaultDatabaseUrl
      ? postgresTarget(config.vaultDatabaseUrl)
      : { dialect: 'sqlite', file: path.join(config.dataDir, 'vault.sqlite') },
    loadMasterKey(config.masterKey, config.dataDir),
  );
}

/** The server secret: configured, or created once in the data directory. */
export function serverSecret(config: Config): string {
  return loadServerSecret(config.serverSecret, config.dataDir);
}
