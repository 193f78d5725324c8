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

/**
 * Raises the offered rate by `limits.growth` from `startRate` until a level
 * fails twice in a row or `limits.maxLevels` have run; the highest passing
 * level is the sustained rate. The second try keeps one stall on a shared
 * machine (another process, a GC pause) from ending the search early.
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
  for (let level = 0; level < limits.maxLevels; level++, rate *= limits.growth) {
    let result = await runOnce(target, rooms, rate, limits, log, progress);
    if (result.failure) result = await runOnce(target, rooms, rate, limits, log, progress);
    if (result.failure) return { best: passed.at(-1), failed: result, passed };
    passed.push(result);
  }
  return { best: passed.at(-1), failed: undefined, passed };
}
