import path from 'node:path';
import { ConfigError, parseConfig, type Config } from './config';
import { openDatabase, type DatabaseHandle } from './platform/db/database';
import { migrateToLatest } from './platform/db/migrations';
import { loadServerSecret } from './platform/secrets';

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

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = openDatabase(
    config.databaseUrl
      ? { dialect: 'postgres', url: config.databaseUrl }
      : { dialect: 'sqlite', file: path.join(config.dataDir, 'carillon.sqlite') },
  );
  await migrateToLatest(handle);
  return handle;
}

/** The server secret: configured, or created once in the data directory. */
export function serverSecret(config: Config): string {
  return loadServerSecret(config.serverSecret, config.dataDir);
}
