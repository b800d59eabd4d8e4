// The public face of the responsibility feature: other features, the server and the CLI import only from here.

export { loadResponsibility, ResponsibilityFileError } from './load.ts';
export { responsibilityRoutes } from './routes.ts';
export { applyDefaultAssignments, seedResponsibility } from './seed.ts';
