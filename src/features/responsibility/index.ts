// The public face of the responsibility feature: other features, the server and the CLI import only from here.

export { responsibilityRoutes } from './routes.ts';
export { seedResponsibility } from './seed.ts';
