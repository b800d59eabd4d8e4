// `tianping catalog [--json]`: the plan folder as the system reads it, straight from the YAML files (no database).
// --json prints toCatalogJson (docs/catalog.md); otherwise a short table per plan.

import path from 'node:path';
import { type Catalog, toCatalogJson } from '../core/catalog/index.ts';
import { loadWholeFolder } from '../features/plans/index.ts';
import { loadConfig } from '../platform/config.ts';

/** Display width in a terminal: CJK characters and full-width punctuation take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

const padEnd = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - width(text))) + text;

export function catalogSummary(
  catalog: Catalog,
  dir: string,
  extra: { units?: number; areas?: number; assignments?: number | null } = {},
): string {
  const header = ['规划', '领域', '主要目标', '策略措施', '监测指标', '其中数值目标', '方向目标'];
  const rows: string[][] = [];
  const total = [0, 0, 0, 0, 0, 0];
  for (const plan of catalog.plans) {
    const indicators = plan.domains.flatMap((d) => d.indicators);
    const directional = indicators.filter((i) => i.rule.kind === 'direction_only').length;
    const numbers = [
      plan.domains.length,
      plan.domains.reduce((n, d) => n + d.goals.length, 0),
      plan.domains.reduce((n, d) => n + d.measures.length, 0),
      indicators.length,
      indicators.length - directional,
      directional,
    ];
    numbers.forEach((n, k) => {
      total[k]! += n;
    });
    rows.push([plan.shortTitle, ...numbers.map(String)]);
  }
  if (catalog.plans.length > 1) rows.push(['合计', ...total.map(String)]);
  const widths = header.map((h, k) => Math.max(width(h), ...rows.map((r) => width(r[k]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === 0 ? padEnd(c, widths[k]!) : padStart(c, widths[k]!)))
      .join('  ')
      .trimEnd();
  const { folder } = catalog;
  return [
    `规划目录：${folder.name}（${folder.region}，${folder.cycle.start}—${folder.cycle.end}年，基期${folder.cycle.baseYear}年）`,
    `目录位置：${path.relative(process.cwd(), dir) || '.'}`,
    '',
    line(header),
    line(header.map((_, k) => '-'.repeat(widths[k]!))),
    ...rows.map(line),
    ...(extra.units !== undefined
      ? [
          '',
          `组织机构：成员单位 ${extra.units} 个，镇街 ${extra.areas ?? 0} 个；默认责任分工：${extra.assignments === null || extra.assignments === undefined ? '无（没有 responsibility.yaml）' : `${extra.assignments} 项`}。`,
        ]
      : []),
  ].join('\n');
}

/**
 * Loads and checks the configured plan folder as a server start would — plans, organisation.yaml and
 * responsibility.yaml; throws CatalogError (listing every problem with file and line) when any is invalid.
 */
export async function runCatalog(options: { json?: boolean }): Promise<string> {
  const dir = loadConfig().planDir;
  const { catalog, organisation, responsibility } = await loadWholeFolder(dir);
  return options.json
    ? JSON.stringify(toCatalogJson(catalog), null, 2)
    : catalogSummary(catalog, dir, {
        units: organisation.units.length,
        areas: organisation.areas.length,
        assignments: responsibility?.length ?? null,
      });
}
