// The public face of the collection feature: other features, the server and the CLI import only from here.

export type { ReaderLimits } from './excel/read-in-worker.ts';
export { collectionRoutes } from './routes.ts';
export { openRound } from './submissions.ts';
export { uploadRoutes } from './upload-routes.ts';
export { saveValues, type ValueInput, writeHistory } from './values.ts';
