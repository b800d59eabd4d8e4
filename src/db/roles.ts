import { sql } from 'drizzle-orm';
import type { Database } from './connection.ts';

// Two PostgreSQL roles (docs/security.md): the owner of the tables runs the migrations; the server runs every day
// as a role that does not own them, so it cannot disable the audit log's triggers, truncate it or change the
// schema. This grants that role exactly what the server needs, now and for the tables of later migrations.

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Why this role name cannot be used (Chinese), or null. */
export function appRoleProblem(role: string): string | null {
  return ROLE_NAME.test(role) ? null : `角色名“${role}”不合规：只能用小写字母、数字和下划线，且不以数字开头`;
}

/** Run as the tables' owner, after migrating. PostgreSQL only: PGlite has a single user. */
export async function grantAppRole(database: Database, role: string): Promise<void> {
  const problem = appRoleProblem(role);
  if (problem) throw new Error(problem);
  if (database.engine !== 'postgresql') throw new Error('嵌入式数据库（PGlite）只有一个用户，无需设置应用角色');
  const r = sql.raw(`"${role}"`);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`GRANT USAGE ON SCHEMA public TO ${r}`);
    await tx.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await tx.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    // Tables and sequences of later migrations, created by this owner.
    await tx.execute(
      sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    );
    await tx.execute(sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
    // The audit log is appended to; DELETE stays for the retention purge, which its trigger limits to old rows.
    await tx.execute(sql`REVOKE UPDATE, TRUNCATE ON audit_log FROM ${r}`);
    await tx.execute(sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migration FROM ${r}`);
  });
}
