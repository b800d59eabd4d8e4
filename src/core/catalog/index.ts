// Public surface of the plan catalog (pure: no I/O). The loader is src/catalog/load.ts.

export {
  COMPARATOR_SYMBOLS,
  COMPARATOR_WORDS,
  type DescribeContext,
  describeIndicatorTarget,
  describeRule,
  describeRuleShort,
  indicatorNames,
} from './describe.ts';
export { type CatalogJson, catalogIndicators, toCatalogJson } from './json.ts';
export { folderSchema, indicatorSchema, planSchema, targetRuleSchema } from './schema.ts';
export type {
  Catalog,
  CatalogProblem,
  Counts,
  Cycle,
  Disaggregation,
  Domain,
  FolderCycle,
  Goal,
  Indicator,
  IndicatorEntry,
  Measure,
  Plan,
  PlanFolder,
  PlanSection,
  SourceRef,
} from './types.ts';
export {
  type CatalogInput,
  formatPath,
  formatProblems,
  type ParsedFile,
  parsePath,
  type ValidationResult,
  validateCatalog,
} from './validate.ts';
