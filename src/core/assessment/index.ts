// Public surface of the assessment and early-warning engine (METHODOLOGY.md; docs/methodology.md).
export { assessAll, assessIndicator } from './assess.ts';
export { difficultyName, statusName } from './codes.ts';
export { type AreaValue, type SexGap, sexGap, type TownDisparity, townDisparity, type YearValue } from './disparity.ts';
export { describeChange } from './phrasing.ts';
export { poissonInterval } from './poisson.ts';
export { type QualitativeItem, type RollupItem, type RollupRow, rollup } from './rollup.ts';
export { SeriesStore, type StoreShape, WARN_DIFFICULT, WARN_VOLATILE } from './store.ts';
export * from './types.ts';
