import path from 'node:path';
import { z } from 'zod';
import { BUNDLED_PLAN_DIR } from './paths.ts';

// Configuration comes from environment variables only (12-factor). Every variable is documented in .env.example.
// A bad value stops start-up with a message naming the variable and what it expects.

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  PORT: z.coerce
    .number({ message: '应为端口号（1–65535 的整数）' })
    .int('应为整数')
    .min(0, '不能小于 0')
    .max(65535, '不能大于 65535')
    .default(3000),
  HOST: z.string().min(1, '不能为空').default('127.0.0.1'),
  TIANPING_DATA_DIR: z.string().min(1, '不能为空').default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '应为 postgres://用户@主机:端口/数据库 形式的连接串')
    .optional(),
  TIANPING_PLAN_DIR: z.string().min(1, '不能为空').optional(),
  TIANPING_DEMO: booleanFlag.optional(),
  TIANPING_DEMO_DATA: booleanFlag.optional(),
  TIANPING_DEMO_THROUGH: z.coerce.number({ message: '应为年份' }).int('应为年份').min(2000).max(2100).optional(),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8, '不能少于 8（等保二级要求）').default(8),
  PASSWORD_MIN_CLASSES: z.coerce.number().int().min(3, '不能少于 3 类').max(4, '最多 4 类').default(3),
  PASSWORD_EXPIRY_DAYS: z.coerce.number().int().min(1, '至少 1 天').default(90),
  PASSWORD_EXPIRY_WARNING_DAYS: z.coerce.number().int().min(0).default(7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1, '至少 1 次').default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1, '至少 1 分钟').default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1, '至少 1 分钟').default(30),
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).max(10_000, '不能大于 10000').default(500),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1, '至少 1 小时').max(168, '最多 168 小时').default(12),
  SESSION_MAX_PER_USER: z.coerce.number().int().min(1, '至少 1 个').max(50, '最多 50 个').default(5),
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24, '最多 24 个').default(5),
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/,\s]*$/, '应为反向代理的 IP 地址或网段，多个用逗号分隔（如 127.0.0.1,10.0.0.0/8）')
    .optional(),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .regex(/^[\w.\-:,\s]*$/, '应为主机名列表，多个用逗号分隔')
    .default('qyapi.weixin.qq.com,oapi.dingtalk.com'),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180, '不能少于 180 天（日志留存要求）').default(365),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: '应为 fatal、error、warn、info、debug、trace 或 silent',
    })
    .default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the embedded database's data folder (unused when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  planDir: string;
  /** Demo mode: demo data and demo accounts. Defaults to on for the embedded engine, off on a PostgreSQL server. */
  demo: boolean;
  /** In demo mode, generate the demo data at first start (off: demo accounts on an empty database). */
  demoData: boolean;
  /** Demo data only through this year, every round approved (for walking the next round); default: all open. */
  demoThrough: number | undefined;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  /** Addresses of the reverse proxies whose X-Forwarded-For / -Proto are believed; empty: none (direct clients). */
  trustProxy: string[];
  /** Hosts a notice webhook may call (exact names); every other target is refused. */
  webhookAllowedHosts: string[];
  security: SecurityConfig;
}

/** Login security (等保2.0 二级 baseline); every value configurable. */
export interface SecurityConfig {
  passwordMinLength: number;
  passwordMinClasses: number;
  passwordExpiryDays: number;
  passwordExpiryWarningDays: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRateLimitPerMinute: number;
  /** Base of the progressive delay before a failed login is answered (doubles with each failure, ≤ 8 s). */
  loginFailureDelayMs: number;
  sessionIdleMinutes: number;
  /** Absolute lifetime of a session, however active. */
  sessionMaxHours: number;
  /** Open sessions per user; the oldest ends when a new one would exceed it. */
  sessionMaxPerUser: number;
  /** How many previous passwords cannot be taken again. */
  passwordHistory: number;
  auditRetentionDays: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，系统未启动：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // Empty strings count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `环境变量 ${String(issue.path[0])}：${issue.message}`));
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(cwd, c.TIANPING_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    // Unset: the bundled plan folder, wherever the server is started from.
    planDir: c.TIANPING_PLAN_DIR ? path.resolve(cwd, c.TIANPING_PLAN_DIR) : BUNDLED_PLAN_DIR,
    demo: c.TIANPING_DEMO ?? c.DATABASE_URL === undefined,
    demoData: c.TIANPING_DEMO_DATA ?? true,
    demoThrough: c.TIANPING_DEMO_THROUGH,
    logLevel: c.LOG_LEVEL,
    trustProxy: list(c.TRUST_PROXY),
    webhookAllowedHosts: list(c.WEBHOOK_ALLOWED_HOSTS).map((h) => h.toLowerCase()),
    security: {
      passwordMinLength: c.PASSWORD_MIN_LENGTH,
      passwordMinClasses: c.PASSWORD_MIN_CLASSES,
      passwordExpiryDays: c.PASSWORD_EXPIRY_DAYS,
      passwordExpiryWarningDays: c.PASSWORD_EXPIRY_WARNING_DAYS,
      loginMaxFailures: c.LOGIN_MAX_FAILURES,
      loginLockMinutes: c.LOGIN_LOCK_MINUTES,
      loginRateLimitPerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
      loginFailureDelayMs: c.LOGIN_FAILURE_DELAY_MS,
      sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
      sessionMaxHours: c.SESSION_MAX_HOURS,
      sessionMaxPerUser: c.SESSION_MAX_PER_USER,
      passwordHistory: c.PASSWORD_HISTORY,
      auditRetentionDays: c.AUDIT_RETENTION_DAYS,
    },
  };
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
