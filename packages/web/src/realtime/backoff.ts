/** Reconnect delays: 0.5 s doubling up to 30 s, with ±25 % jitter so clients do not reconnect in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}
