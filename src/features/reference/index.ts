// The public face of the reference-value (对比数据) feature: other features, the server and the CLI import only
// from here.

export { referenceRoutes } from './routes.ts';
export {
  deleteReference,
  folderCatalog,
  readReferences,
  referencesByIndicator,
  upsertReference,
} from './store.ts';
