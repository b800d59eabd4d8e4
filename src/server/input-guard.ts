import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/errors.ts';

// Input the database cannot store or the schemas do not catch, refused before any handler runs (so nothing is
// written): a NUL character (PostgreSQL text refuses it), a lone UTF-16 surrogate (not valid Unicode; jsonb
// refuses it), and an id beyond PostgreSQL's integer (2,147,483,647). Each answer names the field.

const MAX_INT = 2_147_483_647;
const ID_KEY = /^(id|.*Id|.*Ids)$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemIn(value: unknown, path: string, key: string, depth = 0): { field: string; message: string } | null {
  if (depth > 32) return { field: path, message: '嵌套层级过深' };
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field: path, message: '含有空字符（\\0），请删除后重试' };
    if (LONE_SURROGATE.test(value))
      return { field: path, message: '含有无效的字符编码（不成对的代理字符），请删除后重试' };
    if (ID_KEY.test(key) && /^\d+$/.test(value) && Number(value) > MAX_INT) {
      return { field: path, message: '编号超出范围' };
    }
    return null;
  }
  if (typeof value === 'number') {
    if (ID_KEY.test(key) && Math.abs(value) > MAX_INT) return { field: path, message: '编号超出范围' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = problemIn(value[i], `${path}.${i}`, key, depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const kp = problemIn(k, `${path}.${k}`, '', depth + 1);
      if (kp) return kp;
      const p = problemIn(v, `${path}.${k}`, k, depth + 1);
      if (p) return p;
    }
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      if (value === undefined || value === null || Buffer.isBuffer(value)) continue;
      const p = problemIn(value, part, part === 'params' ? 'id' : '');
      if (p) {
        throw new AppError(400, 'VALIDATION_FAILED', `输入有误：${p.field} ${p.message}`, { fields: [p] });
      }
    }
  });
}
