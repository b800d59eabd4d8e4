// Curating a plan draft (issue 13): the office accepts, edits or rejects each candidate indicator of a draft
// (draft.ts) and sets the folder's and plans' details; this module turns the draft and those decisions into the
// plan folder they describe, and points every problem the real validators find in that folder back at the
// candidate or field it names. Pure: the files are written and validated in src/features/plans.

import type { Organisation } from '../organisation.ts';
import type { DraftCandidate, PlanDraft } from './draft.ts';
import type { CatalogProblem, Indicator, Plan, PlanFolder } from './types.ts';
import { parsePath } from './validate.ts';

export type CandidateStatus = 'pending' | 'accepted' | 'rejected';

/** The fields of a candidate the office may change; a field left out keeps the drafted value. */
export type CandidateEdits = Partial<
  Pick<
    Indicator,
    | 'code'
    | 'name'
    | 'unit'
    | 'better'
    | 'rule'
    | 'quote'
    | 'precision'
    | 'limits'
    | 'floor'
    | 'disaggregations'
    | 'note'
    | 'counts'
    | 'predecessor'
  >
>;

/** The office's decision on one candidate, with who made it last. */
export interface CandidateDecision {
  status: CandidateStatus;
  edits: CandidateEdits;
  /** Lead unit code (responsibility.yaml), null when not chosen yet. */
  lead: string | null;
  partners: string[];
  /** Bumped on every change: an edit made from an older revision is refused, never silently overwritten. */
  revision: number;
  updatedBy?: string;
  updatedAt?: string;
}

/** Details of one plan file the office may correct (the drafter guesses the id prefix, issuer and date). */
export type PlanEdits = Partial<Pick<Plan, 'id' | 'title' | 'shortTitle' | 'issuer' | 'issuedOn'>>;

export interface CurationSettings {
  /** id, name, region and cycle; `plans` always follows the draft. */
  folder: PlanFolder;
  /** By plan file name (women.yaml). */
  plans: Record<string, PlanEdits>;
  organisation: Organisation;
}

export const NEW_DECISION: CandidateDecision = { status: 'pending', edits: {}, lead: null, partners: [], revision: 0 };

export function initialSettings(draft: PlanDraft): CurationSettings {
  return { folder: draft.folder, plans: {}, organisation: draft.organisation };
}

export function decisionOf(decisions: Record<string, CandidateDecision>, index: number): CandidateDecision {
  return decisions[String(index)] ?? NEW_DECISION;
}

/** The candidate as the office has edited it (plan and domain stay as drafted). */
export function effectiveCandidate(candidate: DraftCandidate, decision: CandidateDecision): DraftCandidate {
  return { ...candidate, ...decision.edits };
}

// Keys in the order the hand-written files have them (one list serves every object of the files: their keys never
// conflict in order). Stored JSON (jsonb) does not keep key order, so the folder is put back in this order.
const KEY_ORDER = [
  'committee',
  'office',
  'monitoringAndEvaluation',
  'leadingGroup',
  'monitoringGroup',
  'evaluationGroup',
  'id',
  'code',
  'name',
  'shortName',
  'kind',
  'number',
  'title',
  'shortTitle',
  'region',
  'issuer',
  'issuedOn',
  'leadUnit',
  'unit',
  'better',
  'rule',
  'comparator',
  'value',
  'percent',
  'step',
  'reference',
  'body',
  'countUnit',
  'wording',
  'cycle',
  'start',
  'end',
  'baseYear',
  'plans',
  'finalEvaluation',
  'progress',
  'gap',
  'source',
  'quote',
  'disaggregations',
  'precision',
  'limits',
  'floor',
  'counts',
  'numerator',
  'denominator',
  'factor',
  'note',
  'sameAs',
  'predecessor',
  'sections',
  'text',
  'goals',
  'measures',
  'indicators',
  'units',
  'areas',
  'lead',
  'partners',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

/** A copy with every object's keys in the files' order (unknown keys last, as they were). */
export function inFileOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inFileOrder) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rank = (k: string) => RANK.get(k) ?? KEY_ORDER.length;
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(entries.map(([k, v]) => [k, inFileOrder(v)])) as T;
}

/** What the folder's files hold, before they are written as YAML. */
export interface CuratedFolder {
  folder: PlanFolder;
  plans: { file: string; plan: Plan }[];
  organisation: Organisation;
  /** responsibility.yaml: the accepted candidates with a lead or partner unit chosen. */
  responsibility: { assignments: Record<string, { lead: string; partners: string[] }> };
  /** Where each accepted candidate sits: "women.yaml#domains[0].indicators[2]" → candidate index. */
  places: Map<string, number>;
}

/**
 * The plan folder of a draft and its curation: accepted candidates become the indicators of their domain (in draft
 * order), every plan takes the folder's cycle, and the organisation gains the running system's units that the
 * office chose as lead or partner units but that organisation.yaml does not list yet.
 */
export function curatedFolder(
  draft: PlanDraft,
  settings: CurationSettings,
  decisions: Record<string, CandidateDecision>,
  systemUnits: readonly { code: string; name: string }[] = [],
): CuratedFolder {
  const { start, end, baseYear } = settings.folder.cycle;
  const folder: PlanFolder = { ...settings.folder, plans: draft.folder.plans };
  const places = new Map<string, number>();
  const plans = draft.plans.map(({ file, plan }) => ({
    file,
    plan: {
      ...plan,
      ...settings.plans[file],
      cycle: { start, end },
      baseYear,
      domains: plan.domains.map((domain) => ({ ...domain, indicators: [] as Indicator[] })),
    },
  }));
  const assignments: Record<string, { lead: string; partners: string[] }> = {};
  const used = new Set<string>();
  draft.candidates.forEach((candidate, index) => {
    const decision = decisionOf(decisions, index);
    if (decision.status !== 'accepted') return;
    const { plan: file, domain: code, ...indicator } = effectiveCandidate(candidate, decision);
    const p = plans.find((x) => x.file === file);
    const d = p?.plan.domains.findIndex((x) => x.code === code) ?? -1;
    const domain = p?.plan.domains[d];
    if (!p || !domain) return;
    places.set(`${file}#domains[${d}].indicators[${domain.indicators.length}]`, index);
    domain.indicators.push(indicator);
    if (decision.lead !== null || decision.partners.length > 0) {
      // A missing lead is written as it is ('') so that the validator names it at the candidate.
      assignments[indicator.code] = { lead: decision.lead ?? '', partners: decision.partners };
      for (const u of [decision.lead, ...decision.partners]) if (u) used.add(u);
    }
  });
  const listed = new Set([settings.organisation.office.code, ...settings.organisation.units.map((u) => u.code)]);
  const added = systemUnits.filter((u) => used.has(u.code) && !listed.has(u.code));
  const organisation: Organisation = {
    ...settings.organisation,
    units: [...settings.organisation.units, ...added.map((u) => ({ code: u.code, name: u.name }))],
  };
  return {
    folder: inFileOrder(folder),
    plans: inFileOrder(plans),
    organisation: inFileOrder(organisation),
    responsibility: { assignments: inFileOrder(assignments) },
    places,
  };
}

/** Where a problem belongs on the curation page. */
export type ProblemTarget =
  | { kind: 'candidate'; index: number; field: string }
  | { kind: 'folder'; field: string }
  | { kind: 'plan'; file: string; field: string }
  | { kind: 'organisation'; field: string }
  | { kind: 'other' };

export interface LocatedProblem extends CatalogProblem {
  target: ProblemTarget;
}

/** The field of a path, dotted without indexes into lists of the field itself: rule.comparator, limits. */
function fieldOf(segments: (string | number)[]): string {
  return segments.filter((s) => typeof s === 'string').join('.');
}

/**
 * Points each problem at what the office edits: a candidate's field (plan files and responsibility.yaml), a folder
 * or plan field, or the organisation. responsibility.yaml names indicators by code: the first candidate with it.
 */
export function locateProblems(problems: readonly CatalogProblem[], curated: CuratedFolder): LocatedProblem[] {
  const byCode = new Map<string, number>();
  for (const p of curated.plans) {
    p.plan.domains.forEach((d, di) => {
      d.indicators.forEach((indicator, k) => {
        const index = curated.places.get(`${p.file}#domains[${di}].indicators[${k}]`);
        if (index !== undefined && !byCode.has(indicator.code)) byCode.set(indicator.code, index);
      });
    });
  }
  return problems.map((problem) => ({ ...problem, target: targetOf(problem, curated, byCode) }));
}

function targetOf(problem: CatalogProblem, curated: CuratedFolder, byCode: Map<string, number>): ProblemTarget {
  if (problem.file === 'folder.yaml') return { kind: 'folder', field: fieldOf(parsePath(problem.path)) };
  if (problem.file === 'organisation.yaml') return { kind: 'organisation', field: problem.path };
  if (problem.file === 'responsibility.yaml') {
    // assignments.W1-01.lead / assignments.W1-01.partners.0
    const m = /^assignments\.([^.]+)(?:\.(lead|partners))?/.exec(problem.path);
    const index = m ? byCode.get(m[1] as string) : undefined;
    if (index !== undefined) return { kind: 'candidate', index, field: m?.[2] ?? 'lead' };
    return { kind: 'other' };
  }
  if (curated.plans.some((p) => p.file === problem.file)) {
    const segments = parsePath(problem.path);
    if (segments[0] === 'domains' && segments[2] === 'indicators' && typeof segments[3] === 'number') {
      const index = curated.places.get(`${problem.file}#domains[${segments[1]}].indicators[${segments[3]}]`);
      if (index !== undefined) return { kind: 'candidate', index, field: fieldOf(segments.slice(4)) };
    }
    return { kind: 'plan', file: problem.file, field: fieldOf(segments) };
  }
  return { kind: 'other' };
}

export interface DomainProgress {
  plan: string;
  domain: string;
  name: string;
  total: number;
  accepted: number;
  rejected: number;
}

/** Decided (accepted or rejected) and total candidates per domain, in draft order. */
export function curationProgress(draft: PlanDraft, decisions: Record<string, CandidateDecision>): DomainProgress[] {
  const rows: DomainProgress[] = [];
  for (const { file, plan } of draft.plans) {
    for (const d of plan.domains) {
      rows.push({ plan: file, domain: d.code, name: d.name, total: 0, accepted: 0, rejected: 0 });
    }
  }
  draft.candidates.forEach((c, index) => {
    const row = rows.find((r) => r.plan === c.plan && r.domain === c.domain);
    if (!row) return;
    row.total++;
    const status = decisionOf(decisions, index).status;
    if (status === 'accepted') row.accepted++;
    else if (status === 'rejected') row.rejected++;
  });
  return rows;
}
