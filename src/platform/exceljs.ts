import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// exceljs is loaded at its first use, not at every server start: with the zip libraries it brings it was a quarter
// of a second of each start (issue 16, cold start ≤ 3 s). It is CommonJS, so `require` loads it synchronously and
// the workbook builders stay synchronous.
const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

export function exceljs(): typeof ExcelJS {
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
