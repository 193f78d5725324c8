import { z } from 'zod';
import { Id, Timestamp } from './common';

/** One signed-in device session, as listed to its owner. */
export const SessionView = z.object({
  id: Id,
  current: z.boolean(),
  device: z.object({
    id: Id,
    name: z.string(),
    platform: z.string(),
  }),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  ipRegion: z.string().describe('Coarse network location: the address with host bits removed.'),
});

export const SessionList = z.object({ sessions: z.array(SessionView) });

export const EndedCount = z.object({ ended: z.number().int().nonnegative() });
