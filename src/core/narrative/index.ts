// Narrative drafts of the monitoring and evaluation reports: pure functions from an analysis-shaped input to
// Chinese texts in the phrasing of the national monitoring reports. No I/O; imports only from core.
export {
  CONTEXT_FIGURES,
  type ContextFigureKey,
  type ContextFigures,
  type ContextProblem,
  type ContextYearFigures,
  checkContextFigures,
  contextText,
  EMPTY_CONTEXT_FIGURES,
} from './context.ts';
export {
  achievedRate,
  domainHeading,
  domainSummary,
  domainText,
  domainTier,
  type FinalCounts,
  finalCounts,
} from './domain.ts';
export {
  achievementsText,
  distinctIndicators,
  draftEvaluation,
  draftMonitoring,
  figures,
  finalCountWords,
  isDifficult,
  isVolatile,
  KEY,
  openingText,
  overall,
  paragraphsOf,
  plainWarning,
  practicesText,
  problemsText,
  processText,
  suggestionsText,
  UNITS_ANNEX,
  unitsAnnexRows,
  warningsText,
} from './drafts.ts';
export { percent, withUnit } from './format.ts';
export {
  changePhrase,
  changeWords,
  type FinalJudgement,
  finalClause,
  finalJudgement,
  indicatorSentence,
  isDirectionOnly,
  latestPair,
  pooledWords,
  targetClause,
  targetShort,
  valueText,
} from './indicator.ts';
export { referenceClause, referenceSentence, referencesOfYear } from './reference.ts';
export * from './types.ts';
