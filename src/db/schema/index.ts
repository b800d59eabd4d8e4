// The Drizzle schema, one file per feature. Each table here is created by a migration in ../migrations.

export * from './catalog.ts';
export * from './collection.ts';
export * from './documents.ts';
export * from './organisation.ts';
export * from './plans.ts';
export * from './reference.ts';
export * from './reports.ts';
export * from './settings.ts';
export * from './supervision.ts';
export * from './work.ts';
