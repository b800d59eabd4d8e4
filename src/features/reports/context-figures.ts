// 经济社会基本情况数据: the few context figures of the district (population, GDP, budget, incomes) the office copies
// from the statistics bulletins for a plan cycle's base year and final year; the final evaluation report's
// 经济社会基本情况 is drafted from them. Kept per cycle (plan folder) in app_setting, beside the cycle's other settings.
import { type ContextFigures, EMPTY_CONTEXT_FIGURES } from '../../core/narrative/index.ts';
import type { Db } from '../../db/connection.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';

export type { ContextFigures };

export function contextFiguresKey(folderId: string): string {
  return `contextFigures:${folderId}`;
}

export async function getContextFigures(db: Db, folderId: string): Promise<ContextFigures> {
  const stored = await getSetting<Partial<ContextFigures>>(db, contextFiguresKey(folderId));
  return { ...EMPTY_CONTEXT_FIGURES, ...(stored ?? {}) };
}

export async function setContextFigures(db: Db, folderId: string, value: ContextFigures): Promise<void> {
  await setSetting(db, contextFiguresKey(folderId), value);
}
