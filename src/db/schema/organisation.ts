import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Role } from '../../kernel/roles.ts';
import { indicator, measure } from './catalog.ts';

export const orgUnit = pgTable('org_unit', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  kind: text('kind').$type<'office' | 'member'>().notNull(),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  position: integer('position').notNull(),
  active: boolean('active').notNull().default(true),
  confirmed: boolean('confirmed').notNull().default(false),
});

/** 机构更名: a name the unit had before, until the moment it was renamed (migration 0020). */
export const orgUnitFormerName = pgTable('org_unit_former_name', {
  id: serial('id').primaryKey(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull().defaultNow(),
});

export const area = pgTable('area', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  kind: text('kind').$type<'street' | 'town'>().notNull(),
  position: integer('position').notNull(),
  active: boolean('active').notNull().default(true),
});

export const appUser = pgTable('app_user', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<Role>().notNull(),
  unitId: integer('unit_id').references(() => orgUnit.id),
  areaId: integer('area_id').references(() => area.id),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  disabled: boolean('disabled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

export const userSession = pgTable('user_session', {
  id: text('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** The mode the session was opened in; a session of the other mode is refused (migration 0009). */
  mode: text('mode').$type<'demo' | 'production'>().notNull().default('production'),
});

/** Failed logins per username (as typed) and client address (migration 0009). */
export const loginFailure = pgTable(
  'login_failure',
  {
    username: text('username').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    locks: integer('locks').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.username, t.client] })],
);

/** Previous password hashes, newest last (migration 0009). */
export const passwordHistory = pgTable('password_history', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const responsibility = pgTable('responsibility', {
  id: serial('id').primaryKey(),
  indicatorId: integer('indicator_id').references(() => indicator.id, { onDelete: 'cascade' }),
  measureId: integer('measure_id').references(() => measure.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnit.id),
  role: text('role').$type<'lead' | 'partner'>().notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id'),
  username: text('username'),
  unitName: text('unit_name'),
  ip: text('ip'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  result: text('result').$type<'success' | 'failure' | 'denied'>().notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  detail: text('detail'),
});
