import type { DeliveryLog } from './clients';
import { runLevel, type LevelResult, type Rooms } from './level';
import type { SearchLimits } from './scenarios';
import type { FanoutTarget } from './targets';

/** The highest level that passed and the first that failed; either may be missing. */
export interface SearchResult {
  best: LevelResult | undefined;
  failed: LevelResult | undefined;
  /** Every passing level, lowest rate first. */
  passed: LevelResult[];
}

/** A short pause between levels, so one level's tail (WAL checkpoint, GC) stays out of the next. */
const SETTLE_MS = 300;

/** Runs one level, reports it as a progress line, and lets the server settle. */
async function runOnce(
  target: FanoutTarget,
  rooms: Rooms,
  rate: number,
  limits: SearchLimits,
  log: DeliveryLog,
  progress: (line: string) => void,
): Promise<LevelResult> {
  const result = await runLevel(target, rooms, rate, limits.levelMs, log);
  progress(
    `  ${target.label}: ${Math.round(rate)} msg/s → ${Math.round(result.deliveriesPerSecond)} deliveries/s, ` +
      `p99 ${Math.round(result.p99Ms)} ms${result.failure ? `, failed: ${result.failure}` : ''}`,
  );
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return result;
}

/** A level, tried again once when it fails (one stall on a shared machine must not decide it). */
async function runTwice(...args: Parameters<typeof runOnce>): Promise<LevelResult> {
  const result = await runOnce(...args);
  return result.failure ? runOnce(...args) : result;
}

/**
 * Raises the offered rate by `limits.growth` from `startRate` until a level
 * fails twice in a row or `limits.maxLevels` have run, then narrows the gap
 * between the last pass and that failure by `limits.refineSteps` geometric
 * halvings, so the sustained rate is known to a finer step than the growth
 * (×1.5 becomes ×1.11 with two). The highest passing level is the sustained
 * rate. The second try keeps one stall on a shared machine (another process,
 * a GC pause) from ending the search early.
 */
export async function searchMaxRate(
  target: FanoutTarget,
  rooms: Rooms,
  startRate: number,
  limits: SearchLimits,
  log: DeliveryLog,
  progress: (line: string) => void,
): Promise<SearchResult> {
  const passed: LevelResult[] = [];
  let rate = startRate;
  let failed: LevelResult | undefined;
  for (let level = 0; level < limits.maxLevels && !failed; level++, rate *= limits.growth) {
    const result = await runTwice(target, rooms, rate, limits, log, progress);
    if (result.failure) failed = result;
    else passed.push(result);
  }
  for (let step = 0; failed && passed.length > 0 && step < limits.refineSteps; step++) {
    const between = Math.sqrt(passed.at(-1)!.offeredRate * failed.offeredRate);
    const result = await runTwice(target, rooms, between, limits, log, progress);
    if (result.failure) failed = result;
    else passed.push(result);
  }
  return { best: passed.at(-1), failed, passed };
}
