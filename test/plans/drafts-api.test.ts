// 规划管理 through the API (issue 13): upload the 2026–2030 demo text, accept, edit and reject candidates, see the
// validators' problems at the candidate and field they name, export a .zip that loadWholeFolder reads unchanged,
// publish refused while the folder has problems and accepted once it has none.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicator, plan, planDraft } from '../../src/db/schema/index.ts';
import type { CandidateRow, DraftDetail, DraftSummary, ProblemsReply } from '../../src/features/plans/contract.ts';
import { loadWholeFolder } from '../../src/features/plans/index.ts';
import { readZipDirectory, readZipEntry } from '../../src/kernel/zip.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';
import { type Client, login } from '../helpers/session.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const demoText = path.join(fixtures, 'plan-text', 'demo-2026-2030.txt');

/** The folder fields the office edits (the plan files list follows the draft). */
function folderOf(d: DraftDetail) {
  const { plans: _plans, ...folder } = d.settings.folder;
  return folder;
}

describe.each(ENGINES)('规划管理 (plan drafts) on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let text: Buffer;
  let draftId: number;
  const db = () => t.db.database.db;

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    text = await readFile(demoText);
  });
  afterAll(() => t.close());

  const upload = (client: Client, buffer: Buffer, name: string, query = '') =>
    client.request({ method: 'POST', url: `/api/plan-drafts${query}`, ...multipart(buffer, name) });
  const detail = async (): Promise<DraftDetail> => {
    const res = await office.get(`/api/plan-drafts/${draftId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const problems = async (): Promise<ProblemsReply> => {
    const res = await office.get(`/api/plan-drafts/${draftId}/problems`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const row = async (code: string): Promise<CandidateRow> => {
    const found = (await detail()).candidates.find((c) => c.drafted.code === code);
    if (!found) throw new Error(`no candidate ${code}`);
    return found;
  };
  const patch = (index: number, body: object) =>
    office.request({ method: 'PATCH', url: `/api/plan-drafts/${draftId}/candidates/${index}`, payload: body });

  it('drafts an uploaded plan text and stores it; several drafts may exist', async () => {
    const res = await upload(office, text, 'demo-2026-2030.txt', '?id=demo');
    expect(res.statusCode, res.body).toBe(201);
    const created: DraftSummary = res.json();
    draftId = created.id;
    expect(created).toMatchObject({
      fileName: 'demo-2026-2030.txt',
      folderId: 'demo-2026-2030',
      cycle: { start: 2026, end: 2030 },
      candidates: 8,
      decided: 0,
      published: null,
    });
    const second = await upload(office, text, '另一份.txt');
    expect(second.statusCode).toBe(201);
    expect(second.json().folderId).toBe('draft-2026-2030');
    const list = (await office.get('/api/plan-drafts')).json().drafts as DraftSummary[];
    expect(list.map((d) => d.id)).toEqual([second.json().id, draftId]);
    const d = await detail();
    expect(d.plans[0]?.plan.domains.map((x) => x.code)).toEqual(['W1', 'W2']);
    expect(d.progress.map((p) => [p.domain, p.total, p.accepted + p.rejected])).toEqual([
      ['W1', 4, 0],
      ['W2', 4, 0],
    ]);
    // Units to choose from: the draft's organisation first, then the running system's.
    expect(d.units[0]).toMatchObject({ code: 'office', source: 'draft' });
    expect(d.units.find((u) => u.code === 'wjw')).toMatchObject({ name: '区卫生健康委', source: 'system' });
    const [logged] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan_draft.create'), eq(auditLog.objectId, String(draftId))));
    expect(logged?.detail).toContain('8 个候选指标');
  });

  it('drafts a Word document (.docx) the same way as its text', async () => {
    const doc = new Document({
      sections: [
        {
          children: text
            .toString('utf8')
            .split('\n')
            .map((line) => new Paragraph({ text: line })),
        },
      ],
    });
    const res = await upload(office, await Packer.toBuffer(doc), '示范区规划.docx', '?id=word');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '示范区规划.docx', folderId: 'word-2026-2030', candidates: 8 });
    expect((await office.request({ method: 'DELETE', url: `/api/plan-drafts/${res.json().id}` })).statusCode).toBe(200);
  });

  it('refuses bad files with a Chinese message and a stable code, and other roles', async () => {
    const doc = await upload(office, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), '规划.doc');
    expect(doc.statusCode).toBe(400);
    expect(doc.json()).toMatchObject({ code: 'INVALID_PLAN_DOCUMENT' });
    expect(doc.json().message).toContain('另存为 .docx');
    const notPlan = await upload(office, Buffer.from('会议纪要\n今天开会。\n'), '纪要.txt');
    expect(notPlan.statusCode).toBe(400);
    expect(notPlan.json().message).toContain('没有找到规划标题');
    const broken = await upload(office, Buffer.from('PK\u0003\u0004broken'), '规划.docx');
    expect(broken.json()).toMatchObject({ code: 'INVALID_PLAN_DOCUMENT' });
    const empty = await upload(office, Buffer.alloc(0), '空.txt');
    expect(empty.json()).toMatchObject({ code: 'EMPTY_FILE' });
    const noFile = await office.post('/api/plan-drafts', {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('NO_FILE');
    const badPrefix = await upload(office, text, 'x.txt', '?id=Demo!');
    expect(badPrefix.statusCode).toBe(400);
    const reporter = await login(t.app, 'wjw');
    expect((await upload(reporter, text, 'x.txt')).statusCode).toBe(403);
    expect((await reporter.get(`/api/plan-drafts/${draftId}`)).statusCode).toBe(403);
    expect((await office.get('/api/plan-drafts/99999')).statusCode).toBe(404);
  });

  it('accepts a domain, edits and rejects candidates; an edit from an old revision is refused', async () => {
    const accept = await office.post(`/api/plan-drafts/${draftId}/accept-domain`, { plan: 'women.yaml', domain: 'W1' });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json().accepted).toBe(4);

    const w103 = await row('W1-03');
    expect(w103.decision).toMatchObject({ status: 'accepted', revision: 1, updatedBy: expect.any(String) });
    const renamed = await patch(w103.index, {
      revision: 1,
      edits: { name: '适龄妇女乳腺癌人群筛查率' },
      lead: 'wjw',
      partners: ['fl'],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().row.candidate.name).toBe('适龄妇女乳腺癌人群筛查率');
    expect(renamed.json().row.drafted.name).toBe('乳腺癌人群筛查率');

    // Someone else's screen still shows revision 1: refused, with the current state, nothing overwritten.
    const stale = await patch(w103.index, { revision: 1, status: 'rejected' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_EDIT', current: { decision: { status: 'accepted' } } });
    expect((await row('W1-03')).decision.status).toBe('accepted');

    const w204 = await row('W2-04');
    expect((await patch(w204.index, { revision: 0, status: 'rejected' })).statusCode).toBe(200);
    const w201 = await row('W2-01');
    expect((await patch(w201.index, { revision: 0, status: 'accepted', lead: 'zzb' })).statusCode).toBe(200);
    const d = await detail();
    expect(d.progress.map((p) => [p.domain, p.accepted, p.rejected])).toEqual([
      ['W1', 4, 0],
      ['W2', 1, 1],
    ]);
    expect(d.draft).toMatchObject({ decided: 6, accepted: 5 });
    const [stored] = await db().select().from(planDraft).where(eq(planDraft.id, draftId));
    expect(stored?.decisions[String(w103.index)]?.edits).toEqual({ name: '适龄妇女乳腺癌人群筛查率' });
  });

  it('shows the validators’ problems next to the candidate and field they name', async () => {
    expect(await problems()).toMatchObject({ ok: true, problems: [], indicators: 5 });
    const w101 = await row('W1-01');
    // 以下 is ≤: a < is a meaning slip the validator refuses.
    const slip = await patch(w101.index, {
      revision: w101.decision.revision,
      edits: { rule: { kind: 'threshold', comparator: '<', value: 7.5 } },
    });
    expect(slip.statusCode, slip.body).toBe(200);
    const at = (found: ProblemsReply, index: number) =>
      found.problems.filter((p) => p.target.kind === 'candidate' && p.target.index === index);
    const slipFound = await problems();
    expect(slipFound.ok).toBe(false);
    expect(at(slipFound, w101.index)).toEqual([
      expect.objectContaining({
        file: 'women.yaml',
        target: { kind: 'candidate', index: w101.index, field: 'rule.comparator' },
      }),
    ]);
    expect(at(slipFound, w101.index)[0]?.message).toMatch(/以下/);
    const refused = await office.post(`/api/plan-drafts/${draftId}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'DRAFT_INVALID',
      problems: [{ path: 'domains[0].indicators[0].rule.comparator' }],
    });
    // Fixed: back to the drafted rule.
    await patch(w101.index, { revision: (await row('W1-01')).decision.revision, edits: {} });

    // A cleared value is stored as cleared, and named as missing (a shape problem: the validator reports those
    // first, before it reads meaning).
    const w102 = await row('W1-02');
    await patch(w102.index, {
      revision: w102.decision.revision,
      edits: { rule: { kind: 'threshold', comparator: '>=' } },
    });
    const shape = await problems();
    expect(at(shape, w102.index).map((p) => (p.target as { field: string }).field)).toEqual(['rule.value']);
    expect(at(shape, w102.index)[0]?.line).toBeGreaterThan(1);
    await patch(w102.index, { revision: (await row('W1-02')).decision.revision, edits: {} });

    // A lead unit that is neither in the draft nor in the system (responsibility.yaml is read once the plans are
    // valid).
    const w104 = await row('W1-04');
    await patch(w104.index, { revision: w104.decision.revision, lead: 'nosuch' });
    const found = await problems();
    expect(at(found, w104.index)).toEqual([
      expect.objectContaining({
        file: 'responsibility.yaml',
        target: { kind: 'candidate', index: w104.index, field: 'lead' },
      }),
    ]);

    expect((await office.post(`/api/plan-drafts/${draftId}/publish`, {})).json().code).toBe('DRAFT_INVALID');
    await patch(w104.index, { revision: (await row('W1-04')).decision.revision, lead: 'wjw', partners: [] });
    expect(await problems()).toMatchObject({ ok: true, problems: [] });
  });

  it('points folder and plan problems at their fields; settings edits need the current revision', async () => {
    const d = await detail();
    const bad = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/settings`,
      payload: {
        revision: d.settingsRevision,
        folder: { ...folderOf(d), id: 'Demo 2026', cycle: { start: 2030, end: 2026, baseYear: 2025 } },
        plans: { 'women.yaml': { shortTitle: '妇女/规划' } },
      },
    });
    expect(bad.statusCode, bad.body).toBe(200);
    const found = await problems();
    const fields = found.problems.map((p) => p.target);
    expect(fields).toEqual(
      expect.arrayContaining([
        { kind: 'folder', field: 'id' },
        { kind: 'plan', file: 'women.yaml', field: 'shortTitle' },
      ]),
    );
    const stale = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/settings`,
      payload: { revision: d.settingsRevision, folder: folderOf(d) },
    });
    expect(stale.json()).toMatchObject({ code: 'STALE_EDIT' });
    const fixed = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/settings`,
      payload: { revision: d.settingsRevision + 1, folder: folderOf(d), plans: { 'women.yaml': {} } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(await problems()).toMatchObject({ ok: true });
  });

  it('exports a .zip of the folder that loadWholeFolder reads unchanged', async () => {
    const res = await office.get(`/api/plan-drafts/${draftId}/export.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('demo-2026-2030.zip');
    const zip = res.rawPayload;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-curate-zip-'));
    try {
      const entries = readZipDirectory(zip);
      expect(entries.map((e) => e.name).sort()).toEqual(
        ['folder.yaml', 'organisation.yaml', 'responsibility.yaml', 'women.yaml'].map((n) => `demo-2026-2030/${n}`),
      );
      for (const e of entries) await writeFile(path.join(dir, path.basename(e.name)), readZipEntry(zip, e, 1 << 20));
      const whole = await loadWholeFolder(dir);
      expect(whole.catalog.folder.id).toBe('demo-2026-2030');
      const indicators = whole.catalog.plans[0]!.domains.flatMap((d) => d.indicators);
      expect(indicators.map((i) => i.code)).toEqual(['W1-01', 'W1-02', 'W1-03', 'W1-04', 'W2-01']);
      expect(indicators.find((i) => i.code === 'W1-03')?.name).toBe('适龄妇女乳腺癌人群筛查率');
      // The system's units chosen as lead or partner are added to organisation.yaml.
      expect(whole.organisation.units.map((u) => u.code)).toEqual(expect.arrayContaining(['tjj', 'wjw', 'fl', 'zzb']));
      expect(whole.responsibility?.find((a) => a.code === 'W1-03')).toMatchObject({ lead: 'wjw', partners: ['fl'] });
      const yaml = (await readFile(path.join(dir, 'women.yaml'), 'utf8')).toString();
      // The draft's YAML style: short maps on one line, as the hand-written plan files have them.
      expect(yaml).toContain('rule: { kind: threshold, comparator: <=, value: 7.5 }');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to publish over an existing cycle: the folder id must be new', async () => {
    const d = await detail();
    const onOld = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/settings`,
      payload: { revision: d.settingsRevision, folder: { ...folderOf(d), id: 'wuqing-2021-2025' } },
    });
    expect(onOld.statusCode, onOld.body).toBe(200);
    const found = await problems();
    expect(found.ok).toBe(true);
    expect(found.blockers).toEqual([expect.stringContaining('本系统已有规划周期“wuqing-2021-2025”')]);
    const refused = await office.post(`/api/plan-drafts/${draftId}/publish`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('CYCLE_EXISTS');
    await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/settings`,
      payload: { revision: d.settingsRevision + 1, folder: folderOf(d) },
    });
    expect((await problems()).blockers).toEqual([]);
  });

  it('names the previous cycle and the indicator a candidate continues; a predecessor left out is cleared', async () => {
    const settings = (body: object) =>
      office.request({ method: 'PATCH', url: `/api/plan-drafts/${draftId}/settings`, payload: body });
    let d = await detail();
    const named = await settings({
      revision: d.settingsRevision,
      folder: { ...folderOf(d), predecessor: 'wuqing-2021-2025' },
    });
    expect(named.statusCode, named.body).toBe(200);
    d = await detail();
    expect(d.settings.folder.predecessor).toBe('wuqing-2021-2025');
    const { predecessor: _, ...without } = folderOf(d);
    expect((await settings({ revision: d.settingsRevision, folder: without })).statusCode).toBe(200);
    d = await detail();
    expect(d.settings.folder.predecessor).toBeUndefined();
    await settings({ revision: d.settingsRevision, folder: { ...without, predecessor: 'wuqing-2021-2025' } });

    const w101 = await row('W1-01');
    const continued = await patch(w101.index, {
      revision: w101.decision.revision,
      edits: { ...w101.decision.edits, predecessor: 'W1-03' },
    });
    expect(continued.statusCode, continued.body).toBe(200);
    expect(continued.json().row.candidate.predecessor).toBe('W1-03');
    expect((await problems()).ok).toBe(true);
  });

  it('refuses a wrong predecessor when it is saved, at its field, and saves nothing', async () => {
    const settings = (body: object) =>
      office.request({ method: 'PATCH', url: `/api/plan-drafts/${draftId}/settings`, payload: body });
    const d = await detail();
    const logged = async () => (await db().select().from(auditLog)).length;
    const audited = await logged();

    // A previous cycle that is not a published cycle of this system.
    const unknown = await settings({
      revision: d.settingsRevision,
      folder: { ...folderOf(d), predecessor: 'nope-2016-2020' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'PREDECESSOR_NOT_FOUND',
      message:
        '上一周期规划目录 nope-2016-2020 不在本系统中：请填写本系统已发布的规划周期（wuqing-2021-2025），或留空。',
      fields: [{ field: 'body.folder.predecessor', message: expect.stringContaining('nope-2016-2020') }],
    });
    const after = await detail();
    expect(after.settings.folder.predecessor).toBe('wuqing-2021-2025');
    expect(after.settingsRevision).toBe(d.settingsRevision);

    // A code the previous cycle does not have.
    const w102 = await row('W1-02');
    const missing = await patch(w102.index, {
      revision: w102.decision.revision,
      status: 'accepted',
      edits: { ...w102.decision.edits, predecessor: 'W9-99' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'PREDECESSOR_NOT_FOUND',
      message: '上一周期规划目录 wuqing-2021-2025 中没有指标 W9-99：请改正上一周期指标的编号，或留空。',
      fields: [{ field: 'body.edits.predecessor' }],
    });

    // The predecessor another accepted indicator already continues (W1-01 continues W1-03).
    const taken = await patch(w102.index, {
      revision: w102.decision.revision,
      status: 'accepted',
      edits: { ...w102.decision.edits, predecessor: 'W1-03' },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toMatchObject({
      code: 'PREDECESSOR_TAKEN',
      message: '上一周期指标 W1-03 已由本草稿的指标 W1-01 延续：一个上一周期指标只能由一个指标延续，请改正其中一个。',
      fields: [{ field: 'body.edits.predecessor' }],
    });
    expect(await row('W1-02')).toEqual(w102);
    expect(await logged()).toBe(audited);

    // The right code of the previous cycle is saved.
    const right = await patch(w102.index, {
      revision: w102.decision.revision,
      edits: { ...w102.decision.edits, predecessor: 'W1-05' },
    });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().row.candidate.predecessor).toBe('W1-05');
    expect((await problems()).ok).toBe(true);
  });

  it('names a predecessor saved before the folder named its previous cycle among the publish blockers', async () => {
    const settings = (body: object) =>
      office.request({ method: 'PATCH', url: `/api/plan-drafts/${draftId}/settings`, payload: body });
    let d = await detail();
    const { predecessor: _, ...without } = folderOf(d);
    expect((await settings({ revision: d.settingsRevision, folder: without })).statusCode).toBe(200);
    // Without a previous cycle there is nothing to look the code up in: saved, the validator asks for the cycle.
    const w102 = await row('W1-02');
    const early = await patch(w102.index, {
      revision: w102.decision.revision,
      edits: { ...w102.decision.edits, predecessor: 'W9-99' },
    });
    expect(early.statusCode, early.body).toBe(200);
    d = await detail();
    expect(
      (await settings({ revision: d.settingsRevision, folder: { ...without, predecessor: 'wuqing-2021-2025' } }))
        .statusCode,
    ).toBe(200);
    expect((await problems()).blockers).toEqual([
      '上一周期规划目录 wuqing-2021-2025 中没有指标 W9-99（候选指标 W1-02 的上一周期指标）：请在该候选指标中改正，或留空。',
    ]);
    const refused = await office.post(`/api/plan-drafts/${draftId}/publish`, {});
    expect(refused.json()).toMatchObject({ code: 'PREDECESSOR_NOT_FOUND' });
    const fixed = await row('W1-02');
    await patch(fixed.index, {
      revision: fixed.decision.revision,
      edits: { ...fixed.decision.edits, predecessor: 'W1-05' },
    });
    expect((await problems()).blockers).toEqual([]);
  });

  it('publishes a valid folder once as a new cycle beside the old one, records it, keeps the draft read-only', async () => {
    const before = (await office.get('/api/catalog/plans')).body;
    const res = await office.post(`/api/plan-drafts/${draftId}/publish`, { current: false });
    expect(res.statusCode, res.body).toBe(200);
    const cycles = (await office.get('/api/cycles')).json().cycles as { id: string; current: boolean }[];
    expect(cycles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'wuqing-2021-2025', current: true }),
        expect.objectContaining({ id: 'demo-2026-2030', current: false }),
      ]),
    );
    // The current cycle's catalog is as it was; the new cycle has the five accepted indicators.
    expect((await office.get('/api/catalog/plans')).body).toBe(before);
    const [published] = await db().select().from(plan).where(eq(plan.folderId, 'demo-2026-2030'));
    expect(published?.id).toBe('demo-women-2026-2030');
    const codes = await db()
      .select({ code: indicator.code })
      .from(indicator)
      .innerJoin(plan, eq(indicator.planId, plan.id))
      .where(eq(plan.folderId, 'demo-2026-2030'));
    expect(codes.map((c) => c.code).sort()).toEqual(['W1-01', 'W1-02', 'W1-03', 'W1-04', 'W2-01']);
    // W1-01 continues 2021–2025's 孕产妇死亡率 (W1-03 there): the lineage the analysis reads.
    const [continued] = await db()
      .select({ predecessorId: indicator.predecessorId })
      .from(indicator)
      .where(and(eq(indicator.planId, 'demo-women-2026-2030'), eq(indicator.code, 'W1-01')));
    const [previous] = await db()
      .select({ code: indicator.code, planId: indicator.planId })
      .from(indicator)
      .where(eq(indicator.id, continued?.predecessorId ?? -1));
    expect(previous).toEqual({ code: 'W1-03', planId: 'wuqing-women-2021-2025' });
    expect(res.json()).toMatchObject({
      folderId: 'demo-2026-2030',
      draft: { published: { folderId: 'demo-2026-2030' } },
    });
    const again = await office.post(`/api/plan-drafts/${draftId}/publish`, {});
    expect(again.json()).toMatchObject({ code: 'DRAFT_PUBLISHED' });
    const w101 = await row('W1-01');
    expect((await patch(w101.index, { revision: w101.decision.revision, status: 'rejected' })).statusCode).toBe(409);
    expect((await office.request({ method: 'DELETE', url: `/api/plan-drafts/${draftId}` })).statusCode).toBe(409);
    const [logged] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan_draft.publish'), eq(auditLog.objectId, String(draftId))));
    expect(logged?.detail).toContain('demo-2026-2030');
    // publishFolder's own record of the cycle, with who published it.
    const [cycle] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.publish'), eq(auditLog.objectId, 'demo-2026-2030')));
    expect(cycle?.username).toBe('office');
  });

  it('refuses to publish a draft with no accepted indicator, and deletes a draft with its contents in the log', async () => {
    const created = await upload(office, text, '再一份.txt', '?id=empty');
    const id = created.json().id as number;
    const publish = await office.post(`/api/plan-drafts/${id}/publish`, {});
    expect(publish.json()).toMatchObject({ code: 'DRAFT_EMPTY' });
    const del = await office.request({ method: 'DELETE', url: `/api/plan-drafts/${id}` });
    expect(del.statusCode, del.body).toBe(200);
    expect((await office.get(`/api/plan-drafts/${id}`)).statusCode).toBe(404);
    const [logged] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan_draft.delete'), eq(auditLog.objectId, String(id))));
    expect(logged?.before).toMatchObject({ fileName: '再一份.txt' });
  });
});
