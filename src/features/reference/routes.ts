import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkReferenceValue, REFERENCE_SCOPE_LABELS } from '../../core/reference.ts';
import { AppError } from '../../kernel/errors.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import {
  ReferenceBody,
  type ReferenceImportResponse,
  ReferenceKeyParams,
  ReferenceListQuery,
  type ReferenceListResponse,
  type ReferenceSaveResponse,
} from './contract.ts';
import { planImport } from './import.ts';
import { type CatalogIndicator, deleteReference, folderCatalog, readReferences, upsertReference } from './store.ts';
import { buildReferenceWorkbook, parseReferenceWorkbook } from './xlsx.ts';

// 对比数据: the 天津市 and 全国 figures beside the district's. Everyone signed in reads them (the analysis page and the
// reports print them); only the office enters, imports and deletes them.

const tags = ['对比数据'];
const OFFICE = { access: { roles: ['office' as const] } };
const SIGNED_IN = { access: { authenticated: true as const } };
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const referenceRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  /** The indicator a code names, and the year checked against the cycle; errors name the field. */
  async function resolve(
    request: FastifyRequest,
    params: { code: string; year: number },
  ): Promise<{ folderId: string; ind: CatalogIndicator }> {
    const folderId = await cycleOf(db, request);
    const catalog = await folderCatalog(db, folderId);
    const ind = catalog.indicators.find((i) => i.code === params.code);
    if (!ind) throw new AppError(404, 'UNKNOWN_INDICATOR', `监测指标 ${params.code} 不存在`);
    if (!catalog.years.includes(params.year)) {
      const message = `年份应在 ${catalog.years[0]}—${catalog.years.at(-1)} 年之间`;
      throw new AppError(400, 'YEAR_OUT_OF_CYCLE', message, { fields: [{ field: 'params.year', message }] });
    }
    return { folderId, ind };
  }

  app.get(
    '/reference-values',
    {
      schema: { tags, summary: '各指标的天津市、全国对比数据（可按规划、年份筛选）', querystring: ReferenceListQuery },
      config: SIGNED_IN,
    },
    async (request): Promise<ReferenceListResponse> => {
      const { plan, year } = request.query;
      const folderId = await cycleOf(db, request);
      const [catalog, stored] = await Promise.all([folderCatalog(db, folderId), readReferences(db, folderId)]);
      return {
        folderId,
        plans: catalog.plans.map((p) => ({ id: p.id, shortTitle: p.shortTitle })),
        years: catalog.years,
        indicators: catalog.indicators
          .filter((i) => !plan || i.planId === plan)
          .map((i) => ({
            id: i.id,
            planId: i.planId,
            code: i.code,
            name: i.name,
            unit: i.unit,
            precision: i.precision,
            series: i.series,
            sameAs: i.sameAs,
            values: stored
              .filter((r) => r.indicatorCode === i.series && (year === undefined || r.year === year))
              .map(({ indicatorCode: _, updatedAt, ...r }) => ({ ...r, updatedAt: updatedAt.toISOString() })),
          })),
      };
    },
  );

  app.put(
    '/reference-values/:code/:scope/:year',
    {
      schema: {
        tags,
        summary: '填写或修改一个对比数据（指标、范围、年份）',
        params: ReferenceKeyParams,
        body: ReferenceBody,
      },
      config: OFFICE,
    },
    async (request): Promise<ReferenceSaveResponse> => {
      const { scope, year } = request.params;
      const { folderId, ind } = await resolve(request, request.params);
      const checked = checkReferenceValue(request.body.value, ind);
      if (!checked.ok) {
        const message = `${REFERENCE_SCOPE_LABELS[scope]}数值${checked.message}`;
        throw new AppError(400, 'VALUE_OUT_OF_RANGE', message, { fields: [{ field: 'body.value', message }] });
      }
      const key = { folderId, indicatorCode: ind.series, scope, year };
      const figure = { value: checked.value, source: request.body.source };
      await db.transaction((tx) => upsertReference(tx, actorOf(request), key, figure, 'entry'));
      const saved = (await readReferences(db, folderId)).find(
        (r) => r.indicatorCode === key.indicatorCode && r.scope === scope && r.year === year,
      )!;
      return { value: { ...saved, updatedAt: saved.updatedAt.toISOString() } };
    },
  );

  app.delete(
    '/reference-values/:code/:scope/:year',
    {
      schema: { tags, summary: '删除一个对比数据', params: ReferenceKeyParams },
      config: OFFICE,
    },
    async (request, reply) => {
      const { scope, year } = request.params;
      const { folderId, ind } = await resolve(request, request.params);
      const key = { folderId, indicatorCode: ind.series, scope, year };
      const deleted = await db.transaction((tx) => deleteReference(tx, actorOf(request), key));
      if (!deleted) {
        throw new AppError(404, 'NOT_FOUND', `${ind.name} ${year}年没有${REFERENCE_SCOPE_LABELS[scope]}对比数据`);
      }
      return reply.code(204).send();
    },
  );

  app.get(
    '/reference-values/template.xlsx',
    {
      schema: { tags, summary: '下载对比数据模板（含各指标和已保存的数据，即导出）' },
      config: SIGNED_IN,
    },
    async (request, reply) => {
      const folderId = await cycleOf(db, request);
      const [catalog, stored] = await Promise.all([folderCatalog(db, folderId), readReferences(db, folderId)]);
      await audit(db, actorOf(request), {
        action: 'reference.export',
        objectType: 'reference_value',
        detail: `下载对比数据表，已有数据 ${stored.length} 项`,
      });
      return sendXlsx(reply, buildReferenceWorkbook(catalog, stored), '对比数据（天津市、全国）.xlsx');
    },
  );

  app.post(
    '/reference-values/import',
    {
      schema: {
        tags,
        summary: '上传对比数据表：全部无误时一次写入，有误时不写入并列出问题',
        consumes: ['multipart/form-data'],
      },
      config: OFFICE,
    },
    async (request): Promise<ReferenceImportResponse> => {
      const { buffer, fileName } = await readUpload(request);
      const parsed = await parseReferenceWorkbook(buffer);
      if (!parsed.ok) throw new AppError(400, 'INVALID_FILE', parsed.message);
      const folderId = await cycleOf(db, request);
      const { figures, problems } = planImport(parsed.rows, await folderCatalog(db, folderId));
      if (problems.length > 0) {
        const shown = problems.slice(0, 5).map((p) => p.message);
        const more = problems.length > 5 ? `；另有 ${problems.length - 5} 处` : '';
        throw new AppError(
          400,
          'INVALID_IMPORT',
          `未导入任何数据，文件中有 ${problems.length} 处问题：${shown.join('；')}${more}`,
          { fields: problems.map((p) => ({ field: p.cell, message: p.message })) },
        );
      }
      if (figures.length === 0) {
        throw new AppError(400, 'EMPTY_IMPORT', '文件中没有填写任何对比数据（“天津市”“全国”两列都是空的）');
      }
      const actor = actorOf(request);
      const applied = await db.transaction(async (tx) => {
        let n = 0;
        for (const f of figures) if (await upsertReference(tx, actor, f.key, f, 'import')) n++;
        await audit(tx, actor, {
          action: 'reference.import',
          objectType: 'reference_value',
          detail: `从 ${fileName} 导入对比数据 ${figures.length} 项，其中新增或修改 ${n} 项`,
        });
        return n;
      });
      return { applied, unchanged: figures.length - applied };
    },
  );
};

async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'NO_FILE', '请以表单上传方式（multipart/form-data）选择一个 Excel 文件');
  }
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file();
    if (!file) throw new AppError(400, 'NO_FILE', '没有收到文件，请选择一个 Excel（.xlsx）文件');
    return { buffer: await file.toBuffer(), fileName: file.filename || '未命名.xlsx' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请检查是否选错了文件`);
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError(400, 'TOO_MANY_FILES', '一次只能上传一个文件');
    throw error;
  }
}
