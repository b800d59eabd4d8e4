// The public face of the plans feature: drafting a plan folder from an issued plan document, checking a whole
// folder, publishing it into the running system as a cycle, and 规划管理 (curating, exporting and publishing a
// draft in the UI).

export { cycleRoutes } from './cycle-routes.ts';
export { DraftError, documentText, draftFiles, draftFromDocument, writeDraftFolder } from './draft.ts';
export { loadWholeFolder, type WholeFolder } from './folder.ts';
export {
  makeCurrentCycle,
  type PublishOptions,
  type PublishSummary,
  publishFolder,
  publishIfChanged,
} from './publish.ts';
export { planDraftRoutes } from './routes.ts';
