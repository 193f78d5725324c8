import { buildApp } from './app';
import { configOrExit, openMigratedDatabase, serverSecret } from './runtime';

const config = configOrExit();
const database = await openMigratedDatabase(config);
const app = await buildApp({ config, database, secret: serverSecret(config) });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  { edition: config.edition, database: database.dialect },
  `Carillon is running on http://${config.host}:${config.port}`,
);
