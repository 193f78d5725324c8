import { randomUUID } from 'node:crypto';
import { percentile } from '../load';
import type { DeliveryLog } from './clients';
import type { FanoutTarget } from './targets';

/** The bar: a level passes only if p99 from send to delivery stays at or under this. */
export const P99_LIMIT_MS = 500;
/** How long after the last send a level waits for the remaining deliveries. */
const DRAIN_MS = 2_000;
/**
 * Sends in flight beyond this many seconds' worth mean a mean latency above
 * a second (Little's law), so the level has failed: stop offering more.
 */
const BACKLOG_SECONDS = 1;

/** Conversations of one scenario, with their members as indexes into the accounts. */
export type Rooms = Array<{ id: string; members: number[] }>;

/** What one level observed. */
export interface LevelResult {
  offeredRate: number;
  messages: number;
  deliveries: number;
  expected: number;
  messagesPerSecond: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMicrosPerDelivery: number;
  /** Why the level failed; undefined when it passed. */
  failure: string | undefined;
}

/** The sends of one level as they stand. */
interface Offered {
  /** Each stored message by id: when it was due and how many members it goes to. */
  sent: Map<string, { dueAt: number; fanOut: number }>;
  sendErrors: string[];
  /** Deliveries the stored messages owe. */
  expected: number;
  inFlight: number;
  /** Set when the backlog grew too long to go on. */
  overloaded: string | undefined;
  windowMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends message `i` as its room's next member and records the outcome in `offered`. */
async function sendOne(
  target: FanoutTarget,
  rooms: Rooms,
  i: number,
  dueAt: number,
  offered: Offered,
) {
  const room = rooms[i % rooms.length]!;
  const sender =
    target.accounts[room.members[Math.floor(i / rooms.length) % room.members.length]!]!;
  offered.inFlight++;
  try {
    const response = await target.http.request('POST', target.messagePath(room.id), {
      headers: { authorization: `Bearer ${sender.token}` },
      json: { clientId: randomUUID(), text: `fan-out message ${i}` },
    });
    if (response.status !== 201) throw new Error(`send answered ${response.status}`);
    offered.sent.set((JSON.parse(response.text) as { id: string }).id, {
      dueAt,
      fanOut: room.members.length,
    });
    offered.expected += room.members.length;
  } catch (error) {
    offered.sendErrors.push((error as Error).message);
  } finally {
    offered.inFlight--;
  }
}

/**
 * Offers `rate` messages per second for `durationMs` on an open loop: message
 * i is due at start + i / rate whatever happened to the ones before, and its
 * latency counts from when it was due, so a server that falls behind is
 * charged for the wait (no coordinated omission). Rooms take turns, and so do
 * members within a room. Resolves once the last send is due, not answered.
 */
async function offer(target: FanoutTarget, rooms: Rooms, rate: number, durationMs: number) {
  const offered: Offered = {
    sent: new Map(),
    sendErrors: [],
    expected: 0,
    inFlight: 0,
    overloaded: undefined,
    windowMs: 0,
  };
  const count = Math.max(1, Math.round((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  const startedAt = performance.now() + 10;
  let due = 0;
  while (due < count) {
    if (offered.inFlight > rate * BACKLOG_SECONDS + 16) {
      offered.overloaded = `overloaded (${offered.inFlight} sends waiting)`;
      break;
    }
    const now = performance.now();
    for (; due < count && startedAt + due * interval <= now; due++)
      void sendOne(target, rooms, due, startedAt + due * interval, offered);
    await sleep(Math.min(5, Math.max(1, startedAt + due * interval - now)));
  }
  offered.windowMs = Math.max(count * interval, performance.now() - startedAt);
  return offered;
}

/** Deliveries that never came and ones that came twice, message by message. */
function countMismatches(offered: Offered, log: DeliveryLog) {
  let missing = 0;
  let repeated = 0;
  for (const [id, { fanOut }] of offered.sent) {
    const arrived = log.arrivals.get(id)?.length ?? 0;
    missing += Math.max(0, fanOut - arrived);
    repeated += Math.max(0, arrived - fanOut);
  }
  return { missing, repeated };
}

/** The first reason a level fails, in order of how much it says; undefined for a pass. */
function whyFailed(offered: Offered, log: DeliveryLog, disconnected: number, p99Ms: number) {
  const { sendErrors, expected } = offered;
  const { missing, repeated } = countMismatches(offered, log);
  if (offered.overloaded) return offered.overloaded;
  if (sendErrors.length > 0) return `${sendErrors.length} sends failed (${sendErrors[0]})`;
  if (disconnected > 0) return `${disconnected} clients were disconnected`;
  if (missing > 0) return `${missing} of ${expected} deliveries missing`;
  if (repeated > 0) return `${repeated} deliveries arrived twice`;
  if (p99Ms > P99_LIMIT_MS) return `p99 ${Math.round(p99Ms)} ms`;
  return undefined;
}

/**
 * Runs one level: offers the load, waits up to DRAIN_MS after the last send
 * for the deliveries, and judges it. The server's CPU time is read before and
 * after, so it covers the sends, the fan-out and the drain.
 */
export async function runLevel(
  target: FanoutTarget,
  rooms: Rooms,
  rate: number,
  durationMs: number,
  log: DeliveryLog,
): Promise<LevelResult> {
  log.reset();
  const disconnectedBefore = log.disconnected;
  const cpuBefore = await target.child.call<number>('cpu');
  const offered = await offer(target, rooms, rate, durationMs);
  const drainUntil = performance.now() + DRAIN_MS;
  while ((offered.inFlight > 0 || log.total < offered.expected) && performance.now() < drainUntil)
    await sleep(10);
  // A request still open here ends by its own timeout; wait so the next level starts clean.
  while (offered.inFlight > 0) await sleep(20);
  const cpuMicros = (await target.child.call<number>('cpu')) - cpuBefore;

  const latencies: number[] = [];
  for (const [id, { dueAt }] of offered.sent)
    for (const at of log.arrivals.get(id) ?? []) latencies.push(at - dueAt);
  latencies.sort((a, b) => a - b);
  const deliveries = latencies.length;
  const p99Ms = percentile(latencies, 99);
  return {
    offeredRate: rate,
    messages: offered.sent.size,
    deliveries,
    expected: offered.expected,
    messagesPerSecond: (offered.sent.size / offered.windowMs) * 1000,
    deliveriesPerSecond: (deliveries / offered.windowMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms,
    cpuMicrosPerDelivery: cpuMicros / deliveries,
    failure: whyFailed(offered, log, log.disconnected - disconnectedBefore, p99Ms),
  };
}
