// The public face of the supervision feature: other features, the server and the CLI import only from here.

export { supervisionRoutes } from './routes.ts';
export { remindOverdueSupervision } from './overdue.ts';
