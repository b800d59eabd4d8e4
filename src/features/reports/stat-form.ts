// 统计报表的批准信息: 批准机关, 批准文号 and 有效期至 come from the statistics bureau's approval of the form
// (统计调查项目审批/备案), so the office types them in; the workbook never invents them. Kept in app_setting.
import type { Db } from '../../db/connection.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';
import type { StatFormApproval } from './contract.ts';

export type { StatFormApproval };

export const STAT_FORM_SETTING = 'statFormApproval';

export const EMPTY_STAT_FORM: StatFormApproval = { approvedBy: '', approvalNo: '', validUntil: '' };

export async function getStatFormApproval(db: Db): Promise<StatFormApproval> {
  return { ...EMPTY_STAT_FORM, ...((await getSetting<Partial<StatFormApproval>>(db, STAT_FORM_SETTING)) ?? {}) };
}

export async function setStatFormApproval(db: Db, value: StatFormApproval): Promise<void> {
  await setSetting(db, STAT_FORM_SETTING, value);
}
