import fs from 'node:fs';
import path from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { type Organisation, OrganisationSchema } from '../../core/organisation.ts';

export const ORGANISATION_FILE = 'organisation.yaml';

/** A problem of organisation.yaml: path in the file, 1-based line when known, Chinese message with the fix. */
export interface OrganisationProblem {
  file: string;
  path: string;
  line?: number;
  message: string;
}

/** organisation.yaml is missing or wrong; `problems` lists every problem, `message` reads them out. */
export class OrganisationFileError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: OrganisationProblem[],
  ) {
    super(
      `组织机构文件 ${path.join(dir, ORGANISATION_FILE)} 有 ${problems.length} 个问题：\n${problems
        .map(
          (p, i) =>
            `  ${i + 1}. ${[p.file, p.line !== undefined ? `第 ${p.line} 行` : '', p.path].filter(Boolean).join(' ')}：${p.message}`,
        )
        .join('\n')}`,
    );
    this.name = 'OrganisationFileError';
  }
}

function lineOf(doc: Document, lines: LineCounter, segments: readonly PropertyKey[]): number | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

const FIELD_NAMES: Record<string, string> = {
  committee: '妇儿工委',
  office: '办公室',
  monitoringAndEvaluation: '监测评估组织',
  units: '成员单位',
  areas: '镇街',
  code: '代码',
  name: '名称',
  shortName: '简称',
  kind: '类别（street 街道 / town 镇）',
  leadUnit: '牵头单位',
};

/** Reads organisation.yaml from a plan folder; every problem names the file, the line and the path. */
export function loadOrganisation(planDir: string): Organisation {
  const file = path.join(planDir, ORGANISATION_FILE);
  if (!fs.existsSync(file)) {
    throw new OrganisationFileError(planDir, [
      {
        file: ORGANISATION_FILE,
        path: '',
        message: `规划目录中缺少组织机构文件 ${ORGANISATION_FILE}（妇儿工委、办公室、监测评估组织、成员单位和镇街）。请参照随系统提供的 plans/wuqing-2021-2025/${ORGANISATION_FILE} 写一份本地区的，放进 ${planDir}。`,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(fs.readFileSync(file, 'utf8'), {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw new OrganisationFileError(
      planDir,
      doc.errors.map((e) => ({
        file: ORGANISATION_FILE,
        path: '',
        line: lines.linePos(e.pos[0]).line,
        message: `YAML 格式错误：${e.message.split('\n')[0]}。请检查该行的缩进、冒号和括号。`,
      })),
    );
  }
  const parsed = OrganisationSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new OrganisationFileError(
      planDir,
      parsed.error.issues.map((issue) => {
        const key = [...issue.path].reverse().find((k) => typeof k === 'string');
        const field = key ? `“${key}”（${FIELD_NAMES[key] ?? key}）` : '';
        const message =
          issue.code === 'invalid_type' && issue.input === undefined
            ? `缺少必填字段${field}，请补上。`
            : issue.code === 'too_small'
              ? issue.origin === 'array'
                ? `${field}至少需要 ${issue.minimum} 项，请补上。`
                : `${field}不能为空，请填写。`
              : issue.code === 'invalid_value'
                ? `${field}的取值无效，应为 ${issue.values.map(String).join('、')} 之一。`
                : issue.code === 'invalid_type'
                  ? `${field}的写法不对（应为${issue.expected === 'string' ? '文字' : issue.expected === 'array' ? '列表' : '字段集合'}）。`
                  : `${field}${issue.message}。`;
        const line = lineOf(doc, lines, issue.path);
        return {
          file: ORGANISATION_FILE,
          path: issue.path.map(String).join('.'),
          ...(line !== undefined ? { line } : {}),
          message,
        };
      }),
    );
  }
  return parsed.data;
}
