// The Excel import's preview: each row of the uploaded table compared with the database. Pure (no I/O): the
// route reads the file and the database, and applies `changes` only when the user confirms.

import { checkAssignment, type ItemKind, splitUnitNames } from '../../core/responsibility.ts';
import type { PreviewRow, RowStatus } from './contract.ts';
import { type Assignment, type ResponsibilityItem, sameAssignment } from './store.ts';
import type { SheetRow } from './xlsx.ts';

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

export interface PlannedChange {
  kind: ItemKind;
  id: number;
  code: string;
  before: Assignment;
  leadUnitId: number;
  partnerUnitIds: number[];
}

export interface Preview {
  rows: PreviewRow[];
  changes: PlannedChange[];
  counts: Record<RowStatus, number>;
}

function resolveUnit(text: string, units: readonly UnitInfo[]): { unit?: UnitInfo; problem?: string } {
  const t = text.replace(/\s+/g, '');
  const unit = units.find((u) => u.name === t) ?? units.find((u) => u.code.toLowerCase() === t.toLowerCase());
  if (!unit) {
    // 区卫健委 → 区卫生健康委: the typed characters appear in order in the unit's full name.
    const core = t.replace(/^区/, '');
    const like = units.filter((u) => u.active && core.length >= 2 && isSubsequence(core, u.name));
    const hint = like.length > 0 ? `，是否为“${like.map((u) => u.name).join('”或“')}”？` : '，请使用单位名单中的全称';
    return { problem: `单位“${text}”不存在${hint}` };
  }
  if (!unit.active) return { problem: `单位“${unit.name}”已停用，不能分配任务` };
  return { unit };
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

export function buildPreview(
  sheetRows: readonly SheetRow[],
  items: readonly ResponsibilityItem[],
  units: readonly UnitInfo[],
): Preview {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const seen = new Map<string, string>();
  const rows: PreviewRow[] = [];
  const changes: PlannedChange[] = [];
  for (const r of sheetRows) {
    const reasons: string[] = [];
    const item = byCode.get(r.code);
    const leadNames = splitUnitNames(r.lead);
    const partnerNames = splitUnitNames(r.partners);
    if (!r.code) reasons.push('缺少编号');
    else if (!item) reasons.push(`编号“${r.code}”不是本规划的策略措施或监测指标`);
    else if (seen.has(r.code)) reasons.push(`编号“${r.code}”重复（已在 ${seen.get(r.code)} 出现）`);
    if (r.code && !seen.has(r.code)) seen.set(r.code, `“${r.sheet}”第 ${r.row} 行`);

    if (leadNames.length > 1) reasons.push('牵头单位只能有一个');
    const lead = leadNames[0] ? resolveUnit(leadNames[0], units) : {};
    if (lead.problem) reasons.push(`牵头单位：${lead.problem}`);
    const partners = partnerNames.map((n) => resolveUnit(n, units));
    for (const p of partners) if (p.problem) reasons.push(`配合单位：${p.problem}`);

    const leadId = lead.unit?.id ?? null;
    const partnerIds = partners.flatMap((p) => (p.unit ? [p.unit.id] : []));
    const nameOf = (id: number) => units.find((u) => u.id === id)?.name ?? String(id);
    if (!lead.problem) reasons.push(...checkAssignment(leadId, partnerIds, nameOf));

    const after = { lead: lead.unit?.name ?? (leadNames[0] || null), partners: partnerNames };
    const before = item ? { lead: item.lead?.name ?? null, partners: item.partners.map((p) => p.name) } : null;
    const base = { sheet: r.sheet, row: r.row, code: r.code, kind: item?.kind ?? null, name: item?.name ?? null };
    if (reasons.length > 0 || !item || leadId === null) {
      rows.push({ ...base, status: 'invalid', reasons, before, after });
      continue;
    }
    const current = { lead: item.lead, partners: item.partners };
    if (sameAssignment(current, leadId, partnerIds)) {
      rows.push({ ...base, status: 'unchanged', reasons, before, after });
      continue;
    }
    const status = item.lead === null && item.partners.length === 0 ? 'new' : 'changed';
    rows.push({ ...base, status, reasons, before, after: { lead: nameOf(leadId), partners: partnerIds.map(nameOf) } });
    changes.push({
      kind: item.kind,
      id: item.id,
      code: item.code,
      before: current,
      leadUnitId: leadId,
      partnerUnitIds: partnerIds,
    });
  }
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) counts[r.status]++;
  return { rows, changes, counts };
}
