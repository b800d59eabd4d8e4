import type { FastifyInstance } from 'fastify';

// Every API route declares who may call it (ARCHITECTURE.md §6). A route without a declaration stops the
// server from starting, so no route can be added and forgotten.

/** Roles, as in GLOSSARY.md: 妇儿工委办公室, 统计局（监测组）, 填报员, 分管领导, 镇街填报员, 区领导, 系统管理员. */
export const ROLES = [
  'office',
  'statistics',
  'unit_reporter',
  'unit_leader',
  'town_reporter',
  'district_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export type Access =
  | { public: true }
  /** Any signed-in user (e.g. change one's own password). */
  | { authenticated: true }
  | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) {
      throw new Error(`路由 ${String(route.method)} ${route.url} 未声明访问权限（config.access）`);
    }
  });
}
