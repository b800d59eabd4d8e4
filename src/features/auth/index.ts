// The public face of the auth feature: other features, the server and the CLI import only from here.

export { ensureDemoAccounts } from './demo-accounts.ts';
export { clearLoginFailures } from './lockout.ts';
export { recordPasswordChange } from './password-history.ts';
export { hashPassword } from './passwords.ts';
export { authRoutes } from './routes.ts';
export {
  CSRF_HEADER,
  currentUser,
  deleteUserSessions,
  loadSession,
  modeOf,
  removeStaleSessions,
  SESSION_COOKIE,
  type SessionUser,
} from './sessions.ts';
