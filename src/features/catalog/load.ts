// The I/O shell around the pure catalog: reads a plan folder (folder.yaml + the plan files it lists), reports
// YAML syntax errors and missing files with file and line, and hands the parsed data to validateCatalog.
// All or nothing: any problem throws CatalogError and nothing is loaded.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import {
  type Catalog,
  type CatalogProblem,
  formatProblems,
  type ParsedFile,
  parsePath,
  validateCatalog,
} from '../../core/catalog/index.ts';
import { BUNDLED_PLAN_DIR } from '../../platform/paths.ts';

export const FOLDER_FILE = 'folder.yaml';

/** Thrown when a plan folder cannot be loaded; `problems` lists every problem found, `message` reads them out. */
export class CatalogError extends Error {
  readonly problems: CatalogProblem[];
  readonly dir: string;

  constructor(dir: string, problems: CatalogProblem[]) {
    super(`规划目录 ${dir} 有 ${problems.length} 个问题，未加载任何内容：\n${formatProblems(problems)}`);
    this.name = 'CatalogError';
    this.problems = problems;
    this.dir = dir;
  }
}

/** The bundled plan folder: <repo>/plans/wuqing-2021-2025. */
export function defaultPlanDir(): string {
  return BUNDLED_PLAN_DIR;
}

interface ReadResult {
  parsed?: ParsedFile;
  doc?: Document;
  lines?: LineCounter;
  problems: CatalogProblem[];
}

async function readYaml(dir: string, file: string): Promise<ReadResult> {
  let source: string;
  try {
    source = await readFile(path.join(dir, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? `找不到文件 ${path.join(dir, file)}。` : `无法读取文件：${(err as Error).message}`;
    return { problems: [{ file, path: '', message }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        path: '',
        line: lines.linePos(e.pos[0]).line,
        message: `YAML 格式错误：${e.message.split('\n')[0]}。请检查该行的缩进、冒号和引号。`,
      })),
    };
  }
  return { parsed: { file, data: doc.toJS() }, doc, lines, problems: [] };
}

/** The line a problem's path points at: the node itself, or the nearest parent that exists (a missing field). */
function lineOf(doc: Document, lines: LineCounter, problemPath: string): number | undefined {
  const segments = parsePath(problemPath);
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

export async function loadPlanFolder(dir: string): Promise<Catalog> {
  const folder = await readYaml(dir, FOLDER_FILE);
  if (!folder.parsed || !folder.doc || !folder.lines) throw new CatalogError(dir, folder.problems);

  const problems: CatalogProblem[] = [];
  const docs = new Map<string, { doc: Document; lines: LineCounter }>([
    [FOLDER_FILE, { doc: folder.doc, lines: folder.lines }],
  ]);
  const plans: ParsedFile[] = [];
  const listed = (folder.parsed.data as { plans?: unknown } | null)?.plans;
  const names = Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : [];
  for (const [i, name] of names.entries()) {
    const result = await readYaml(dir, name);
    if (result.parsed && result.doc && result.lines) {
      plans.push(result.parsed);
      docs.set(name, { doc: result.doc, lines: result.lines });
    } else {
      // Point at the folder.yaml line that names the missing file, as well as at the file itself.
      const missing = result.problems.some((p) => p.path === '' && p.line === undefined);
      if (missing) {
        problems.push({
          file: FOLDER_FILE,
          path: `plans[${i}]`,
          line: lineOf(folder.doc, folder.lines, `plans[${i}]`),
          message: `列出的规划文件 ${name} 不存在：请把文件放进 ${dir}，或从 plans 中删去这一行。`,
        });
      } else problems.push(...result.problems);
    }
  }
  if (problems.length > 0) throw new CatalogError(dir, problems);

  const result = validateCatalog({ folder: folder.parsed, plans });
  if (!result.ok) {
    const located = result.problems.map((p) => {
      const d = docs.get(p.file);
      const line = d && p.line === undefined ? lineOf(d.doc, d.lines, p.path) : p.line;
      return line === undefined ? p : { ...p, line };
    });
    throw new CatalogError(dir, located);
  }
  return result.catalog;
}
