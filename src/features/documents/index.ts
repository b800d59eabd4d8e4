// The public face of the documents feature: other features, the server and the CLI import only from here.

export {
  checkAttachments,
  cleanFileName,
  documentCycle,
  type StepOptions,
  saveDocument,
  submitDocument,
} from './documents.ts';
export {
  ACCEPTED_DESCRIPTION,
  attachmentName,
  attachmentProblem,
  type DetectedType,
  detectFileType,
} from './filetype.ts';
export { documentRoutes } from './routes.ts';
