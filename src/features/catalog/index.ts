// The public face of the catalog feature: other features, the server and the CLI import only from here.

export { type ImportSummary, importCatalog } from './import.ts';
export { CatalogError, loadPlanFolder } from './load.ts';
export { readIndicatorNames } from './read.ts';
export { catalogRoutes } from './routes.ts';
