import fastifyMultipart from '@fastify/multipart';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_KINDS, SECTION_MAX_CHARS } from '../../core/documents.ts';
import { orgUnit } from '../../db/schema/index.ts';
import { AppError, notFound, outOfScope } from '../../kernel/errors.ts';
import { asJson } from '../../kernel/json.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import { canSeeUnit } from '../../kernel/scope.ts';
import { cycleOf } from '../../platform/cycles.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { sendFile } from '../../platform/download.ts';
import { actorOf, audit } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { currentUser } from '../auth/index.ts';
import type {
  AttachmentsResponse,
  DocumentDetail,
  DocumentList,
  DocumentOverview,
  DocumentResponse,
} from './contract.ts';
import {
  addAttachments,
  attachmentsOf,
  deleteAttachment,
  deleteDraft,
  documentHistory,
  documentOverview,
  findAttachment,
  findDocument,
  listDocuments,
  returnDocument,
  saveDocument,
  submitDocument,
  type UnitDocument,
  type UploadedFile,
  withdrawDocument,
} from './documents.ts';

// 单位文档: 实施方案, 年度工作报告, 评估报告 with attachments. Unit reporters and leaders manage their own unit's
// documents; the office, the statistics bureau and district leaders read all of them.

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 5;

const Id = z.coerce.number().int().positive('编号应为正整数');
const IdParams = z.object({ id: Id });
const Kind = z.enum(DOCUMENT_KINDS, {
  message: '文档类型应为 implementation_plan、annual_work_report 或 evaluation_report',
});
const Year = z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确');

const SaveBody = z.object({
  sections: z.record(z.string(), z.string().max(SECTION_MAX_CHARS, `每部分最多 ${SECTION_MAX_CHARS} 字`)),
  expectedVersion: z.number().int().min(0),
});

const ReturnBody = z.object({
  comment: z.string().trim().min(1, '请填写退回理由').max(2000, '退回理由最多 2000 字'),
});

const UNIT_ROLES = ['unit_reporter', 'unit_leader'] as const;
const READERS = ['office', 'statistics', 'district_leader', ...UNIT_ROLES] as const;

/** Out-of-scope documents answer 404, like missing ones. */
function assertDocumentInScope(user: SessionUser, doc: UnitDocument | undefined): asserts doc is UnitDocument {
  if (!doc) throw notFound('文档');
  if (!canSeeUnit(user, doc.unitId)) throw outOfScope('文档', { type: 'unit_document', id: doc.id });
}

function ownUnit(user: SessionUser): number {
  if (user.unitId === null) throw new AppError(403, 'FORBIDDEN', '只有成员单位的用户可以编辑本单位文档');
  return user.unitId;
}

export const documentRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database }) => {
  const { db } = database;
  // Registered here, not globally: only this plugin's upload route parses multipart bodies.
  // Browsers send UTF-8 file names (中文文件名); busboy (which receives these options) would read them as Latin-1.
  const busboyCharset = { defParamCharset: 'utf8' } as object;
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 10, parts: MAX_FILES + 10 },
    ...busboyCharset,
  });

  app.get(
    '/documents',
    {
      schema: {
        tags: ['单位文档'],
        summary: '单位文档列表（实施方案、年度工作报告、评估报告）；成员单位只看本单位',
        querystring: z.object({ year: Year.optional(), kind: Kind.optional(), unitId: Id.optional() }),
      },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<DocumentList> => {
      const user = currentUser(request);
      const unitId = ROLE_SCOPE[user.role] === 'own_unit' ? (user.unitId as number) : request.query.unitId;
      return asJson(
        await listDocuments(db, await cycleOf(db, request), {
          year: request.query.year,
          kind: request.query.kind,
          unitId,
        }),
      );
    },
  );

  app.get(
    '/documents/overview',
    {
      schema: {
        tags: ['单位文档'],
        summary: '各成员单位本年度文档报送情况（已提交、草稿、未提交）',
        querystring: z.object({ year: Year }),
      },
      config: { access: { roles: ['office', 'statistics', 'district_leader'] } },
    },
    async (request): Promise<DocumentOverview> =>
      asJson(await documentOverview(db, await cycleOf(db, request), request.query.year)),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags: ['单位文档'], summary: '文档详情：各部分内容、附件与修改记录', params: IdParams },
      config: { access: { roles: READERS } },
    },
    async (request): Promise<DocumentDetail> => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      const [unit] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, doc.unitId));
      return asJson({
        document: { ...doc, unitName: unit?.name ?? '' },
        attachments: await attachmentsOf(db, [doc.id]),
        history: await documentHistory(db, doc.id),
      });
    },
  );

  app.put(
    '/documents/:kind/:year',
    {
      schema: {
        tags: ['单位文档'],
        summary: '保存本单位文档草稿（实施方案的年份可为周期内任一年）；版本不符时 409',
        params: z.object({ kind: Kind, year: Year }),
        body: SaveBody,
      },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<DocumentResponse> => {
      const user = currentUser(request);
      const document = await saveDocument(db, actorOf(request), {
        folderId: await cycleOf(db, request),
        unitId: ownUnit(user),
        kind: request.params.kind,
        year: request.params.year,
        sections: request.body.sections,
        expectedVersion: request.body.expectedVersion,
      });
      return asJson({ document });
    },
  );

  app.post(
    '/documents/:id/submit',
    {
      schema: { tags: ['单位文档'], summary: '提交文档（必填部分须已填写）', params: IdParams },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<DocumentResponse> => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      return asJson({ document: await submitDocument(db, actorOf(request), doc) });
    },
  );

  app.post(
    '/documents/:id/withdraw',
    {
      schema: { tags: ['单位文档'], summary: '撤回已提交的文档，改回草稿', params: IdParams },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<DocumentResponse> => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      return asJson({ document: await withdrawDocument(db, actorOf(request), doc) });
    },
  );

  app.post(
    '/documents/:id/return',
    {
      schema: {
        tags: ['单位文档'],
        summary: '办公室退回已提交的文档（须写明退回理由；单位收到通知，修改后重新提交）',
        params: IdParams,
        body: ReturnBody,
      },
      config: { access: { roles: ['office'] } },
    },
    async (request): Promise<DocumentResponse> => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      return asJson({ document: await returnDocument(db, actorOf(request), doc, request.body.comment) });
    },
  );

  app.delete(
    '/documents/:id',
    {
      schema: { tags: ['单位文档'], summary: '删除草稿', params: IdParams },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request) => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      await deleteDraft(db, actorOf(request), doc);
      return { ok: true };
    },
  );

  app.post(
    '/documents/:id/attachments',
    {
      schema: {
        tags: ['单位文档'],
        summary: `上传附件（multipart；每个文件不超过 20 MB，每次最多 ${MAX_FILES} 个；仅 PDF、Word、PNG、JPEG，按内容识别）`,
        params: IdParams,
      },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request): Promise<AttachmentsResponse> => {
      const doc = await findDocument(db, request.params.id);
      assertDocumentInScope(currentUser(request), doc);
      if (!request.isMultipart()) {
        throw new AppError(400, 'VALIDATION_FAILED', '请以 multipart/form-data 方式上传文件');
      }
      const files: UploadedFile[] = [];
      try {
        for await (const part of request.files()) {
          files.push({ fileName: part.filename, bytes: await part.toBuffer() });
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError(413, 'FILE_TOO_LARGE', '单个文件不能超过 20 MB');
        }
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw new AppError(413, 'TOO_MANY_FILES', `每次最多上传 ${MAX_FILES} 个文件`);
        }
        throw error;
      }
      return asJson({ attachments: await addAttachments(db, actorOf(request), doc, files) });
    },
  );

  app.get(
    '/documents/attachments/:id',
    {
      schema: { tags: ['单位文档'], summary: '下载附件（保留原文件名）', params: IdParams },
      config: { access: { roles: READERS } },
    },
    async (request, reply) => {
      const found = await findAttachment(db, request.params.id);
      if (!found) throw notFound('附件');
      if (!canSeeUnit(currentUser(request), found.document.unitId)) {
        throw outOfScope('附件', { type: 'document_attachment', id: request.params.id });
      }
      const { attachment } = found;
      await audit(db, actorOf(request), {
        action: 'document.attachment.download',
        objectType: 'document_attachment',
        objectId: attachment.id,
        detail: attachment.fileName,
      });
      return sendFile(reply, attachment.bytes, attachment.fileName, attachment.mimeType);
    },
  );

  app.delete(
    '/documents/attachments/:id',
    {
      schema: { tags: ['单位文档'], summary: '删除草稿文档的附件', params: IdParams },
      config: { access: { roles: UNIT_ROLES } },
    },
    async (request) => {
      const found = await findAttachment(db, request.params.id);
      if (!found) throw notFound('附件');
      if (!canSeeUnit(currentUser(request), found.document.unitId)) {
        throw outOfScope('附件', { type: 'document_attachment', id: request.params.id });
      }
      await deleteAttachment(db, actorOf(request), found.attachment, found.document);
      return { ok: true };
    },
  );
};
