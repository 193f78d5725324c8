import { buildApp } from './app';
import { startDueJobsLoop } from './platform/due-jobs';
import { configOrExit, openMigratedDatabase, openVault, serverSecret } from './runtime';

const config = configOrExit();
const database = await openMigratedDatabase(config);
const vault = await openVault(config);
const app = await buildApp({ config, database, vault, secret: serverSecret(config) });
// Every node runs retention hourly; its deletes are idempotent, so overlapping runs do no harm.
const RETENTION_EVERY_MS = 60 * 60 * 1000;
const stopRetention = app.dataEngines.retention.schedule(RETENTION_EVERY_MS, (err) =>
  app.log.error({ err }, 'a retention run failed'),
);
// Cancelled accounts are erased once their cooling-off period ends (ACC-8); jobs are leased per node.
const erasureWorker = startDueJobsLoop(app.erasureJobs, {
  onError: (err) => app.log.error({ err }, 'an account erasure failed; it is retried later'),
});
// Organizations are dissolved once their grace period ends (ORG-8), by the same leased-job loop.
const dissolutionWorker = startDueJobsLoop(app.dissolutions, {
  onError: (err) => app.log.error({ err }, 'a dissolution failed; it is retried later'),
});
// Main administrators are reminded of routed data-rights parts near or past their deadline (ADR 20).
const REMINDERS_EVERY_MS = 60 * 1000;
const reminderWorker = startDueJobsLoop(app.routedPartReminders, {
  intervalMs: REMINDERS_EVERY_MS,
  onError: (err) => app.log.error({ err }, 'a deadline reminder could not be sent'),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await stopRetention();
  await erasureWorker.stop();
  await dissolutionWorker.stop();
  await reminderWorker.stop();
  await app.close();
  await database.close();
  await vault.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  { edition: config.edition, database: database.dialect },
  `Carillon is running on http://${config.host}:${config.port}`,
);
