import path from 'node:path';
import { parseArgs } from 'node:util';
import { AccessPurpose } from '@carillon/protocol/audit';
import { systemClock } from './platform/clock';
import { uuidV7Generator } from './platform/ids';
import { secretsFrom } from './platform/secrets';
import { OperatorsRepository } from './features/operators/operators.repository';
import { OperatorsService } from './features/operators/operators.service';
import { OutboxRepository } from './providers/outbox.repository';
import { configOrExit, openMigratedDatabase, openVault, serverSecret } from './runtime';
import { AppError } from './platform/errors';
import { AccountsRepository } from './features/accounts/accounts.repository';
import { auditCommandsUsage, runAuditCommand } from './privacy/audit/audit.cli';
import { checkpointSigner, loadAuditSigningKey } from './privacy/audit/audit-signing';
import { AuditRepository } from './privacy/audit/audit.repository';
import { AuditService } from './privacy/audit/audit.service';
import { localFileStore } from './platform/files/file-store';
import { editions } from './privacy/editions';
import { createDataEngines } from './privacy/engines/data-engines';
import { describeRetentionRun } from './privacy/engines/retention-job';
import { subjectLookups } from './privacy/engines/table-walk';
import { buildManifestRegistry } from './privacy/manifests';
import { buildApp } from './app';

const usage = `Usage: npm run cli -- <command>

Commands:
  outbox --purpose "why" [--limit N]
                                  Print messages the local SMS/e-mail providers wrote (newest first).
                                  They hold phone numbers and e-mails: each read is audited with its purpose.
  operator:create <username>      Create an operator, or reset their password.
                                  The password is read from OPERATOR_PASSWORD or standard input.
  retention:run                   Delete or anonymize rows past their retention period, now (runs hourly in the server).
  erasures:run                    Erase accounts whose cancellation cooling-off period has ended, now
                                  (the server does this every second).
  dissolutions:run                Dissolve organizations whose grace period has ended, now
                                  (the server does this every second).
${auditCommandsUsage}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '50' },
      purpose: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage);
    return command || values.help ? 0 : 1;
  }
  const config = configOrExit({ ...process.env, OPERATOR_USERNAME: '', OPERATOR_PASSWORD: '' });
  const database = await openMigratedDatabase(config);
  // Opened with the database so a wrong master key is reported here too.
  const vault = await openVault(config).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  try {
    const clock = systemClock;
    const outbox = new OutboxRepository(database.db);
    const ids = uuidV7Generator(clock);
    const secrets = secretsFrom(serverSecret(config));
    const audit = new AuditService(
      new AuditRepository(database.db),
      checkpointSigner(loadAuditSigningKey(config.auditSigningKey, config.dataDir)),
      secrets,
      clock,
      ids,
    );
    const operators = new OperatorsService(
      new OperatorsRepository(database.db),
      outbox,
      new AccountsRepository(database.db),
      audit,
      secrets,
      clock,
      ids,
    );
    const auditExit = await runAuditCommand(command, audit, process.stdout);
    if (auditExit !== undefined) return auditExit;
    if (command === 'outbox') {
      const limit = Number(values.limit);
      const purpose = AccessPurpose.safeParse(values.purpose ?? '').data;
      if (!purpose) throw new Error('outbox needs --purpose "why" (3 to 200 characters)');
      const entries = await operators.readOutbox(
        { kind: 'operator' },
        { limit: Number.isInteger(limit) && limit > 0 ? limit : 50, purpose },
      );
      for (const e of entries.reverse())
        process.stdout.write(
          `${new Date(e.createdAt).toISOString()}  ${e.channel.padEnd(5)}  ${e.destination}\n  ${e.subject ? `${e.subject}\n  ` : ''}${e.body}\n`,
        );
      return 0;
    }
    if (command === 'retention:run') {
      const engines = createDataEngines({
        database,
        registry: buildManifestRegistry(),
        lookups: subjectLookups(database.db, (id) => audit.pseudonym(id)),
        vault,
        files: localFileStore(path.join(config.dataDir, 'files')),
        clock,
        ids,
        edition: editions[config.edition],
        audit,
      });
      process.stdout.write(describeRetentionRun(await engines.retention.run()));
      return 0;
    }
    if (command === 'dissolutions:run') {
      const app = await buildApp({ config, database, vault, secret: serverSecret(config) });
      const failures: unknown[] = [];
      try {
        const done = await app.dissolutions.runDue((error) => failures.push(error));
        process.stdout.write(`${done} organization(s) dissolved, ${failures.length} failed.\n`);
      } finally {
        await app.close();
      }
      if (failures.length > 0) throw failures[0];
      return 0;
    }
    if (command === 'erasures:run') {
      // Built like the server, so erasure runs with exactly the server's engines and audit log.
      const app = await buildApp({ config, database, vault, secret: serverSecret(config) });
      const failures: unknown[] = [];
      try {
        const erased = await app.erasureJobs.runDue((error) => failures.push(error));
        process.stdout.write(`${erased} account(s) erased, ${failures.length} failed.\n`);
      } finally {
        await app.close();
      }
      if (failures.length > 0) throw failures[0];
      return 0;
    }
    if (command === 'operator:create') {
      const username = rest[0];
      if (!username) throw new Error('operator:create needs a username');
      const password = process.env.OPERATOR_PASSWORD || (await readStdin());
      const result = await operators.upsert(username, password);
      process.stdout.write(`Operator ${username} ${result}.\n`);
      return 0;
    }
    process.stderr.write(`Unknown command ${command}\n\n${usage}`);
    return 1;
  } catch (error) {
    process.stderr.write(
      `${error instanceof AppError || error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await vault.close();
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
