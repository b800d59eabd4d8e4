// 预警督办's response shapes, shared by the server and the web. Times are ISO strings, as the JSON has them.
import type { WarningSnapshot } from '../../core/assessment/index.ts';

export type NoticeStatus = 'issued' | 'answered' | 'closed';

/** A 督办单 as stored. */
export interface SupervisionNotice {
  id: number;
  indicatorId: number;
  unitId: number;
  warning: WarningSnapshot;
  requirement: string;
  deadline: string;
  status: NoticeStatus;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A 督办单 in a list: with its indicator and unit, and whether it is past its deadline unanswered. */
export type SupervisionRow = SupervisionNotice & {
  indicatorName: string;
  indicatorCode: string;
  unitName: string;
  overdue: boolean;
};

/** GET /api/supervision */
export interface SupervisionList {
  notices: SupervisionRow[];
}

export interface SupervisionStep {
  id: number;
  noticeId: number;
  at: string;
  userId: number | null;
  username: string | null;
  displayName: string | null;
  kind: 'issue' | 'answer' | 'close' | 'ask_again';
  content: Record<string, string>;
}

/** GET /api/supervision/:id: the notice and every step of its thread. */
export interface SupervisionDetail {
  notice: SupervisionNotice & { indicatorName?: string; indicatorCode?: string; unitName?: string; overdue: boolean };
  steps: SupervisionStep[];
}

/** Issuing, answering, closing and asking again answer with the notice as stored. */
export interface SupervisionResponse {
  notice: SupervisionNotice;
}
