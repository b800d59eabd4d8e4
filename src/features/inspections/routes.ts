import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import { currentUser } from '../auth/index.ts';
import { checkDeadline } from '../tasks/index.ts';
import { AddFinding, AddRectification, PlanInspection } from './contract.ts';
import {
  addAttachments,
  addFinding,
  addRectification,
  findAttachment,
  findFinding,
  findInspection,
  inspectionDetail,
  listInspections,
  planInspection,
  type UploadedFile,
} from './inspections.ts';

// 督导检查: the office plans, records findings with attachments, issues 整改 items; units read their own.

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 5;
const Id = z.object({ id: z.coerce.number().int().positive('编号应为正整数') });
const READERS = ['office', 'statistics', 'unit_reporter', 'unit_leader', 'district_leader'] as const;

export const inspectionRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  const busboyCharset = { defParamCharset: 'utf8' } as object;
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10 },
    ...busboyCharset,
  });

  app.get(
    '/inspections',
    {
      schema: {
        tags: ['督导检查'],
        summary: '督导检查列表（成员单位只看本单位被检查的）',
        querystring: z.object({
          year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional(),
        }),
      },
      config: { access: { roles: READERS } },
    },
    async (request) => ({ inspections: await listInspections(db, currentUser(request), request.query.year) }),
  );

  app.get(
    '/inspections/:id',
    {
      schema: { tags: ['督导检查'], summary: '督导检查详情：被检查单位、检查发现、附件和整改事项', params: Id },
      config: { access: { roles: READERS } },
    },
    async (request) => inspectionDetail(db, currentUser(request), request.params.id),
  );

  app.post(
    '/inspections',
    {
      schema: {
        tags: ['督导检查'],
        summary: '制定督导检查计划（被检查单位或镇街、关联目标和指标、检查人员、时间）',
        body: PlanInspection,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request) => ({ inspection: await planInspection(db, actorOf(request), request.body) }),
  );

  app.post(
    '/inspections/:id/findings',
    {
      schema: { tags: ['督导检查'], summary: '记录对某一被检查单位的检查发现', params: Id, body: AddFinding },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      const row = await findInspection(db, currentUser(request), request.params.id);
      return { finding: await addFinding(db, actorOf(request), row, request.body) };
    },
  );

  app.post(
    '/inspections/findings/:id/attachments',
    {
      schema: {
        tags: ['督导检查'],
        summary: `上传检查发现的照片或文件（multipart；每个不超过 20 MB，每次最多 ${MAX_FILES} 个；仅 PDF、Word、PNG、JPEG，按内容识别）`,
        params: Id,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      const found = await findFinding(db, currentUser(request), request.params.id);
      if (!request.isMultipart()) throw new AppError(400, 'VALIDATION_FAILED', '请以 multipart/form-data 方式上传文件');
      const files: UploadedFile[] = [];
      try {
        for await (const part of request.files()) files.push({ fileName: part.filename, bytes: await part.toBuffer() });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', '单个文件不能超过 20 MB');
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw new AppError(413, 'TOO_MANY_FILES', `每次最多上传 ${MAX_FILES} 个文件`);
        }
        throw error;
      }
      return { attachments: await addAttachments(db, actorOf(request), found.finding.id, files) };
    },
  );

  app.get(
    '/inspections/attachments/:id',
    {
      schema: { tags: ['督导检查'], summary: '下载检查发现的附件（保留原文件名）', params: Id },
      config: { access: { roles: READERS } },
    },
    async (request, reply) => {
      const a = await findAttachment(db, currentUser(request), request.params.id);
      await audit(db, actorOf(request), {
        action: 'inspection.attachment.download',
        objectType: 'inspection_attachment',
        objectId: a.id,
        detail: a.fileName,
      });
      return sendFile(reply, a.bytes, a.fileName, a.mimeType);
    },
  );

  app.post(
    '/inspections/findings/:id/rectifications',
    {
      schema: {
        tags: ['督导检查'],
        summary: '就检查发现交办整改事项（责任单位、整改要求、期限）',
        params: Id,
        body: AddRectification,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request) => {
      checkDeadline(request.body.deadline, 'body.deadline');
      const found = await findFinding(db, currentUser(request), request.params.id);
      return { task: await addRectification(db, actorOf(request), found, request.body) };
    },
  );
};
