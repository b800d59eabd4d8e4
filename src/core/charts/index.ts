// Chart-option builders shared by the web (ECharts in the browser) and the report renderer
// (ECharts SSR): pure functions, type-only imports from echarts, no DOM and no Node APIs.
export { type AreaRankingInput, areaRankingOption } from './area-ranking.ts';
export { type DomainRateInput, domainRateBarOption } from './domain-rate.ts';
export { COLOR, DEMO_MARK, FONT_FAMILY } from './style.ts';
export { PROJECTION_NAME, type TrendChartInput, trendChartOption } from './trend.ts';
