import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { meeting, meetingUnit, orgUnit, workTask } from '../../db/schema/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { ROLE_SCOPE } from '../../kernel/roles.ts';
import type { ScopedUser } from '../../kernel/scope.ts';
import { type Actor, audit } from '../audit/index.ts';
import { sendUnitNotices } from '../notices/index.ts';
import { checkLinks, checkUnits, createTasks, listTasks, type NewTaskInput, resolveLinks } from '../tasks/index.ts';
import { MEETING_KIND_LABELS, type MeetingDetail, type MeetingRow, type RecordMeetingInput } from './contract.ts';

// 议事协调 (规划 三、组织实施: 健全议事协调制度，定期召开妇女儿童工作会、妇儿工委全体会议、联络员会议): the office records
// a meeting — attendees, agenda linked to goals, indicators, warnings or 督办, minutes — and its decisions, each a
// work task for an owner unit. Attendee units get a notice. A unit sees the meetings it attended or was given a
// decision by, and of the decisions only its own.

type Meeting = typeof meeting.$inferSelect;

const isUnitScoped = (user: ScopedUser) => ROLE_SCOPE[user.role] === 'own_unit';

async function visibleMeetingIds(db: Db, unitId: number): Promise<Set<number>> {
  const attended = await db
    .select({ id: meetingUnit.meetingId })
    .from(meetingUnit)
    .where(eq(meetingUnit.unitId, unitId));
  const tasked = await db
    .select({ id: workTask.meetingId })
    .from(workTask)
    .where(and(eq(workTask.unitId, unitId), eq(workTask.kind, 'decision')));
  return new Set([...attended.map((r) => r.id), ...tasked.map((r) => r.id as number)]);
}

export async function findMeeting(db: Db, user: ScopedUser, id: number): Promise<Meeting> {
  const [row] = await db.select().from(meeting).where(eq(meeting.id, id));
  if (!row) throw notFound('会议');
  if (isUnitScoped(user) && !(await visibleMeetingIds(db, user.unitId ?? -1)).has(id)) throw notFound('会议');
  return row;
}

export async function recordMeeting(
  db: Db,
  actor: Actor,
  input: RecordMeetingInput,
  options: { at?: Date } = {},
): Promise<{ meeting: Meeting; notified: number[] }> {
  const unitIds = [...new Set(input.unitIds)];
  await checkUnits(db, unitIds, 'body.unitIds.#');
  await checkUnits(
    db,
    input.decisions.map((d) => d.unitId),
    'body.decisions.#.unitId',
  );
  for (const [i, item] of input.agenda.entries()) await checkLinks(db, item.links, `body.agenda.${i}.links`);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(meeting)
      .values({
        kind: input.kind,
        title: input.title,
        heldOn: input.heldOn,
        place: input.place,
        host: input.host,
        attendeePeople: input.attendeePeople,
        agenda: input.agenda,
        minutes: input.minutes,
        createdBy: actor.userId,
        ...(options.at ? { createdAt: options.at, updatedAt: options.at } : {}),
      })
      .returning();
    const row = created as Meeting;
    if (unitIds.length) await tx.insert(meetingUnit).values(unitIds.map((unitId) => ({ meetingId: row.id, unitId })));
    await audit(tx, actor, {
      action: 'meeting.record',
      objectType: 'meeting',
      objectId: row.id,
      after: { ...row, unitIds, decisions: input.decisions },
    });
    if (input.decisions.length) {
      await createTasks(
        tx,
        actor,
        { kind: 'decision', meetingId: row.id, title: row.title },
        input.decisions,
        options.at,
      );
    }
    if (!options.at) {
      await sendUnitNotices(
        tx,
        unitIds.map((unitId) => ({
          unitId,
          kind: 'meeting.minutes',
          title: `【${MEETING_KIND_LABELS[row.kind]}】${row.title}`,
          body: `${row.heldOn}${row.place ? `在${row.place}` : ''}召开的${row.title}已形成会议纪要${input.decisions.length ? `，议定事项 ${input.decisions.length} 项` : ''}，请查阅并抓好落实。`,
          link: `/meetings/${row.id}`,
        })),
      );
    }
    return { meeting: row, notified: unitIds };
  });
}

export async function addDecision(db: Db, actor: Actor, row: Meeting, input: NewTaskInput) {
  await checkUnits(db, [input.unitId], 'body.unitId');
  return db.transaction(async (tx) => {
    const [task] = await createTasks(tx, actor, { kind: 'decision', meetingId: row.id, title: row.title }, [input]);
    return task;
  });
}

export async function listMeetings(db: Db, user: ScopedUser, year?: number): Promise<MeetingRow[]> {
  let rows = await db.select().from(meeting).orderBy(desc(meeting.heldOn), desc(meeting.id));
  if (year) rows = rows.filter((r) => r.heldOn.startsWith(String(year)));
  if (isUnitScoped(user)) {
    const visible = await visibleMeetingIds(db, user.unitId ?? -1);
    rows = rows.filter((r) => visible.has(r.id));
  }
  const ids = [...rows.map((r) => r.id), -1];
  const units = await db.select().from(meetingUnit).where(inArray(meetingUnit.meetingId, ids));
  const tasks = await db
    .select({ meetingId: workTask.meetingId, status: workTask.status, unitId: workTask.unitId })
    .from(workTask)
    .where(inArray(workTask.meetingId, ids));
  return rows.map((r) => {
    const mine = tasks.filter((t) => t.meetingId === r.id && (!isUnitScoped(user) || t.unitId === user.unitId));
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      heldOn: r.heldOn,
      place: r.place,
      units: units.filter((u) => u.meetingId === r.id).length,
      decisions: mine.length,
      openDecisions: mine.filter((t) => t.status !== 'closed').length,
    };
  });
}

export async function meetingDetail(db: Db, user: ScopedUser, id: number): Promise<MeetingDetail> {
  const row = await findMeeting(db, user, id);
  const attendees = await db
    .select({ unitId: meetingUnit.unitId, name: orgUnit.name })
    .from(meetingUnit)
    .innerJoin(orgUnit, eq(orgUnit.id, meetingUnit.unitId))
    .where(eq(meetingUnit.meetingId, id))
    .orderBy(asc(orgUnit.position));
  const decisions = await listTasks(db, user, { meetingId: id });
  const agenda = [];
  for (const item of row.agenda) agenda.push({ title: item.title, links: await resolveLinks(db, item.links) });
  return {
    meeting: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      heldOn: row.heldOn,
      place: row.place,
      host: row.host,
      attendeePeople: row.attendeePeople,
      minutes: row.minutes,
      version: row.version,
      units: attendees.length,
      decisions: decisions.length,
      openDecisions: decisions.filter((d) => d.status !== 'closed').length,
    },
    attendees,
    agenda,
    decisions: decisions.sort((a, b) => a.id - b.id),
  };
}
