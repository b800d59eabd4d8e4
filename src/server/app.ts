import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noteChange } from '../db/changes.ts';
import { userRoutes } from '../features/admin/index.ts';
import { analysisRoutes } from '../features/analysis/index.ts';
import { auditRoutes } from '../features/audit/index.ts';
import { authRoutes } from '../features/auth/index.ts';
import { catalogRoutes } from '../features/catalog/index.ts';
import { collectionRoutes, type ReaderLimits, uploadRoutes } from '../features/collection/index.ts';
import { documentRoutes } from '../features/documents/index.ts';
import { healthRoutes } from '../features/health/index.ts';
import { inspectionRoutes } from '../features/inspections/index.ts';
import { meetingRoutes } from '../features/meetings/index.ts';
import { noticeRoutes } from '../features/notices/index.ts';
import { organisationRoutes } from '../features/organisation/index.ts';
import { cycleRoutes, planDraftRoutes } from '../features/plans/index.ts';
import { referenceRoutes } from '../features/reference/index.ts';
import { reportRoutes } from '../features/reports/index.ts';
import { responsibilityRoutes } from '../features/responsibility/index.ts';
import { supervisionRoutes } from '../features/supervision/index.ts';
import { taskRoutes } from '../features/tasks/index.ts';
import type { AppDeps } from '../platform/deps.ts';
import { projectPath } from '../platform/paths.ts';
import { VERSION } from '../platform/version.ts';
import { registerAccessControl } from './access.ts';
import { registerErrorHandling } from './errors.ts';
import { registerInputGuard } from './input-guard.ts';

// Validation messages in Chinese, for the API and the CLI alike.
z.config(z.locales.zhCN());

export const WEB_DIST = projectPath('dist', 'web');

export interface BuildOptions extends AppDeps {
  /** Fastify's logger setting; tests pass false. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** The budget of reading one uploaded template (heap, time); the defaults of read-in-worker.ts when absent. */
  readerLimits?: Partial<ReaderLimits>;
}

/** One log line per request, when it is answered (with its method and address), instead of Fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error)
      reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For / -Proto are believed only from the configured reverse proxies (TRUST_PROXY); from anyone
    // else they are ignored, so a client cannot choose the address the rate limit, lockout and audit log see.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    logController: new OneLinePerRequest(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, database);
  registerInputGuard(app);
  // API answers carry personal and unpublished data: never kept by a browser or proxy cache.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    // The writer's next request must see its write even before PostgreSQL's change notice arrives (src/db/changes.ts).
    if (request.method !== 'GET' && request.method !== 'HEAD') noteChange(database.db);
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    hsts: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  registerAccessControl(app, { config, database });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '天平 Tianping API', description: '妇女儿童发展规划监测评估系统接口', version: VERSION },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const deps: AppDeps = { config, database };
  await app.register(
    async (api) => {
      await api.register(healthRoutes, deps);
      await api.register(authRoutes, deps);
      await api.register(organisationRoutes, deps);
      await api.register(responsibilityRoutes, deps);
      await api.register(userRoutes, deps);
      await api.register(auditRoutes, deps);
      await api.register(collectionRoutes, deps);
      await api.register(uploadRoutes, { ...deps, readerLimits: options.readerLimits });
      await api.register(catalogRoutes, deps);
      await api.register(cycleRoutes, deps);
      await api.register(analysisRoutes, deps);
      await api.register(supervisionRoutes, deps);
      await api.register(documentRoutes, deps);
      await api.register(noticeRoutes, deps);
      await api.register(referenceRoutes, deps);
      await api.register(reportRoutes, deps);
      await api.register(taskRoutes, deps);
      await api.register(inspectionRoutes, deps);
      await api.register(meetingRoutes, deps);
      await api.register(planDraftRoutes, deps);
    },
    { prefix: '/api' },
  );

  await serveWebApp(app);
  return app;
}

/** The built web app from the same port; any non-API path falls back to index.html for client-side routes. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: 'index.html',
      // .br and .gz written at build (web/precompress.ts): sent as the browser accepts, never compressed per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, file) {
        // Vite's hashed assets never change under their name; index.html names the current ones, so it is
        // revalidated on every load (a new release is seen at once).
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url}` });
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('网页尚未构建：请先运行 npm run build（npm start 会自动构建）。');
    }
    return reply.sendFile('index.html');
  });
}
