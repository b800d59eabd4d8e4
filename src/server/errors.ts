import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

// One error shape for the whole API: a stable machine code, a Chinese message a person can act on, and, for
// bad input, the fields at fault. Handlers throw AppError; anything else becomes INTERNAL without leaking detail.

export interface FieldProblem {
  /** Dotted path of the field, e.g. "values.3.female". */
  field: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldProblem[];
  [extra: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Omit<ErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在`);

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
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
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ code: error.code ?? 'BAD_REQUEST', message: `请求无效：${error.message}` });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系系统管理员' });
  });
}
