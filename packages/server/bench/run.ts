import { runDirectoryBench } from './directory-bench';
import { runFanout } from './fanout/run-fanout';
import { createHttpClient } from './http-client';
import { runBounded, summarize, type LoadLimits, type LoadResult } from './load';
import { headerLine, tableRows, timeCapNotes } from './report';
import { startBareFastify, startCarillon } from './server';
import { phoneNumbers, registerAndLogIn } from './signup-flow';

/** Sign-ups run one at a time so the injected clock moves between, never during, flows. */
const FLOW: LoadLimits = { count: 40, concurrency: 1, timeLimitMs: 20_000 };
const CONCURRENCY = 16;
const WARM_UP: LoadLimits = { count: 300, concurrency: CONCURRENCY, timeLimitMs: 10_000 };
/** 3 rounds of 1,000 = 3,000 measured requests per target, alternated to share any drift. */
const ROUNDS = 3;
const ROUND: LoadLimits = { count: 1_000, concurrency: CONCURRENCY, timeLimitMs: 8_000 };

const cleanup: Array<() => Promise<void> | void> = [];

async function main(): Promise<void> {
  const carillon = await startCarillon();
  cleanup.push(() => carillon.close());
  const bare = await startBareFastify();
  cleanup.push(() => bare.close());
  const carillonClient = createHttpClient(carillon.port, CONCURRENCY);
  const bareClient = createHttpClient(bare.port, CONCURRENCY);
  cleanup.push(
    () => carillonClient.close(),
    () => bareClient.close(),
  );

  process.stderr.write(`signing up ${FLOW.count} accounts…\n`);
  const phone = phoneNumbers();
  let token = '';
  const flow = await runBounded(async (i) => {
    token = await registerAndLogIn(carillonClient, carillon, phone(i), i);
  }, FLOW);
  if (!token) throw new Error('no account was signed up within the time limit');

  const getProfile = async () => {
    const response = await carillonClient.request('GET', '/api/profile', {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200) throw new Error(`GET /api/profile: ${response.status}`);
  };
  const getBare = async () => {
    const response = await bareClient.request('GET', '/bare');
    if (response.status !== 200) throw new Error(`GET /bare: ${response.status}`);
  };

  process.stderr.write('warming up…\n');
  await runBounded(getBare, WARM_UP);
  await runBounded(getProfile, WARM_UP);
  const authenticatedRounds: LoadResult[] = [];
  const bareRounds: LoadResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`round ${round} of ${ROUNDS}…\n`);
    bareRounds.push(await runBounded(getBare, ROUND));
    authenticatedRounds.push(await runBounded(getProfile, ROUND));
  }

  const figures = {
    flow: summarize([flow]),
    flowConcurrency: FLOW.concurrency,
    authenticated: summarize(authenticatedRounds),
    bare: summarize(bareRounds),
    concurrency: CONCURRENCY,
  };
  console.log(headerLine(carillon.database.dialect, ROUNDS));
  console.table(tableRows(figures));
  for (const note of timeCapNotes(figures)) console.log(note);

  // Directory search on a 1,000-member organization, against the profile read in the same rounds.
  if (process.env.BENCH_DIRECTORY !== 'off') await runDirectoryBench(carillon, carillonClient);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  for (const step of cleanup.reverse()) await step();
}

// The fan-out section (bench/fanout) starts its own servers once the ones above are closed.
if (!process.exitCode) {
  try {
    await runFanout();
  } catch (error) {
    process.exitCode = 1;
    console.error(error);
  }
}
