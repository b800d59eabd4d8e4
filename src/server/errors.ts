import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Database } from '../db/connection.ts';
import { actorOf, auditRefusal } from '../features/audit/index.ts';
import { AppError, type ErrorBody, OutOfScope } from '../kernel/errors.ts';

/** Refused workflow steps: audited (rate-limited) like other refusals. */
const REFUSED_STEPS = new Set([
  'INVALID_TRANSITION',
  'SUBMISSION_NOT_EDITABLE',
  'NOT_SUBMITTED',
  'ALREADY_SUBMITTED',
  'ROUND_CLOSED',
  'DOCUMENT_SUBMITTED',
  'VALUE_LOCKED',
  'NOT_IN_TASK',
  'PREVIEW_NOT_YOURS',
  'FORBIDDEN',
]);

/**
 * Database errors that come from the request's input, not from a fault: answered as 4xx (the transaction they
 * happened in is rolled back, so nothing changed). The fields are not known here; the message says what to fix.
 */
function databaseInputError(error: unknown): AppError | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (code === '23505')
        return new AppError(409, 'CONFLICT', '该记录已存在（可能他人刚刚保存了同一条），请刷新后再试');
      if (code === '23503') return new AppError(409, 'CONFLICT', '引用的记录不存在或已被删除，请刷新后再试');
      if (code === '40001' || code === '40P01') return new AppError(409, 'CONFLICT', '与他人的操作冲突，请稍后重试');
      if (code === '22003') return new AppError(400, 'VALIDATION_FAILED', '输入有误：编号或数值超出允许范围');
      if (code === '22021' || code === '22P05' || code === '22P02' || code === '22007' || code === '22008') {
        return new AppError(400, 'VALIDATION_FAILED', '输入有误：含有无法保存的字符或格式（如空字符）');
      }
      if (code === '54000') return new AppError(413, 'TOO_LARGE', '输入内容过长，无法保存');
      return undefined;
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

// The API's one error handler: AppError as thrown, schema failures as VALIDATION_FAILED with the fields, anything
// else as INTERNAL without leaking detail. Refusals by scope and refused workflow steps are audited (越权访问).
export function registerErrorHandling(app: FastifyInstance, database?: Database): void {
  const auditError = async (request: FastifyRequest, error: AppError) => {
    if (!database) return;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    try {
      if (error instanceof OutOfScope) {
        await auditRefusal(database.db, actorOf(request), {
          action: 'access.out_of_scope',
          objectType: error.object?.type ?? 'route',
          objectId: error.object?.id ?? route,
          detail: `越权访问：${route}`,
        });
      } else if (REFUSED_STEPS.has(error.code)) {
        await auditRefusal(database.db, actorOf(request), {
          action: 'workflow.refused',
          objectType: 'route',
          objectId: route,
          detail: `${error.code}：${error.message}`.slice(0, 500),
        });
      }
    } catch (e) {
      request.log.error(e, '写入审计日志失败');
    }
  };

  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      await auditError(request, error);
      return reply.status(error.statusCode).send({ code: error.code, message: error.message, ...error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? '取值不合规',
      }));
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `输入有误：${fields.map((f) => `${f.field} ${f.message}`).join('；')}`,
        fields,
      } satisfies ErrorBody);
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    const fromInput = databaseInputError(error);
    if (fromInput) {
      return reply.status(fromInput.statusCode).send({ code: fromInput.code, message: fromInput.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: error.code ?? 'BAD_REQUEST', message: requestProblem(error) });
    }
    // Multipart parsing faults (no boundary, truncated body) are the request's, not the server's.
    if (typeof error.code === 'string' && /MULTIPART|BUSBOY/i.test(error.code)) {
      return reply
        .status(400)
        .send({ code: 'BAD_MULTIPART', message: '上传请求格式有误（multipart 不完整），请重新选择文件上传' });
    }
    if (/boundary|multipart|Unexpected end of form/i.test(String(error.message))) {
      return reply
        .status(400)
        .send({ code: 'BAD_MULTIPART', message: '上传请求格式有误（multipart 不完整），请重新选择文件上传' });
    }
    request.log.error({ err: redacted(error) }, '请求处理失败');
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系系统管理员' });
  });
}

/** A Chinese message for Fastify's own 4xx errors (bad JSON, wrong content type, body too large). */
function requestProblem(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '请求的内容类型不受支持';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求内容过大';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求内容为空，应为 JSON';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_BAD_JSON':
      return '请求内容不是有效的 JSON';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求长度与内容不符';
    default:
      if (error instanceof SyntaxError) return '请求内容不是有效的 JSON';
      return '请求无效，请检查后重试';
  }
}

/**
 * The error as logged: Drizzle puts the query's parameters into its message ("params: …"), and those can be a
 * password hash or personal data; the log keeps the query and the cause's code, never the values.
 */
function redacted(error: Error): { type: string; message: string; code?: string; stack?: string } {
  const clean = (text: string | undefined) => (text ?? '').replace(/params:[\s\S]*/, 'params: [已隐去]');
  const cause = (error as { cause?: { code?: unknown; message?: string } }).cause;
  return {
    type: error.name,
    message: clean(error.message) + (cause?.message ? ` — ${cause.message}` : ''),
    ...(typeof cause?.code === 'string' ? { code: cause.code } : {}),
    ...(error.stack ? { stack: clean(error.stack) } : {}),
  };
}
