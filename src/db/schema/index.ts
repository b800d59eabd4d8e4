// The Drizzle schema, one file per feature. Each table here is created by a migration in ../migrations.
export * from './settings.ts';
