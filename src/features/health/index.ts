// The public face of the health feature: other features, the server and the CLI import only from here.

export { healthRoutes } from './routes.ts';
