// The pure part of 规划管理 (src/core/catalog/curate.ts): a draft and the office's decisions become the folder they
// describe; the validators' problems point back at candidates and fields; progress per domain. And the files of
// a curated folder load with loadWholeFolder (src/features/plans/curation.ts).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CandidateDecision,
  curatedFolder,
  curationProgress,
  inFileOrder,
  initialSettings,
  locateProblems,
} from '../../src/core/catalog/curate.ts';
import { draftPlanFolder, type PlanDraft } from '../../src/core/catalog/draft.ts';
import { checkCuration, curationZip } from '../../src/features/plans/curation.ts';
import { readZipDirectory } from '../../src/kernel/zip.ts';
import { ACTION_LABELS, OBJECT_LABELS } from '../../web/src/features/admin/auditLabels.ts';

const demoText = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'plan-text',
  'demo-2026-2030.txt',
);

const decided = (status: CandidateDecision['status'], more: Partial<CandidateDecision> = {}): CandidateDecision => ({
  status,
  edits: {},
  lead: null,
  partners: [],
  revision: 1,
  ...more,
});

describe('curating a draft', () => {
  let draft: PlanDraft;
  const index = (code: string) => draft.candidates.findIndex((c) => c.code === code);

  beforeAll(async () => {
    draft = draftPlanFolder(await readFile(demoText, 'utf8'), { id: 'demo' });
  });

  it('puts accepted candidates, with their edits, into their domain; rejected and pending ones stay out', () => {
    const decisions = {
      [index('W1-01')]: decided('accepted', { lead: 'wjw', partners: ['tjj'] }),
      [index('W1-03')]: decided('accepted', { edits: { name: '适龄妇女乳腺癌人群筛查率' } }),
      [index('W1-02')]: decided('rejected'),
      [index('W2-01')]: decided('accepted', { partners: ['fl'] }),
    };
    const settings = initialSettings(draft);
    settings.folder = { ...settings.folder, cycle: { start: 2027, end: 2031, baseYear: 2026 } };
    const curated = curatedFolder(draft, settings, decisions, [
      { code: 'wjw', name: '区卫生健康委' },
      { code: 'fl', name: '区妇联' },
      { code: 'jyj', name: '区教育局' },
    ]);
    const [women] = curated.plans;
    expect(women?.plan.domains.map((d) => d.indicators.map((i) => i.code))).toEqual([['W1-01', 'W1-03'], ['W2-01']]);
    expect(women?.plan.domains[0]?.indicators[1]?.name).toBe('适龄妇女乳腺癌人群筛查率');
    // Candidates carry plan and domain; indicators do not.
    expect(women?.plan.domains[0]?.indicators[0]).not.toHaveProperty('plan');
    // Every plan takes the folder's cycle.
    expect(women?.plan).toMatchObject({ cycle: { start: 2027, end: 2031 }, baseYear: 2026 });
    expect(curated.places.get('women.yaml#domains[0].indicators[1]')).toBe(index('W1-03'));
    // The system's units chosen are added to the organisation; unchosen ones are not.
    expect(curated.organisation.units.map((u) => u.code)).toEqual(['tjj', 'wjw', 'fl']);
    // A partner without a lead is written as it is, so that the validator names the missing lead.
    expect(curated.responsibility.assignments).toEqual({
      'W1-01': { lead: 'wjw', partners: ['tjj'] },
      'W2-01': { lead: '', partners: ['fl'] },
    });
    expect(curationProgress(draft, decisions).map((p) => [p.domain, p.total, p.accepted, p.rejected])).toEqual([
      ['W1', 4, 2, 1],
      ['W2', 4, 1, 0],
    ]);
  });

  it('points problems at the candidate field, folder field, plan field or organisation', () => {
    const decisions = {
      [index('W1-02')]: decided('accepted'),
      [index('W2-02')]: decided('accepted'),
    };
    const curated = curatedFolder(draft, initialSettings(draft), decisions);
    const located = locateProblems(
      [
        { file: 'women.yaml', path: 'domains[1].indicators[0].rule.comparator', message: 'a' },
        { file: 'women.yaml', path: 'domains[0].indicators[0]', message: 'b' },
        { file: 'women.yaml', path: 'shortTitle', message: 'c' },
        { file: 'folder.yaml', path: 'cycle.end', message: 'd' },
        { file: 'organisation.yaml', path: 'units.0.code', message: 'e' },
        { file: 'responsibility.yaml', path: 'assignments.W1-02.partners.0', message: 'f' },
        { file: 'responsibility.yaml', path: 'assignments.W9-99.lead', message: 'g' },
      ],
      curated,
    );
    expect(located.map((p) => p.target)).toEqual([
      { kind: 'candidate', index: index('W2-02'), field: 'rule.comparator' },
      { kind: 'candidate', index: index('W1-02'), field: '' },
      { kind: 'plan', file: 'women.yaml', field: 'shortTitle' },
      { kind: 'folder', field: 'cycle.end' },
      { kind: 'organisation', field: 'units.0.code' },
      { kind: 'candidate', index: index('W1-02'), field: 'partners' },
      { kind: 'other' },
    ]);
  });

  it('writes objects back in the files’ key order, whatever order the stored JSON has', () => {
    const scrambled = { value: 7.5, kind: 'threshold', comparator: '<=' };
    expect(Object.keys(inFileOrder(scrambled))).toEqual(['kind', 'comparator', 'value']);
    const indicator = { quote: 'q', rule: scrambled, code: 'W1-01', source: { number: 1, kind: 'goal' }, name: 'n' };
    const ordered = inFileOrder(indicator);
    expect(Object.keys(ordered)).toEqual(['code', 'name', 'rule', 'source', 'quote']);
    expect(Object.keys(ordered.source)).toEqual(['kind', 'number']);
    expect(Object.keys(inFileOrder({ kind: 'town', name: '东湖镇', code: 'T01' }))).toEqual(['code', 'name', 'kind']);
  });

  it('checks the curated files with loadWholeFolder and zips them under the folder id', async () => {
    const decisions = { [index('W1-01')]: decided('accepted', { lead: 'wjw' }) };
    const systemUnits = [{ code: 'wjw', name: '区卫生健康委' }];
    const ok = await checkCuration(draft, initialSettings(draft), decisions, systemUnits, 'demo.txt');
    expect(ok.problems).toEqual([]);
    expect(ok.whole?.catalog.plans[0]?.domains[0]?.indicators.map((i) => i.code)).toEqual(['W1-01']);
    expect(ok.notes).toEqual([]);
    const zip = curationZip(ok.files, ok.curated.folder.id);
    expect(readZipDirectory(zip).map((e) => e.name)).toEqual([
      'demo-2026-2030/folder.yaml',
      'demo-2026-2030/women.yaml',
      'demo-2026-2030/organisation.yaml',
      'demo-2026-2030/responsibility.yaml',
    ]);

    // Without a lead: a note, not a problem. With a wrong value: a located problem and no folder.
    const noLead = await checkCuration(
      draft,
      initialSettings(draft),
      { [index('W1-01')]: decided('accepted') },
      [],
      'demo.txt',
    );
    expect(noLead.notes).toEqual([expect.stringContaining('1 个采纳的指标还没有牵头单位（W1-01）')]);
    const wrong = await checkCuration(
      draft,
      initialSettings(draft),
      {
        [index('W1-01')]: decided('accepted', { edits: { rule: { kind: 'threshold', comparator: '<=', value: 75 } } }),
      },
      [],
      'demo.txt',
    );
    expect(wrong.whole).toBeUndefined();
    expect(wrong.problems.map((p) => p.target)).toContainEqual({
      kind: 'candidate',
      index: index('W1-01'),
      field: 'rule.value',
    });
  });
});

it('names every audit action of 规划管理 in Chinese on the audit log page', async () => {
  const routes = await readFile(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/features/plans/routes.ts'),
    'utf8',
  );
  const actions = [...routes.matchAll(/action: '(plan_draft\.[a-z_]+)'/g)].map((m) => m[1] as string);
  expect(actions.length).toBeGreaterThanOrEqual(8);
  for (const action of actions) expect(ACTION_LABELS[action], action).toMatch(/\p{Script=Han}/u);
  expect(OBJECT_LABELS.plan_draft).toBe('规划草稿');
});
