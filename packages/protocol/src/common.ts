import { z } from 'zod';

/** Server-generated identifiers are time-ordered UUIDs. */
export const Id = z.uuid();

/** Milliseconds since the Unix epoch, UTC. */
export const Timestamp = z.number().int().nonnegative();

/** A password as typed by a person; strength rules are enforced by the server. */
export const Password = z.string().min(1).max(256);

/** The device a session belongs to, as the client describes itself. */
export const DeviceInfo = z.object({
  id: z.uuid().optional().describe('Stable id the client keeps; omitted on first log-in.'),
  name: z.string().trim().min(1).max(80),
  platform: z.enum(['web', 'ios', 'android', 'macos', 'windows', 'linux', 'api']),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const IdParams = z.object({ id: Id });

/** An empty acknowledgement body for 200 answers that carry no data. */
export const Ok = z.object({ ok: z.literal(true) });
