// Reads a plan folder's responsibility.yaml (the default lead and partner units) and checks it against the
// catalog and organisation.yaml of the same folder. A folder without the file has no defaults (null).

import fs from 'node:fs';
import path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Organisation } from '../../core/organisation.ts';
import {
  type DefaultAssignment,
  RESPONSIBILITY_FILE,
  type ResponsibilityProblem,
  validateResponsibility,
} from '../../core/responsibility.ts';
import { loadPlanFolder } from '../catalog/index.ts';
import { loadOrganisation } from '../organisation/index.ts';

export interface LocatedProblem extends ResponsibilityProblem {
  file: string;
  line?: number;
}

/** Thrown when responsibility.yaml cannot be used; `message` lists every problem with file, line and path. */
export class ResponsibilityFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: LocatedProblem[],
  ) {
    super(
      `责任分工文件 ${file} 有 ${problems.length} 个问题，未导入任何默认分工：\n${problems
        .map((p, i) => {
          const where = [RESPONSIBILITY_FILE, p.line !== undefined ? `第 ${p.line} 行` : '', p.path]
            .filter(Boolean)
            .join(' ');
          return `  ${i + 1}. ${where}：${p.message}`;
        })
        .join('\n')}`,
    );
    this.name = 'ResponsibilityFileError';
  }
}

function lineOf(doc: Document, lines: LineCounter, dotted: string): number | undefined {
  const segments = dotted === '' ? [] : dotted.split('.').map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

export interface LoadOptions {
  /** The folder's catalog and organisation when the caller has them already; read from the folder otherwise. */
  catalog?: Catalog;
  organisation?: Organisation;
}

/** The default assignments of a plan folder, or null when it has no responsibility.yaml. */
export async function loadResponsibility(
  planDir: string,
  options: LoadOptions = {},
): Promise<DefaultAssignment[] | null> {
  const file = path.join(planDir, RESPONSIBILITY_FILE);
  if (!fs.existsSync(file)) return null;
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw new ResponsibilityFileError(
      file,
      doc.errors.map((e) => ({
        file,
        path: '',
        line: lines.linePos(e.pos[0]).line,
        message: `YAML 格式错误（如编号重复、缩进或括号不对）：${e.message.split('\n')[0]}`,
      })),
    );
  }
  const catalog = options.catalog ?? (await loadPlanFolder(planDir));
  const organisation = options.organisation ?? loadOrganisation(planDir);
  const units = [organisation.office.code, ...organisation.units.map((u) => u.code)];
  const result = validateResponsibility(doc.toJS(), catalog, units);
  if (!result.ok) {
    throw new ResponsibilityFileError(
      file,
      result.problems.map((p) => {
        const line = lineOf(doc, lines, p.path);
        return line === undefined ? { ...p, file } : { ...p, file, line };
      }),
    );
  }
  return result.assignments;
}
