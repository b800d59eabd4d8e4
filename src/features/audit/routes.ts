import { and, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditLog } from '../../db/schema/index.ts';
import { asJson } from '../../kernel/json.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { exceljs } from '../../platform/exceljs.ts';
import { actorOf, audit } from './audit.ts';
import type { AuditLogPage } from './contract.ts';

const Query = z.object({
  from: z.coerce.date({ message: '开始时间格式不正确' }).optional(),
  to: z.coerce.date({ message: '结束时间格式不正确' }).optional(),
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const RESULT_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;

function filters(q: z.infer<typeof Query>): SQL | undefined {
  const where: SQL[] = [];
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  if (q.username) where.push(eq(auditLog.username, q.username));
  if (q.action) where.push(ilike(auditLog.action, `${q.action}%`));
  if (q.result) where.push(eq(auditLog.result, q.result));
  return where.length ? and(...where) : undefined;
}

export const auditRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  const auditors = { roles: ['admin', 'office'] as const };

  app.get(
    '/audit',
    { schema: { tags: ['审计日志'], summary: '查询审计日志', querystring: Query }, config: { access: auditors } },
    async (request): Promise<AuditLogPage> => {
      const q = request.query;
      const rows = await db
        .select()
        .from(auditLog)
        .where(filters(q))
        .orderBy(desc(auditLog.id))
        .limit(q.pageSize + 1)
        .offset((q.page - 1) * q.pageSize);
      return asJson({ entries: rows.slice(0, q.pageSize), hasMore: rows.length > q.pageSize });
    },
  );

  app.get(
    '/audit/export.xlsx',
    {
      schema: { tags: ['审计日志'], summary: '导出审计日志（Excel）', querystring: Query },
      config: { access: auditors },
    },
    async (request, reply) => {
      const rows = await db
        .select()
        .from(auditLog)
        .where(filters(request.query))
        .orderBy(desc(auditLog.id))
        .limit(100_000);
      const workbook = new (exceljs().Workbook)();
      const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = [
        { header: '时间', key: 'at', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
        { header: '用户', key: 'username', width: 14 },
        { header: '单位/镇街', key: 'unitName', width: 20 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: '操作', key: 'action', width: 22 },
        { header: '对象', key: 'object', width: 18 },
        { header: '结果', key: 'result', width: 8 },
        { header: '说明', key: 'detail', width: 40 },
        { header: '变更前', key: 'before', width: 40 },
        { header: '变更后', key: 'after', width: 40 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const r of rows) {
        sheet.addRow({
          ...r,
          object: r.objectType ? `${r.objectType}#${r.objectId ?? ''}` : '',
          result: RESULT_LABELS[r.result],
          before: r.before === null ? '' : JSON.stringify(r.before),
          after: r.after === null ? '' : JSON.stringify(r.after),
        });
      }
      await audit(db, actorOf(request), { action: 'audit.export', detail: `导出 ${rows.length} 条` });
      return sendXlsx(reply, workbook, '审计日志.xlsx');
    },
  );
};
