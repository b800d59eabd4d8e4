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
  'cycle.current': '设定当前规划周期',
  'access.denied': '越权访问被拒绝',
  'audit.export': '导出审计日志',
  'audit.purge': '清理审计日志',
  'responsibility.update': '修改责任分工',
  'responsibility.export': '导出责任分工',
  'responsibility.import': '导入责任分工',
  'catalog.export': '导出指标目录',
  'reference.create': '新增对比数据',
  'reference.update': '修改对比数据',
  'reference.delete': '删除对比数据',
  'reference.import': '导入对比数据',
  'reference.export': '导出对比数据',
  'round.open': '开启填报任务',
  'value.save': '保存填报数据',
  'template.download': '下载填报模板',
  'upload.confirm': '导入填报 Excel',
  'submission.save': '保存草稿',
  'submission.submit': '提交数据',
  'submission.confirm': '领导确认提交',
  'submission.send_back': '领导退回',
  'submission.return': '审核退回',
  'submission.approve': '审核通过',
  'submission.reopen': '重新打开',
  'submission.remind': '催报',
  'submission.remind_export': '导出未报单位联系人',
  'document.save': '保存单位文档',
  'document.submit': '提交单位文档',
  'document.withdraw': '撤回单位文档',
  'document.return': '退回单位文档',
  'document.delete': '删除单位文档',
  'document.attachment.upload': '上传附件',
  'document.attachment.download': '下载附件',
  'document.attachment.delete': '删除附件',
  'supervision.issue': '发起督办',
  'supervision.answer': '反馈督办',
  'supervision.close': '办结督办',
  'supervision.ask_again': '督办再次要求',
  'report.draft': '新建报告草稿',
  'report.edit': '修改报告草稿',
  'report.generate': '生成报告',
  'report.download': '下载报告',
  'notice.webhook': '群机器人通知',
  'notice.webhook.test': '测试群机器人',
  'webhook.send': '发送群消息',
  'settings.webhook': '设置工作群机器人',
  'settings.unit_webhook': '设置单位群机器人',
  'settings.stat_form': '设置统计报表批准信息',
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
  reference_value: '对比数据',
  plan_folder: '规划周期',
};

export const RESULT_LABELS = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
} as const;

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
