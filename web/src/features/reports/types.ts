export type ReportKind =
  | 'annual_monitoring'
  | 'final_monitoring'
  | 'annual_evaluation'
  | 'final_evaluation'
  | 'stat_tables';

export interface ReportSection {
  key: string;
  label: string;
  text: string;
  edited: boolean;
}

export interface ReportDraft {
  id: number;
  kind: ReportKind;
  year: number;
  scope: string;
  version: number;
  updatedAt: string;
  updatedBy?: string | null;
  sections?: ReportSection[];
}

export interface ReportFile {
  id: number;
  draftId: number;
  version: number;
  format: 'docx' | 'xlsx';
  fileName: string;
  size: number;
  basis: 'approved' | 'preliminary';
  demo: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface ReportList {
  plans: { id: string; shortTitle: string; cycleStart: number; cycleEnd: number }[];
  kinds: { kind: ReportKind; label: string; final: boolean }[];
  drafts: ReportDraft[];
  files: ReportFile[];
}

export const BOTH = { value: 'both', label: '妇女、儿童两个规划' };

export const scopeOptions = (plans: ReportList['plans'] = []) => [
  BOTH,
  ...plans.map((p) => ({ value: p.id, label: p.shortTitle })),
];

/** 'both' or a plan id in words; plan ids read as 妇女发展规划 / 儿童发展规划 when the list is at hand. */
export const scopeLabel = (scope: string, plans: ReportList['plans'] = []) =>
  scope === 'both' ? BOTH.label : (plans.find((p) => p.id === scope)?.shortTitle ?? scope);
