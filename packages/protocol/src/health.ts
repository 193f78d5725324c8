import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  edition: z.enum(['international', 'cn']),
  database: z.enum(['sqlite', 'postgres']),
});
