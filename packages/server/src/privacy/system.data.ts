import type { FeatureManifest } from './manifest';

/** Bookkeeping tables that hold no personal data. */
export const systemManifest: FeatureManifest = {
  feature: 'system',
  tables: [],
  nonPersonalTables: [
    { table: 'kysely_migration', notPersonal: 'names of applied migrations' },
    { table: 'kysely_migration_lock', notPersonal: 'migration lock row' },
    {
      table: 'maintenance_done',
      notPersonal: 'which one-off start-up tasks have finished, and when',
    },
  ],
};
