// The public face of the plans feature: drafting a plan folder from an issued plan document.

export { DraftError, documentText, draftFiles, draftFromDocument, writeDraftFolder } from './draft.ts';
export { loadWholeFolder, type WholeFolder } from './folder.ts';
