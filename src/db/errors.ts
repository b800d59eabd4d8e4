// Recognising PostgreSQL errors the same way on both drivers (node-postgres and PGlite both expose SQLSTATE).

interface PgLikeError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function pgError(error: unknown): PgLikeError | undefined {
  // Drizzle wraps driver errors; the driver's error is the cause.
  let e = error as PgLikeError | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as PgLikeError | undefined;
  }
  return undefined;
}

/** The violated constraint's name when the error is a unique violation (23505), else undefined. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = pgError(error);
  return e?.code === '23505' ? (e.constraint ?? 'unique') : undefined;
}
