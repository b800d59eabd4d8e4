// The public face of the admin feature: other features, the server and the CLI import only from here.

export { userRoutes } from './routes.ts';
export { AdminInputError, CLI_ACTOR, createUser, purgeAudit, resetPassword, unlockUser } from './users.ts';
