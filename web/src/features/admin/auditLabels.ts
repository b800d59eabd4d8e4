// Chinese names of audit actions and objects for the audit log page; unknown codes are shown as they are.

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.lockout': '账号锁定',
  'auth.password_change': '修改密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解锁账号',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'unit.contact': '修改联络员',
  'area.create': '新增镇街',
  'area.update': '修改镇街',
  'access.denied': '越权访问被拒绝',
  'audit.export': '导出审计日志',
  'audit.purge': '清理审计日志',
  'responsibility.update': '修改责任分工',
};

/** Filter choices: whole groups (the server matches the action by prefix) and single actions. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'auth.', label: '登录与密码（全部）' },
  { value: 'user.', label: '用户管理（全部）' },
  { value: 'unit.', label: '成员单位（全部）' },
  { value: 'area.', label: '镇街（全部）' },
  { value: 'access.', label: '访问控制（全部）' },
];

export const OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  unit: '单位',
  area: '镇街',
  route: '接口',
};

export const RESULT_LABELS = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
} as const;

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
