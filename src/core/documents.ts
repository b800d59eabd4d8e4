// The documents a member unit sends the committee (规划 三、组织实施（三）（四）; 四、监测评估（二）). Pure data,
// shared by the server and the web app.

export const DOCUMENT_KINDS = ['implementation_plan', 'annual_work_report', 'evaluation_report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  implementation_plan: '实施方案',
  annual_work_report: '年度工作报告',
  evaluation_report: '评估报告',
};

export type DocumentStatus = 'draft' | 'submitted';
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus | 'missing', string> = {
  draft: '草稿',
  submitted: '已提交',
  missing: '未提交',
};

/** Section key → label. The annual work report has the five sections the plan asks for; the others a summary. */
export const ANNUAL_REPORT_SECTIONS = [
  { key: 'implementation', label: '本年度实施情况' },
  { key: 'problems', label: '存在问题' },
  { key: 'causes', label: '原因分析' },
  { key: 'countermeasures', label: '对策措施' },
  { key: 'nextYear', label: '下一年度工作安排' },
] as const;
export const SUMMARY_SECTIONS = [{ key: 'summary', label: '内容摘要' }] as const;

export type DocumentSections = Record<string, string>;

export function sectionsOf(kind: DocumentKind): readonly { key: string; label: string }[] {
  return kind === 'annual_work_report' ? ANNUAL_REPORT_SECTIONS : SUMMARY_SECTIONS;
}

/** The labels of the required sections that are empty (blank counts as empty), in the plan's order. */
export function emptySections(kind: DocumentKind, sections: DocumentSections): string[] {
  return sectionsOf(kind)
    .filter((s) => !(sections[s.key] ?? '').trim())
    .map((s) => s.label);
}

/** Longest text a section may hold. */
export const SECTION_MAX_CHARS = 20_000;
