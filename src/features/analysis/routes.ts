import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaRankingOption, domainRateBarOption, trendChartOption } from '../../core/charts/index.ts';
import { plainWarning } from '../../core/narrative/index.ts';
import { referenceSeries } from '../../core/reference.ts';
import { notFound } from '../../kernel/errors.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { currentUser } from '../auth/index.ts';
import { referencesByIndicator } from '../reference/index.ts';
import { type ReadOptions, warningsOf } from './analyse.ts';
import {
  type Analysis,
  AnalysisQuery,
  type Basis,
  type DomainResponse,
  type IndicatorResponse,
  type OverviewResponse,
  type UnitsResponse,
} from './contract.ts';
import { readLineage } from './lineage.ts';
import { analyseShared } from './shared.ts';

// 监测分析: the engine's judgement of the stored data, with roll-ups, warnings and chart options built by the
// same pure functions the Word reports use (src/core/charts).

const everyone = { authenticated: true } as const;

// A page of a shared analysis is the same text for everyone who asks until the data change: it is built and
// serialised once per analysis and page (fifty people on the dashboard, one JSON.stringify).
const pages = new WeakMap<Analysis, Map<string, Promise<string>>>();

function sharedPage<T>(reply: FastifyReply, a: Analysis, page: string, build: () => T | Promise<T>): Promise<string> {
  let built = pages.get(a);
  if (!built) {
    built = new Map();
    pages.set(a, built);
  }
  let json = built.get(page);
  if (json === undefined) {
    const made = Promise.resolve()
      .then(build)
      .then((body) => JSON.stringify(body));
    made.catch(() => built.delete(page));
    built.set(page, made);
    json = made;
  }
  reply.type('application/json; charset=utf-8');
  return json;
}

export const analysisRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;

  // Every page reads the stored results (results.ts), shared between requests until the data change (shared.ts);
  // only the pages that show town lists load them (`towns`, named by its key).
  async function run(
    request: FastifyRequest,
    query: { basis: Basis; asOf?: number | undefined },
    towns: { key: string; pick: ReadOptions['towns'] } = { key: 'none', pick: () => false },
  ): Promise<Analysis> {
    const folderId = await cycleOf(db, request);
    const viewer = currentUser(request);
    const asOf = query.asOf ? { asOf: query.asOf } : {};
    return analyseShared(db, { folderId, basis: query.basis, viewer, ...asOf, towns: towns.pick }, towns.key);
  }

  app.get(
    '/analysis/overview',
    {
      schema: {
        tags: ['监测分析'],
        summary: '总览：达标率（分规划、分领域）、状态计数、预警清单',
        querystring: AnalysisQuery,
      },
      config: { access: everyone },
    },
    async (request, reply) => {
      const a = await run(request, request.query);
      return sharedPage(
        reply,
        a,
        'overview',
        (): OverviewResponse => ({
          basis: a.basis,
          asOf: a.asOf,
          demo: a.demo,
          byPlan: a.byPlan,
          byDomain: a.byDomain,
          warnings: warningsOf(a),
          charts: {
            domainRate: domainRateBarOption({
              title: '各领域监测指标达标率',
              demo: a.demo,
              bars: a.byDomain
                .filter((d) => d.rate !== null)
                .map((d) => ({ name: d.domainName, rate: (d.rate as number) * 100 })),
            }),
          },
        }),
      );
    },
  );

  app.get(
    '/analysis/units',
    {
      schema: { tags: ['监测分析'], summary: '按牵头单位的达标率', querystring: AnalysisQuery },
      config: { access: everyone },
    },
    async (request, reply) => {
      const a = await run(request, request.query);
      return sharedPage(
        reply,
        a,
        'units',
        (): UnitsResponse => ({
          basis: a.basis,
          asOf: a.asOf,
          demo: a.demo,
          byUnit: a.byUnit,
        }),
      );
    },
  );

  app.get(
    '/analysis/domains/:planId/:domainCode',
    {
      schema: {
        tags: ['监测分析'],
        summary: '领域：各指标的状态',
        params: z.object({ planId: z.string().max(100), domainCode: z.string().max(20) }),
        querystring: AnalysisQuery,
      },
      config: { access: everyone },
    },
    async (request, reply) => {
      const { planId, domainCode } = request.params;
      const a = await run(request, request.query, {
        key: `domain:${planId}/${domainCode}`,
        pick: (i) => i.planId === planId && i.domainCode === domainCode,
      });
      const row = a.byDomain.find((d) => d.planId === planId && d.domainCode === domainCode);
      if (!row) throw notFound('领域');
      return sharedPage(
        reply,
        a,
        `domain:${planId}/${domainCode}`,
        (): DomainResponse => ({
          basis: a.basis,
          asOf: a.asOf,
          demo: a.demo,
          domain: row,
          indicators: a.indicators
            .filter((i) => i.planId === planId && i.domainCode === domainCode)
            .map(({ result, ...i }) => ({
              ...i,
              status: result.status,
              warning: result.warning,
              statusReason: result.statusReason,
              latest: result.value,
              year: result.year,
            })),
        }),
      );
    },
  );

  app.get(
    '/analysis/indicators/:id',
    {
      schema: {
        tags: ['监测分析'],
        summary: '指标：评估结果、趋势图、分性别与分镇街',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: AnalysisQuery,
      },
      config: { access: everyone },
    },
    async (request, reply) => {
      const a = await run(request, request.query, {
        key: `indicator:${request.params.id}`,
        pick: (i) => i.id === request.params.id,
      });
      const item = a.indicators.find((i) => i.id === request.params.id);
      if (!item) throw notFound('指标');
      return sharedPage(reply, a, `indicator:${item.id}`, async () => {
        // 对比数据 change the analysis version (migration 0015), so they are read once per analysis and page.
        const references = (await referencesByIndicator(db, await cycleOf(db, request))).get(item.id) ?? [];
        return indicatorPage(a, item, references, await readLineage(db, item.id));
      });
    },
  );
};

/** The indicator page: the engine's result with its trend and town charts, and the 天津市/全国 figures. */
function indicatorPage(
  a: Analysis,
  item: Analysis['indicators'][number],
  references: IndicatorResponse['references'],
  lineage: IndicatorResponse['lineage'],
): IndicatorResponse {
  const r = item.result;
  const series = [{ name: '合计', values: item.values }];
  if (item.female && item.male) series.push({ name: '女', values: item.female }, { name: '男', values: item.male });
  const numericTarget = r.target !== null && r.ruleKind !== 'relational';
  return {
    basis: a.basis,
    asOf: a.asOf,
    demo: a.demo,
    indicator: item,
    warningSummary: r.warning ? plainWarning(item, item.targetYear) : null,
    references,
    lineage,
    charts: {
      trend: trendChartOption({
        title: `${item.name}（${item.unit}）`,
        unit: item.unit,
        years: item.years,
        series,
        ...(numericTarget ? { target: { value: r.target as number, label: `规划目标 ${item.target}` } } : {}),
        ...(r.projection &&
        r.year !== null &&
        r.value !== null &&
        r.ruleKind !== 'relational' &&
        r.year < item.targetYear
          ? {
              projection: {
                fromYear: r.year,
                toYear: item.targetYear,
                fromValue: r.value,
                toValue: r.projection.value,
              },
            }
          : {}),
        references: referenceSeries(item.years, references),
        demo: a.demo,
      }),
      towns: item.towns
        ? areaRankingOption({
            title: `${item.name}：各镇街（${r.year ?? ''}年）`,
            unit: item.unit,
            areas: item.towns.filter((t) => t.value !== null).map((t) => ({ name: t.area, value: t.value as number })),
            ...(numericTarget ? { target: { value: r.target as number, label: '目标' } } : {}),
          })
        : null,
    },
  };
}
