// What the plans feature's routes answer (shared with the web app): the plan cycles (规划周期), and
// 规划管理 (issue 13): the API of plan drafts — upload a plan document, curate its candidate indicators, check,
// export and publish the folder. Request schemas are deliberately loose about meaning (a rule without its value,
// a code in the wrong form are stored as entered): the real validators report those as problems beside the field,
// so nothing the office types is refused and lost. Only the JSON shapes are checked here.

import { z } from 'zod';
import type {
  CandidateDecision,
  CandidateEdits,
  CandidateStatus,
  CurationSettings,
  DomainProgress,
  LocatedProblem,
} from '../../core/catalog/curate.ts';
import type { DraftCandidate } from '../../core/catalog/draft.ts';
import type { Plan } from '../../core/catalog/index.ts';
import { TARGET_RULE_KINDS } from '../../core/rules.ts';

export type { CandidateDecision, CandidateEdits, CandidateStatus, CurationSettings, DomainProgress, LocatedProblem };

const shortText = (max: number) => z.string().max(max, `最多 ${max} 个字`);
const num = z.number().finite();
const comparator = z.enum(['>=', '>', '<=', '<'], { message: '比较符应为 >=、>、<=、< 之一' });

/** A target rule as the form sends it: the kind and whichever fields it has (missing ones become problems). */
export const RuleInput = z.strictObject({
  kind: z.enum(TARGET_RULE_KINDS as [string, ...string[]], { message: '未知的目标类型' }),
  comparator: comparator.optional(),
  value: num.optional(),
  percent: num.optional(),
  baseYear: z.int().optional(),
  step: num.optional(),
  reference: shortText(100).optional(),
  body: shortText(100).optional(),
  countUnit: shortText(10).optional(),
  wording: shortText(50).optional(),
});

export const CandidateEditsInput = z.strictObject({
  code: shortText(20).optional(),
  name: shortText(100).optional(),
  unit: shortText(20).optional(),
  better: z.enum(['higher', 'lower'], { message: '应为 higher（越高越好）或 lower（越低越好）' }).optional(),
  rule: RuleInput.optional(),
  quote: shortText(1000).optional(),
  precision: z.int().min(-1).max(10).optional(),
  limits: z.tuple([num.nullable(), num.nullable()]).optional(),
  floor: num.optional(),
  disaggregations: z
    .array(z.enum(['sex', 'area']))
    .max(2)
    .optional(),
  note: shortText(500).optional(),
  /** 分子 / 分母 of a rate reported as counts; a part left out is the validator's problem, not a refusal. */
  counts: z
    .strictObject({
      numerator: shortText(100).optional(),
      denominator: shortText(100).optional(),
      factor: num.optional(),
    })
    .nullable()
    .optional(),
  /** The previous cycle's indicator code this one continues (lineage): its last value is this cycle's base. */
  predecessor: shortText(20).optional(),
});

const UnitCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '单位代码只能包含字母、数字、下划线和连字符');

export const CandidatePatch = z.strictObject({
  /** The revision the edit was made from: an edit of an older revision is refused with the current state. */
  revision: z.int().min(0),
  status: z.enum(['pending', 'accepted', 'rejected'], { message: '应为 pending、accepted 或 rejected' }).optional(),
  /** Replaces the stored edits (fields left out return to the drafted value). */
  edits: CandidateEditsInput.optional(),
  lead: UnitCode.nullable().optional(),
  partners: z.array(UnitCode).max(60, '配合单位过多').optional(),
});
export type CandidatePatch = z.infer<typeof CandidatePatch>;

export const DomainAccept = z.strictObject({ plan: z.string().min(1).max(100), domain: z.string().min(1).max(20) });

const PlanEditsInput = z.strictObject({
  id: shortText(100).optional(),
  title: shortText(200).optional(),
  shortTitle: shortText(100).optional(),
  issuer: shortText(100).optional(),
  issuedOn: shortText(20).optional(),
});

export const SettingsPatch = z.strictObject({
  revision: z.int().min(0),
  folder: z
    .strictObject({
      id: shortText(100),
      name: shortText(200),
      region: shortText(100),
      cycle: z.strictObject({ start: z.int(), end: z.int(), baseYear: z.int() }),
      /** The previous cycle's folder id; left out, the folder names none. */
      predecessor: shortText(100).optional(),
    })
    .optional(),
  plans: z.record(z.string().max(100), PlanEditsInput).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const PublishBody = z.strictObject({
  /** Make the published folder the current cycle (default: publishFolder's default). */
  current: z.boolean().optional(),
});

export const UploadQuery = z.object({
  /** Lower-case prefix of the folder and plan ids (demo → demo-2026-2030, demo-women-2026-2030). */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, '标识前缀只能用小写字母、数字和连字符，以字母开头，如 demo')
    .max(40)
    .optional(),
});

export interface PublishedInfo {
  folderId: string;
  at: string;
  by: string | null;
}

export interface DraftSummary {
  id: number;
  fileName: string;
  folderId: string;
  folderName: string;
  cycle: { start: number; end: number };
  candidates: number;
  decided: number;
  accepted: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  published: PublishedInfo | null;
}

export interface DraftList {
  drafts: DraftSummary[];
}

export interface CandidateRow {
  index: number;
  /** As drafted. */
  drafted: DraftCandidate;
  /** With the office's edits. */
  candidate: DraftCandidate;
  decision: CandidateDecision;
}

export interface UnitOption {
  code: string;
  name: string;
  /** In the draft's organisation.yaml, or a unit of the running system (added to organisation.yaml when chosen). */
  source: 'draft' | 'system';
}

export interface DraftDetail {
  draft: DraftSummary;
  settings: CurationSettings;
  settingsRevision: number;
  /** The plans as drafted, with the office's plan details applied (goals and measures for the quotes). */
  plans: { file: string; plan: Plan }[];
  candidates: CandidateRow[];
  progress: DomainProgress[];
  units: UnitOption[];
  /** What the drafter asks the office to check. */
  warnings: string[];
}

export interface CandidateReply {
  row: CandidateRow;
}

export interface ProblemsReply {
  /** The folder loads with loadWholeFolder as it is: it may be exported and published. */
  ok: boolean;
  problems: LocatedProblem[];
  notes: string[];
  indicators: number;
  /** Why the folder cannot be published as a new cycle although it validates (its id is already a cycle …). */
  blockers: string[];
}

export interface PublishReply {
  draft: DraftSummary;
  folderId: string;
  current: boolean;
  firstPublished: boolean;
  unitsAdded: number;
  areasAdded: number;
}

// ---------------------------------------------------------------------------------------------------------
// Plan cycles (规划周期)

export interface CycleItem {
  id: string;
  name: string;
  region: string;
  start: number;
  end: number;
  baseYear: number;
  /** New rounds belong to the current cycle; pages show it unless the user picks another. */
  current: boolean;
}

export interface CycleList {
  cycles: CycleItem[];
}
