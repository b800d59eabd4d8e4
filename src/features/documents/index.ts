// The public face of the documents feature: other features, the server and the CLI import only from here.

export { documentRoutes } from './routes.ts';
