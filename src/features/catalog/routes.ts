import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { domain, goal, indicator, measure, plan } from '../../db/schema/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import type { IndicatorResponse, PlanResponse, PlansResponse } from './contract.ts';
import {
  addCounts,
  emptyCounts,
  indicatorRow,
  liveIndicator,
  planHead,
  readCatalogTree,
  readCounts,
  readIndicatorNames,
  toCatalog,
} from './read.ts';
import { searchCatalog } from './search.ts';
import { buildCatalogWorkbook } from './xlsx.ts';

// 规划目标: the plans as imported from the plan folder, read-only for everyone signed in (docs/catalog.md).

const PlanParams = z.object({
  planId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,64}$/, '规划标识只能包含小写字母、数字和连字符'),
});
const IdParams = z.object({
  id: z.coerce.number({ message: '指标编号应为正整数' }).int('指标编号应为正整数').positive('指标编号应为正整数'),
});
const SearchQuery = z.object({
  q: z.string({ message: '请输入要查找的文字' }).trim().min(1, '请输入要查找的文字').max(50, '查找的文字最多 50 个字'),
});

const EXPORT_NAME = '规划目标与监测指标.xlsx';
const signedIn = { access: { authenticated: true as const } };
const tags = ['规划目标'];

export const catalogRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  app.get(
    '/catalog/plans',
    { schema: { tags, summary: '规划列表（各领域主要目标、策略措施、监测指标数）' }, config: signedIn },
    async (request): Promise<PlansResponse> => {
      const folderId = await cycleOf(db, request);
      const [plans, domains, counts] = await Promise.all([
        db.select().from(plan).where(eq(plan.folderId, folderId)).orderBy(plan.position),
        db.select().from(domain).orderBy(domain.position),
        readCounts(db),
      ]);
      return {
        plans: plans.map((p) => {
          const total = emptyCounts();
          const own = domains
            .filter((d) => d.planId === p.id)
            .map((d) => {
              const c = counts.get(d.id) ?? emptyCounts();
              addCounts(total, c);
              return { id: d.id, code: d.code, name: d.name, counts: c };
            });
          return { ...planHead(p), counts: total, domains: own };
        }),
      };
    },
  );

  app.get(
    '/catalog/plans/:planId',
    {
      schema: { tags, summary: '规划详情（各领域主要目标、策略措施、监测指标）', params: PlanParams },
      config: signedIn,
    },
    async (request): Promise<PlanResponse> => {
      const [tree] = await readCatalogTree(db, { folderId: await cycleOf(db, request), planId: request.params.planId });
      if (!tree) throw new AppError(404, 'PLAN_NOT_FOUND', `规划“${request.params.planId}”不存在`);
      const total = emptyCounts();
      const domains = tree.domains.map(({ rows: _rows, ...d }) => {
        addCounts(total, d.counts);
        return d;
      });
      return { plan: { ...planHead(tree.row), counts: total, sections: tree.row.sections, domains } };
    },
  );

  app.get(
    '/catalog/indicators/:id',
    { schema: { tags, summary: '监测指标详情（目标值、来源条目和原文）', params: IdParams }, config: signedIn },
    async (request): Promise<IndicatorResponse> => {
      const [found] = await db
        .select({ indicator, domain, plan })
        .from(indicator)
        .innerJoin(domain, eq(indicator.domainId, domain.id))
        .innerJoin(plan, eq(indicator.planId, plan.id))
        .where(and(eq(indicator.id, request.params.id), liveIndicator));
      if (!found) throw new AppError(404, 'INDICATOR_NOT_FOUND', `监测指标（编号 ${request.params.id}）不存在或已停用`);
      const i = found.indicator;
      const [names, source] = await Promise.all([
        readIndicatorNames(db, found.plan.folderId),
        i.sourceKind === 'goal'
          ? db
              .select({ number: goal.number, text: goal.text })
              .from(goal)
              .where(and(eq(goal.domainId, i.domainId), eq(goal.number, i.sourceNumber)))
              .then((r) => r.map((g) => ({ ...g, title: null })))
          : db
              .select({ number: measure.number, title: measure.title, text: measure.text })
              .from(measure)
              .where(and(eq(measure.domainId, i.domainId), eq(measure.number, i.sourceNumber))),
      ]);
      const item = source[0];
      const reference = i.rule.kind === 'relational' ? names.get(i.rule.reference) : undefined;
      return {
        indicator: {
          ...indicatorRow(i, found.plan.baseYear, names),
          precision: i.precision,
          limits: i.limits,
          floor: i.floor,
          counts: i.counts ?? null,
          note: i.note ?? null,
          plan: {
            id: found.plan.id,
            title: found.plan.title,
            shortTitle: found.plan.shortTitle,
            baseYear: found.plan.baseYear,
          },
          domain: { id: found.domain.id, code: found.domain.code, name: found.domain.name },
          // The loader guarantees the source exists; an empty text only if the database was edited by hand.
          sourceItem: {
            kind: i.sourceKind,
            number: i.sourceNumber,
            title: item?.title ?? null,
            text: item?.text ?? '',
          },
          reference:
            reference && i.rule.kind === 'relational'
              ? { id: reference.id, code: i.rule.reference, name: reference.name }
              : null,
        },
      };
    },
  );

  app.get(
    '/catalog/search',
    {
      schema: { tags, summary: '查找主要目标、策略措施和监测指标（中文子串）', querystring: SearchQuery },
      config: signedIn,
    },
    async (request) => searchCatalog(db, await cycleOf(db, request), request.query.q),
  );

  app.get(
    '/catalog/export.xlsx',
    { schema: { tags, summary: '导出规划目标与监测指标（Excel）' }, config: signedIn },
    async (request, reply) => {
      const tree = await readCatalogTree(db, { folderId: await cycleOf(db, request) });
      const workbook = buildCatalogWorkbook(toCatalog(tree));
      await audit(db, actorOf(request), {
        action: 'catalog.export',
        objectType: 'catalog',
        objectId: tree.map((p) => p.row.id).join(','),
        detail: EXPORT_NAME,
      });
      return sendXlsx(reply, workbook, EXPORT_NAME);
    },
  );
};
