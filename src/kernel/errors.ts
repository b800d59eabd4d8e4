// One error shape for the whole API: a stable machine code, a Chinese message a person can act on, and, for
// bad input, the fields at fault. Handlers throw AppError; src/server/errors.ts sends it.

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

/**
 * A record that exists but lies outside the caller's data scope. Answered exactly like a missing record (404,
 * same body), so ids cannot be probed; the server writes it to the audit log (越权访问), rate-limited.
 */
export class OutOfScope extends AppError {
  constructor(
    what: string,
    readonly object?: { type: string; id: string | number },
  ) {
    super(404, 'NOT_FOUND', `${what}不存在`);
  }
}

export const outOfScope = (what: string, object?: { type: string; id: string | number }) =>
  new OutOfScope(what, object);
