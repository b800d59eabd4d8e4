import { z } from 'zod';

// GET /api/health as the server validates it and the web reads it.

export const HealthReply = z.object({
  status: z.literal('ok'),
  name: z.string(),
  version: z.string(),
  engine: z.enum(['pglite', 'postgresql']),
  migrationLevel: z.number().int(),
  migrationsAvailable: z.number().int(),
  demo: z.boolean(),
  /** Who the system belongs to, from the active plan folder (src/core/site.ts); null before the first start. */
  site: z
    .object({
      systemName: z.string(),
      region: z.string(),
      regionShort: z.string(),
      committee: z.string(),
      office: z.string(),
      planTitles: z.array(z.string()),
      issuers: z.array(z.string()),
    })
    .nullable(),
});

export type Health = z.infer<typeof HealthReply>;
