// Narrative drafts of the monitoring and evaluation reports: pure functions from an analysis-shaped input to
// Chinese texts in the phrasing of the national monitoring reports. No I/O; imports only from core.
export { domainHeading, domainSummary, domainTier } from './domain.ts';
export {
  domainText,
  draftEvaluation,
  draftMonitoring,
  KEY,
  openingText,
  overall,
  paragraphsOf,
  problemsText,
  processText,
  suggestionsText,
  warningsText,
} from './drafts.ts';
export { percent, withUnit } from './format.ts';
export { changePhrase, indicatorSentence, targetClause, targetShort, valueText } from './indicator.ts';
export * from './types.ts';
