// The public face of the reports feature: other features, the server and the CLI import only from here.

export { contextFiguresKey, getContextFigures, setContextFigures } from './context-figures.ts';
export { ReportError, runReport } from './generate.ts';
export { type Block, heading, paragraph, type ReportDocument, type Table as ReportTable } from './model.ts';
export { renderOfficialDocx } from './render.ts';
export { reportRoutes } from './routes.ts';
export { buildStatWorkbook } from './xlsx/stat-table.ts';
