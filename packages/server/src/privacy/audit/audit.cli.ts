import type { AuditService } from './audit.service';

/** The audit commands of `npm run cli`, with their usage lines. */
export const auditCommandsUsage = `  audit:verify                    Check the audit log; exit 0 when intact, 1 listing every problem
  audit:checkpoint                Sign the newest audit entry now and print the checkpoint
`;

/**
 * Runs `audit:verify` or `audit:checkpoint` and returns the exit code, or
 * undefined for any other command.
 */
export async function runAuditCommand(
  command: string,
  audit: AuditService,
  out: NodeJS.WritableStream,
): Promise<number | undefined> {
  if (command === 'audit:verify') {
    const report = await audit.verify();
    const counts = `${plural(report.entries, 'entry', 'entries')}, ${plural(report.checkpoints, 'checkpoint', 'checkpoints')}`;
    if (report.ok) {
      out.write(`The audit log is intact: ${counts}.\n`);
      return 0;
    }
    out.write(`The audit log was tampered with (${counts}):\n`);
    for (const problem of report.problems) out.write(`  - ${problem}\n`);
    return 1;
  }
  if (command === 'audit:checkpoint') {
    const checkpoint = await audit.checkpoint();
    if (!checkpoint) {
      out.write('The audit log is empty; there is nothing to sign.\n');
      return 0;
    }
    // A copy kept away from the server bounds what a later truncation could hide.
    out.write(
      `Checkpoint seq=${checkpoint.seq} hash=${checkpoint.hash} at=${new Date(checkpoint.at).toISOString()}\n` +
        `  key=${checkpoint.key_id}\n  signature=${checkpoint.signature}\n` +
        'Keep a copy outside the server: entries up to this one can then never vanish unnoticed.\n',
    );
    return 0;
  }
  return undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
