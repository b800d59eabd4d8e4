import type { Site } from '../../core/site.ts';
import type { Db } from '../../db/connection.ts';
import { getSetting, SITE } from '../../platform/settings.ts';
import { type Block, heading, paragraph, type ReportDocument, renderOfficialDocx } from '../reports/index.ts';
import { listTasks } from '../tasks/index.ts';
import { MEETING_KIND_LABELS } from './contract.ts';
import { meetingDetail } from './meetings.ts';

// 会议纪要 as the office writes it (GB/T 9704 纪要格式): title, issuer and date, an opening paragraph (when, where,
// who chaired, who attended), the agenda, the minutes as recorded, the decisions with owner and deadline (also as
// a 分工 table), and the attendance list at the end. The whole of the minutes goes to every attendee, so every
// decision is listed, whoever downloads it.

const ALL = { role: 'office' as const, unitId: null, areaId: null };

/** 2025-06-18 → 2025年6月18日 */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export async function buildMinutes(db: Db, meetingId: number): Promise<{ doc: ReportDocument; fileName: string }> {
  const { meeting: m, attendees, agenda } = await meetingDetail(db, ALL, meetingId);
  const decisions = (await listTasks(db, ALL, { meetingId })).sort((a, b) => a.id - b.id);
  const title = m.title.endsWith('纪要') ? m.title : `${m.title}纪要`;
  // The issuer from the active plan folder (organisation.yaml), e.g. 某区妇女儿童工作委员会办公室.
  const site = await getSetting<Site>(db, SITE);
  const issuer = site ? `${site.committee}办公室` : '妇女儿童工作委员会办公室';
  const blocks: Block[] = [];
  const where = m.place ? `在${m.place}` : '';
  const chaired = m.host ? `，${m.host}主持会议` : '';
  const who = attendees.length ? `，${attendees.map((a) => a.name).join('、')}等${attendees.length}个单位参加` : '';
  const topics = agenda.length ? `会议${agenda.map((a) => a.title.replace(/[。；;]$/, '')).join('；')}。` : '';
  blocks.push(
    paragraph(
      `${chineseDate(m.heldOn)}，${MEETING_KIND_LABELS[m.kind] === m.title ? '' : `${MEETING_KIND_LABELS[m.kind]}——`}${m.title}${where}召开${chaired}${who}。${topics}现将会议主要内容纪要如下。`,
    ),
  );
  if (agenda.length) {
    blocks.push(heading(1, '会议议题'));
    agenda.forEach((a, i) => {
      const linked = a.links.length ? `（涉及：${a.links.map((l) => l.label).join('；')}）` : '';
      blocks.push(paragraph(`${i + 1}. ${a.title}${linked}`));
    });
  }
  if (m.minutes.trim()) {
    blocks.push(heading(1, '会议主要内容'));
    for (const line of m.minutes
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean))
      blocks.push(paragraph(line));
  }
  if (decisions.length) {
    blocks.push(heading(1, '议定事项'));
    decisions.forEach((d, i) => {
      blocks.push(
        paragraph(
          { text: `${i + 1}. `, bold: true },
          `${d.content.replace(/[。；;]$/, '')}。`,
          { text: '责任单位：', bold: true },
          `${d.unitName}；`,
          { text: '完成时限：', bold: true },
          `${chineseDate(d.deadline)}前。`,
        ),
      );
    });
    blocks.push({
      kind: 'table',
      caption: '议定事项分工表',
      columns: [
        { width: 14, align: 'center' },
        { width: 80 },
        { width: 34, align: 'center' },
        { width: 28, align: 'center' },
      ],
      header: [[{ text: '序号' }, { text: '议定事项' }, { text: '责任单位' }, { text: '完成时限' }]],
      rows: decisions.map((d, i) => [String(i + 1), d.content, d.unitName, chineseDate(d.deadline)]),
      note: '注：责任单位须于完成时限前在天平系统“工作任务”中反馈落实情况。',
    });
  }
  const present = [attendees.map((a) => a.name).join('、'), m.attendeePeople].filter(Boolean).join('；');
  if (present) blocks.push(paragraph({ text: '出席：', bold: true }, present));
  return {
    doc: { title, issuer, date: chineseDate(m.heldOn), demo: false, blocks },
    fileName: `${title}（${m.heldOn}）.docx`,
  };
}

export async function renderMinutes(db: Db, meetingId: number) {
  const { doc, fileName } = await buildMinutes(db, meetingId);
  return { bytes: await renderOfficialDocx(doc), fileName };
}
