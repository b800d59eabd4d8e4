// The public face of the inspections feature: other features, the server and the CLI import only from here.

export { addFinding, addRectification, findFinding, planInspection } from './inspections.ts';
export { inspectionRoutes } from './routes.ts';
