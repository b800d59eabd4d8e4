// 统计报表的批准信息: 批准机关, 批准文号 and 有效期至 come from the statistics bureau's approval of the form
// (统计调查项目审批/备案), so the office types them in; the workbook never invents them. Kept in app_setting.
import type { Db } from '../../db/connection.ts';
import { getSetting, setSetting } from '../../platform/settings.ts';

export const STAT_FORM_SETTING = 'statFormApproval';

export interface StatFormApproval {
  /** 批准机关, e.g. 天津市武清区统计局 */
  approvedBy: string;
  /** 批准文号, e.g. 武统制〔2021〕5号 */
  approvalNo: string;
  /** 有效期至, e.g. 2026年12月 */
  validUntil: string;
}

export const EMPTY_STAT_FORM: StatFormApproval = { approvedBy: '', approvalNo: '', validUntil: '' };

export async function getStatFormApproval(db: Db): Promise<StatFormApproval> {
  return { ...EMPTY_STAT_FORM, ...((await getSetting<Partial<StatFormApproval>>(db, STAT_FORM_SETTING)) ?? {}) };
}

export async function setStatFormApproval(db: Db, value: StatFormApproval): Promise<void> {
  await setSetting(db, STAT_FORM_SETTING, value);
}
