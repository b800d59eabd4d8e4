import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendXlsx } from '../../platform/download.ts';
import { refreshSoon } from '../analysis/index.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import type { UploadConfirmResponse, UploadPreviewResponse } from './contract.ts';
import { assertTemplateMatches, PreviewStore, previewRows } from './excel/preview.ts';
import { type ReaderLimits, readTemplateInWorker } from './excel/read-in-worker.ts';
import { buildTemplate, templateData, templateFileName } from './excel/template.ts';
import { assertInTask, editableTask, markInProgress, readableTask } from './scope.ts';
import { reporterName, taskValues } from './submissions.ts';
import { saveValues } from './values.ts';

// The Excel round trip of a round's task (issue 5): download the unit's prefilled template, upload it filled in
// for a preview (nothing written), confirm the preview (written through saveValues, all or nothing).
// The checks are those of PUT /rounds/:id/values (src/collection/scope.ts), plus the file's own (parse.ts).

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const Id = z.coerce.number().int().positive('编号应为正整数');
const RoundParams = z.object({ id: Id });
const TEMPLATE_READERS = ['unit_reporter', 'unit_leader', 'town_reporter', 'office', 'statistics'] as const;
const UPLOADERS = ['unit_reporter', 'town_reporter'] as const;

export interface UploadDeps extends AppDeps {
  /** The budget of reading one upload (read-in-worker.ts's defaults when absent; tests pass small ones). */
  readerLimits?: Partial<ReaderLimits> | undefined;
}

export const uploadRoutes: FastifyPluginAsyncZod<UploadDeps> = async (app, { database, readerLimits }) => {
  const { db } = database;
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const previews = new PreviewStore();

  app.get(
    '/rounds/:id/template.xlsx',
    {
      schema: {
        tags: ['数据填报'],
        summary: '下载本单位（或指定单位/镇街）的 Excel 填报模板（已填数据预填）',
        params: RoundParams,
        querystring: z.object({ unitId: Id.optional(), areaId: Id.optional() }),
      },
      config: { access: { roles: TEMPLATE_READERS } },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const task = await readableTask(db, user, request.params.id, request.query);
      const name = await reporterName(db, task.submission);
      const data = await templateData(db, task, name);
      const workbook = await buildTemplate(data);
      await audit(db, actorOf(request), {
        action: 'template.download',
        objectType: 'submission',
        objectId: task.submission.id,
        detail: `下载“${task.round.title}”${name}的填报模板，共 ${data.rows.length} 行`,
      });
      return sendXlsx(reply, workbook, templateFileName(data));
    },
  );

  app.post(
    '/rounds/:id/upload/preview',
    {
      schema: {
        tags: ['数据填报'],
        summary: '上传填好的 Excel 模板，预览将要导入的数据（不写入）',
        consumes: ['multipart/form-data'],
        params: RoundParams,
      },
      config: { access: { roles: UPLOADERS } },
    },
    async (request): Promise<UploadPreviewResponse> => {
      const user = currentUser(request);
      const task = await editableTask(db, user, request.params.id);
      const { buffer, fileName } = await readUpload(request);
      const parsed = await readTemplateInWorker(buffer, readerLimits);
      const name = await reporterName(db, task.submission);
      assertTemplateMatches(parsed, task, name);
      assertInTask(
        task.items,
        parsed.rows.map((r) => ({ ...r, areaId: task.reporter.kind === 'area' ? task.reporter.areaId : null })),
        (index) => ({ label: `第 ${parsed.rows[index]?.row} 行`, field: `row.${parsed.rows[index]?.row}` }),
      );
      const current = await taskValues(db, task.items);
      const result = await previewRows(db, parsed, task, current, {
        actor: actorOf(request),
        unitId: user.unitId,
        roundId: task.round.id,
        reason: `Excel 导入：${fileName}`,
      });
      const { token, expiresAt } = previews.put({
        userId: user.id,
        roundId: task.round.id,
        submissionId: task.submission.id,
        fileName,
        inputs: result.inputs,
        counts: result.counts,
      });
      return {
        previewToken: token,
        expiresAt: new Date(expiresAt).toISOString(),
        fileName,
        reporterName: name,
        counts: result.counts,
        rows: result.rows,
      };
    },
  );

  app.post(
    '/rounds/:id/upload/confirm',
    {
      schema: {
        tags: ['数据填报'],
        summary: '确认导入：一次性写入预览中的全部数据（全部成功或全部不写入）',
        params: RoundParams,
        body: z.object({ previewToken: z.string().min(1, '缺少预览编号').max(100) }),
      },
      config: { access: { roles: UPLOADERS } },
    },
    async (request): Promise<UploadConfirmResponse> => {
      const user = currentUser(request);
      const token = request.body.previewToken;
      const stored = previews.get(token, user.id);
      if (!stored || stored.roundId !== request.params.id) {
        throw new AppError(404, 'PREVIEW_NOT_FOUND', '预览不存在或已过期（预览保留 15 分钟），请重新上传文件');
      }
      // Whatever happens next, this preview has been used: a stale one must be uploaded again.
      previews.delete(token);
      const task = await editableTask(db, user, stored.roundId);
      if (task.submission.id !== stored.submissionId) {
        throw new AppError(409, 'CONFLICT', '填报任务已变化，请重新上传文件');
      }
      assertInTask(task.items, stored.inputs);
      const actor = actorOf(request);
      const { counts, fileName } = stored;
      const saved = await db.transaction(async (tx) => {
        const result = await saveValues(tx, stored.inputs, {
          actor,
          unitId: user.unitId,
          roundId: task.round.id,
          reason: `Excel 导入：${fileName}`,
          fieldPrefix: 'rows',
        });
        const changed = result.filter((v) => v.changed).length;
        if (changed > 0) await markInProgress(tx, task.submission, user.id);
        await audit(tx, actor, {
          action: 'upload.confirm',
          objectType: 'submission',
          objectId: task.submission.id,
          after: { fileName, counts },
          detail: `从 ${fileName} 导入：新增 ${counts.new} 条，修改 ${counts.changed} 条，未变 ${counts.unchanged} 条`,
        });
        return result;
      });
      refreshSoon(db, (error) => request.log.error({ err: error }, '分析结果刷新失败'));
      return {
        fileName,
        counts,
        written: saved.filter((v) => v.changed).length,
        warnings: saved.filter((v) => v.warnings.length > 0).length,
      };
    },
  );
};

async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'FILE_REQUIRED', '请以表单上传方式（multipart/form-data）选择一个 Excel 文件');
  }
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file();
    if (!file) throw new AppError(400, 'FILE_REQUIRED', '没有收到文件，请选择填好的 Excel（.xlsx）模板');
    return { buffer: await file.toBuffer(), fileName: decodeName(file.filename) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限，未导入。填报模板通常不到 1 MB，请检查是否选错了文件`,
      );
    }
    if (code === 'FST_FILES_LIMIT') throw new AppError(400, 'TOO_MANY_FILES', '一次只能上传一个文件');
    throw error;
  }
}

/** Browsers send the name as is; some clients percent-encode it. */
function decodeName(name: string | undefined): string {
  if (!name) return '未命名.xlsx';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
