import { z } from 'zod';
import type { Catalog } from './catalog/types.ts';

// 目标管理责任制 (GLOSSARY: lead unit / partner unit): every indicator and every measure has one lead unit and
// any number of partner units. The plan folder ships a default (responsibility.yaml); the office confirms or
// edits it in the UI. Pure: the file is read by src/responsibility/load.ts, checked here against the catalog and
// the organisation.

export const RESPONSIBILITY_FILE = 'responsibility.yaml';

export type ItemKind = 'indicator' | 'measure';

export const ITEM_KIND_LABELS: Record<ItemKind, string> = { indicator: '监测指标', measure: '策略措施' };

/** W1-M4: measure 4 of domain W1. Indicators keep their own code (W1-01). */
export function measureCode(domainCode: string, number: number): string {
  return `${domainCode}-M${number}`;
}

const MEASURE_CODE = /^([A-Z][0-9]+)-M([1-9][0-9]*)$/;
const INDICATOR_CODE = /^[A-Z][0-9]+-[0-9]{2,}$/;

/** What an item code names: an indicator (W1-01) or a measure (W1-M4); undefined when it is neither. */
export function parseItemCode(
  code: string,
): { kind: 'indicator'; code: string } | { kind: 'measure'; domainCode: string; number: number } | undefined {
  const m = MEASURE_CODE.exec(code);
  if (m) return { kind: 'measure', domainCode: m[1] as string, number: Number(m[2]) };
  if (INDICATOR_CODE.test(code)) return { kind: 'indicator', code };
  return undefined;
}

const UnitCode = z.string({ error: '应为单位代码（如 wjw）' }).regex(/^[A-Za-z0-9_-]{1,32}$/, '单位代码格式不正确');

const AssignmentSchema = z.strictObject(
  {
    lead: UnitCode,
    partners: z.array(UnitCode, { error: '配合单位应写成列表，如 [fl, ybj]；没有则写 []' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的字段 ${issue.keys.join('、')}：每条只写 lead（牵头单位）和 partners（配合单位）`
        : '应写成 { lead: 单位代码, partners: [单位代码, …] }',
  },
);

export const ResponsibilityFileSchema = z.strictObject(
  { assignments: z.record(z.string(), AssignmentSchema, { error: 'assignments 应为“编号: 分工”的映射' }) },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `不认识的字段 ${issue.keys.join('、')}：文件只写 assignments（编号: 分工）`
        : '文件应包含 assignments',
  },
);

export interface DefaultAssignment {
  kind: ItemKind;
  /** W1-01 or W1-M4 */
  code: string;
  domainCode: string;
  /** The measure's number; undefined for indicators. */
  number?: number;
  lead: string;
  partners: string[];
}

export interface ResponsibilityProblem {
  /** Dotted path in the file: assignments.W1-01.lead */
  path: string;
  message: string;
}

export type ResponsibilityResult =
  | { ok: true; assignments: DefaultAssignment[] }
  | { ok: false; problems: ResponsibilityProblem[] };

/** Every indicator and measure of the catalog, by item code, with the domain it belongs to. */
export function catalogItems(catalog: Catalog): Map<string, { kind: ItemKind; domainCode: string; number?: number }> {
  const items = new Map<string, { kind: ItemKind; domainCode: string; number?: number }>();
  for (const plan of catalog.plans) {
    for (const domain of plan.domains) {
      for (const m of domain.measures) {
        items.set(measureCode(domain.code, m.number), { kind: 'measure', domainCode: domain.code, number: m.number });
      }
      for (const i of domain.indicators) items.set(i.code, { kind: 'indicator', domainCode: domain.code });
    }
  }
  return items;
}

/**
 * The rules every assignment follows, wherever it comes from (the file, the edit dialog, an Excel import): a lead,
 * no partner twice, the lead not also a partner. Returns the problems in Chinese; empty when fine.
 */
export function checkAssignment<T extends string | number>(
  lead: T | null | undefined,
  partners: readonly T[],
  nameOf: (unit: T) => string = String,
): string[] {
  const problems: string[] = [];
  if (lead === null || lead === undefined || lead === '') problems.push('缺少牵头单位');
  const seen = new Set<T>();
  for (const p of partners) {
    if (seen.has(p)) problems.push(`配合单位“${nameOf(p)}”重复`);
    seen.add(p);
  }
  if (lead !== null && lead !== undefined && seen.has(lead)) {
    problems.push(`“${nameOf(lead)}”已是牵头单位，不能同时作为配合单位`);
  }
  return problems;
}

/**
 * Checks a parsed responsibility.yaml: its shape, that every item code names an indicator or measure of the
 * catalog, that every unit code is a unit of organisation.yaml, and the assignment rules. Coverage (every item
 * assigned) is reported separately by `unassignedItems`: an item left out simply starts without a lead.
 */
export function validateResponsibility(
  data: unknown,
  catalog: Catalog,
  unitCodes: Iterable<string>,
): ResponsibilityResult {
  const parsed = ResponsibilityFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const units = new Set(unitCodes);
  const items = catalogItems(catalog);
  const problems: ResponsibilityProblem[] = [];
  const assignments: DefaultAssignment[] = [];
  for (const [code, a] of Object.entries(parsed.data.assignments)) {
    const at = `assignments.${code}`;
    const item = items.get(code);
    if (!item) {
      const parsedCode = parseItemCode(code);
      problems.push({
        path: at,
        message: parsedCode
          ? `规划中没有${parsedCode.kind === 'measure' ? '策略措施' : '监测指标'} ${code}，请核对编号或删去这一行`
          : `编号“${code}”格式不正确：策略措施写作 W1-M4，监测指标写作 W1-01`,
      });
      continue;
    }
    if (!units.has(a.lead)) {
      problems.push({ path: `${at}.lead`, message: `单位代码 ${a.lead} 不在 organisation.yaml 的单位名单中` });
    }
    a.partners.forEach((p, i) => {
      if (!units.has(p)) {
        problems.push({ path: `${at}.partners.${i}`, message: `单位代码 ${p} 不在 organisation.yaml 的单位名单中` });
      }
    });
    for (const message of checkAssignment(a.lead, a.partners)) problems.push({ path: `${at}.partners`, message });
    // Any problem returns the problems alone, so an assignment with an unknown unit is never handed on.
    assignments.push({ kind: item.kind, code, domainCode: item.domainCode, ...numberOf(item), ...a });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, assignments };
}

function numberOf(item: { number?: number }): { number?: number } {
  return item.number === undefined ? {} : { number: item.number };
}

/** Item codes of the catalog that the assignments leave out, in catalog order. */
export function unassignedItems(catalog: Catalog, assignments: readonly DefaultAssignment[]): string[] {
  const assigned = new Set(assignments.map((a) => a.code));
  return [...catalogItems(catalog).keys()].filter((code) => !assigned.has(code));
}

/** Splits a cell of unit names as people type them: 区妇联、区民政局 / 区妇联，区民政局 / one per line. */
export function splitUnitNames(text: string): string[] {
  return text
    .split(/[、，,；;／/\n\r\t]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
