// The public face of the audit feature: other features, the server and the CLI import only from here.

export { type Actor, ANONYMOUS, actorOf, audit, auditRefusal, purgeAuditLog } from './audit.ts';
export { auditRoutes } from './routes.ts';
