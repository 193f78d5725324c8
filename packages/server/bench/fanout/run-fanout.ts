import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectClients, DeliveryLog, type ConnectedClients } from './clients';
import type { Rooms } from './level';
import { connectLine, fanoutHeader, fanoutRows, type ScenarioFigures } from './fanout-report';
import { ACCOUNTS, scenarios, searchLimits } from './scenarios';
import { searchMaxRate } from './search';
import { startBareTarget, startCarillonTarget, type FanoutTarget } from './targets';

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Creates the accounts and every scenario's conversations on one server. */
async function setUp(target: FanoutTarget): Promise<Rooms[]> {
  const startedAt = performance.now();
  await target.createAccounts(ACCOUNTS);
  const perScenario: Rooms[] = [];
  for (const scenario of scenarios) {
    const rooms: Rooms = [];
    for (const members of scenario.rooms)
      rooms.push({ id: await target.createRoom(members, scenario.direct), members });
    perScenario.push(rooms);
  }
  progress(`  ${target.label}: set up in ${Math.round(performance.now() - startedAt)} ms`);
  return perScenario;
}

/** One server with its conversations, its open clients and what they receive. */
interface Prepared {
  target: FanoutTarget;
  rooms: Rooms[];
  clients: ConnectedClients;
  log: DeliveryLog;
}

async function prepare(target: FanoutTarget): Promise<Prepared> {
  const rooms = await setUp(target);
  const log = new DeliveryLog();
  const tokens = target.accounts.map((account) => account.token);
  const clients = await connectClients(target.socketUrl, tokens, log);
  return { target, rooms, clients, log };
}

/**
 * Starts a CPU profile in each server (BENCH_FANOUT_PROFILE=<directory>), so
 * that it covers the rate searches and not the set-up; returns what writes them.
 */
async function profileServers(targets: FanoutTarget[], directory: string) {
  for (const { child } of targets) await child.call('startProfile');
  return async () => {
    for (const { label, child } of targets) {
      const name = label.split(' ')[0]!.toLowerCase();
      await child.call('stopProfile', path.resolve(directory, `fanout-${name}.cpuprofile`));
    }
  };
}

/**
 * The fan-out section of `npm run bench` (bench/README.md): both servers in
 * child processes, 1,000 connected clients each, then a rate search per
 * scenario, Carillon first, then bare, so drift hits both alike.
 */
export async function runFanout(mode = process.env.BENCH_FANOUT ?? 'quick'): Promise<void> {
  const limits = searchLimits(mode);
  if (!limits) return;
  const cleanup: Array<() => Promise<void> | void> = [];
  try {
    progress('fan-out: starting both servers…');
    const targets = await Promise.all([startCarillonTarget(), startBareTarget()]);
    cleanup.push(...targets.map((t) => () => t.close()));
    progress(`fan-out: ${ACCOUNTS} accounts, rooms and connected clients per server…`);
    const carillon = await prepare(targets[0]);
    cleanup.push(() => carillon.clients.close());
    const bare = await prepare(targets[1]);
    cleanup.push(() => bare.clients.close());

    const profileDir = process.env.BENCH_FANOUT_PROFILE;
    if (profileDir) cleanup.push(await profileServers(targets, profileDir));

    const figures: ScenarioFigures[] = [];
    // BENCH_FANOUT_ONLY=1:1 (a label's start) runs the scenarios it names, e.g. to profile one.
    const only = process.env.BENCH_FANOUT_ONLY;
    for (const [i, scenario] of scenarios.entries()) {
      if (only && !scenario.label.startsWith(only)) continue;
      progress(`fan-out: ${scenario.label}`);
      const search = (p: Prepared) =>
        searchMaxRate(p.target, p.rooms[i]!, scenario.startRate, limits, p.log, progress);
      figures.push({ scenario, carillon: await search(carillon), bare: await search(bare) });
    }

    console.log(
      fanoutHeader(mode, limits, [targets[0].child.synchronous, targets[1].child.synchronous]),
    );
    console.table(fanoutRows(figures));
    console.log(connectLine(ACCOUNTS, carillon.clients.elapsedMs, bare.clients.elapsedMs));
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await runFanout();
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
  }
}
