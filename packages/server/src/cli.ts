import { parseArgs } from 'node:util';
import { systemClock } from './platform/clock';
import { uuidV7Generator } from './platform/ids';
import { secretsFrom } from './platform/secrets';
import { OperatorsRepository } from './features/operators/operators.repository';
import { OperatorsService } from './features/operators/operators.service';
import { OutboxRepository } from './providers/outbox.repository';
import { configOrExit, openMigratedDatabase, serverSecret } from './runtime';
import { AppError } from './platform/errors';

const usage = `Usage: npm run cli -- <command>

Commands:
  outbox [--limit N]              Print messages the local SMS/e-mail providers wrote (newest first)
  operator:create <username>      Create an operator, or reset their password.
                                  The password is read from OPERATOR_PASSWORD or standard input.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { limit: { type: 'string', default: '50' }, help: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage);
    return command || values.help ? 0 : 1;
  }
  const config = configOrExit({ ...process.env, OPERATOR_USERNAME: '', OPERATOR_PASSWORD: '' });
  const database = await openMigratedDatabase(config);
  try {
    const clock = systemClock;
    const outbox = new OutboxRepository(database.db);
    if (command === 'outbox') {
      const limit = Number(values.limit);
      for (const e of (
        await outbox.latest(Number.isInteger(limit) && limit > 0 ? limit : 50)
      ).reverse())
        process.stdout.write(
          `${new Date(e.createdAt).toISOString()}  ${e.channel.padEnd(5)}  ${e.destination}\n  ${e.subject ? `${e.subject}\n  ` : ''}${e.body}\n`,
        );
      return 0;
    }
    if (command === 'operator:create') {
      const username = rest[0];
      if (!username) throw new Error('operator:create needs a username');
      const password = process.env.OPERATOR_PASSWORD || (await readStdin());
      const operators = new OperatorsService(
        new OperatorsRepository(database.db),
        outbox,
        secretsFrom(serverSecret(config)),
        clock,
        uuidV7Generator(clock),
      );
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
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
