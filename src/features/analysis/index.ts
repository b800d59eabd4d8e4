// The public face of the analysis feature: other features, the server and the CLI import only from here.

export { type Analysis, analyse, type Basis, type IndicatorAnalysis } from './analyse.ts';
export { catchUpResults, rebuildResults, refreshResults, refreshSettled, refreshSoon } from './results.ts';
export { analysisRoutes } from './routes.ts';
