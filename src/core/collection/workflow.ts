import type { Role } from '../../kernel/roles.ts';

// The submission workflow of one unit (or town) in one reporting round, as a table of transitions.
// 未开始 → 填报中 → 待领导确认 → 已提交 → 已通过, with 被退回 back to the unit, and reopening by the
// statistics bureau. The server checks every move against this table; the web shows only allowed moves.

export const SUBMISSION_STATUSES = [
  'not_started',
  'in_progress',
  'awaiting_confirmation',
  'submitted',
  'returned',
  'approved',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  not_started: '未开始',
  in_progress: '填报中',
  awaiting_confirmation: '待领导确认',
  submitted: '已提交',
  returned: '被退回',
  approved: '已通过',
};

export type SubmissionAction = 'save' | 'submit' | 'confirm' | 'send_back' | 'return' | 'approve' | 'reopen';

export const ACTION_LABELS: Record<SubmissionAction, string> = {
  save: '保存',
  submit: '提交',
  confirm: '领导确认',
  send_back: '领导退回修改',
  return: '审核退回',
  approve: '审核通过',
  reopen: '重新打开',
};

interface Transition {
  from: readonly SubmissionStatus[];
  to: SubmissionStatus;
  roles: readonly Role[];
  /** A reason is required (returns and reopening). */
  needsReason?: true;
}

export const TRANSITIONS: Record<SubmissionAction, Transition> = {
  save: {
    from: ['not_started', 'in_progress', 'returned'],
    to: 'in_progress',
    roles: ['unit_reporter', 'town_reporter'],
  },
  submit: {
    from: ['not_started', 'in_progress', 'returned'],
    to: 'awaiting_confirmation',
    roles: ['unit_reporter', 'town_reporter'],
  },
  confirm: { from: ['awaiting_confirmation'], to: 'submitted', roles: ['unit_leader'] },
  send_back: { from: ['awaiting_confirmation'], to: 'in_progress', roles: ['unit_leader'], needsReason: true },
  return: { from: ['submitted'], to: 'returned', roles: ['statistics'], needsReason: true },
  approve: { from: ['submitted'], to: 'approved', roles: ['statistics'] },
  reopen: { from: ['approved'], to: 'returned', roles: ['statistics'], needsReason: true },
};

/** Towns have no leader role in the plan's workflow: their submission goes straight to the statistics bureau. */
export function submitTarget(reporter: 'unit' | 'area'): SubmissionStatus {
  return reporter === 'unit' ? 'awaiting_confirmation' : 'submitted';
}

export type TransitionCheck =
  | { ok: true; to: SubmissionStatus }
  | { ok: false; reason: 'role' | 'status'; message: string };

export function checkTransition(status: SubmissionStatus, action: SubmissionAction, role: Role): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.roles.includes(role))
    return { ok: false, reason: 'role', message: `当前角色不能执行“${ACTION_LABELS[action]}”` };
  if (!t.from.includes(status)) {
    return {
      ok: false,
      reason: 'status',
      message: `当前状态为“${SUBMISSION_STATUS_LABELS[status]}”，不能执行“${ACTION_LABELS[action]}”`,
    };
  }
  return { ok: true, to: t.to };
}

/** Values may be edited by the unit only while the submission is with the unit. */
export function unitCanEdit(status: SubmissionStatus): boolean {
  return status === 'not_started' || status === 'in_progress' || status === 'returned';
}
