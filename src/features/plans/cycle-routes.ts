import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentCycleId, listCycles } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf, audit } from '../audit/index.ts';
import type { CycleList } from './contract.ts';
import { makeCurrentCycle } from './publish.ts';

// The plan cycles (规划周期) in the system: every signed-in user may list them and pick one to look at (the web app
// sends the pick with each request, src/platform/cycles.ts); the office (or an administrator) decides which one is
// current — the cycle new rounds belong to and pages show by default.

const CurrentBody = z.object({
  id: z.string().trim().min(1, '请选择规划周期').max(100, '规划周期标识最多 100 个字符'),
});

export const cycleRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  app.get(
    '/cycles',
    {
      schema: { tags: ['规划目标'], summary: '规划周期列表（当前周期标出）' },
      config: { access: { authenticated: true } },
    },
    async (): Promise<CycleList> => ({ cycles: await listCycles(db) }),
  );

  app.put(
    '/cycles/current',
    {
      schema: { tags: ['规划目标'], summary: '设定当前规划周期（新开填报任务属于当前周期）', body: CurrentBody },
      config: { access: { roles: ['office', 'admin'] } },
    },
    async (request): Promise<CycleList> => {
      const before = await currentCycleId(db).catch(() => null);
      await db.transaction(async (tx) => {
        await makeCurrentCycle(tx, request.body.id);
        await audit(tx, actorOf(request), {
          action: 'cycle.current',
          objectType: 'plan_folder',
          objectId: request.body.id,
          before: { current: before },
          after: { current: request.body.id },
        });
      });
      return { cycles: await listCycles(db) };
    },
  );
};
