import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, audit, auditRefusal } from '../features/audit/index.ts';
import { CSRF_HEADER, loadSession, modeOf, SESSION_COOKIE } from '../features/auth/index.ts';
import { AppError } from '../kernel/errors.ts';
import { ROLE_LABELS, type Role } from '../kernel/roles.ts';
import type { AppDeps } from '../platform/deps.ts';

// Authorization lives on the server, declared per route and checked here, in one place (ARCHITECTURE.md §6).
// Every /api route declares `config.access`; a route without one stops the server from starting, so no route
// can be added and forgotten. Data scope (own unit, own town) is applied by each feature's queries through
// `scopeOf` in ./scope.ts.

export type Access =
  | { public: true }
  /** Any signed-in user. `duringPasswordChange`: also before a forced password change (the auth routes). */
  | { authenticated: true; duringPasswordChange?: true }
  | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
  /** The route's zod schemas (body, params, querystring), for the fuzz test's generators. */
  schema?: { body?: unknown; params?: unknown; querystring?: unknown };
}

/** Every /api route of an app with its declared access, as registered (for the authorization-matrix test). */
const registeredRoutes = new WeakMap<FastifyInstance, RouteInfo[]>();
export function apiRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return registeredRoutes.get(app) ?? [];
}

export function routeAccess(request: FastifyRequest): Access | undefined {
  return (request.routeOptions.config as { access?: Access } | undefined)?.access;
}

export function registerAccessControl(app: FastifyInstance, { config, database }: AppDeps): void {
  const routes: RouteInfo[] = [];
  registeredRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) {
      throw new Error(`路由 ${String(route.method)} ${route.url} 未声明访问权限（config.access）`);
    }
    const schema = route.schema as RouteInfo['schema'];
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, access, ...(schema ? { schema } : {}) });
    }
  });

  const policy = { security: config.security, mode: modeOf(config.demo) };
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = routeAccess(request);
    if (!access) {
      // The API documentation is public in demo mode only; in production it needs a signed-in user.
      if (!config.demo && request.url.startsWith('/api/docs')) {
        const token = request.cookies[SESSION_COOKIE];
        const lookup = token ? await loadSession(database.db, token, policy) : { kind: 'none' as const };
        if (lookup.kind !== 'ok') throw new AppError(401, 'UNAUTHENTICATED', '请先登录后查看接口文档');
      }
      return; // not an API route (static files, 404)
    }
    const token = request.cookies[SESSION_COOKIE];
    const lookup = token ? await loadSession(database.db, token, policy) : { kind: 'none' as const };
    if (lookup.kind === 'ok') request.session = lookup.session;
    else if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if ('public' in access) return;

    const session = request.session;
    if (!session) {
      throw lookup.kind === 'expired'
        ? new AppError(
            401,
            'SESSION_EXPIRED',
            `长时间未操作（超过 ${config.security.sessionIdleMinutes} 分钟），请重新登录`,
          )
        : new AppError(401, 'UNAUTHENTICATED', '请先登录');
    }
    if (STATE_CHANGING.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      await auditRefusal(database.db, actorOf(request), {
        action: 'access.csrf_failed',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url}`,
        detail: request.headers[CSRF_HEADER] ? 'CSRF 令牌不符' : '缺少 CSRF 令牌',
      });
      throw new AppError(403, 'CSRF_INVALID', '请求校验失败（CSRF），请刷新页面后重试');
    }
    const duringPasswordChange = 'authenticated' in access && access.duringPasswordChange === true;
    if (session.user.mustChangePassword && !duringPasswordChange) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改密码（首次登录、管理员重置或密码已过期）');
    }
    if ('roles' in access && !access.roles.includes(session.user.role)) {
      await audit(database.db, actorOf(request), {
        action: 'access.denied',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url}`,
        result: 'denied',
      });
      throw new AppError(403, 'FORBIDDEN', `您的角色（${ROLE_LABELS[session.user.role]}）无权执行此操作`);
    }
  });
}
