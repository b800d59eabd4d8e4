// 附表 成员单位反映的主要问题和对策建议: each unit's own points, which the body of 存在的问题 and 对策建议 leaves out
// for the units it is not about (core/narrative unitsPassage) and refers to by this table's title.
import { type NarrativeInput, UNITS_ANNEX, unitsAnnexRows } from '../../core/narrative/index.ts';
import type { Table } from './model.ts';

export function unitsAnnexTable(narrative: NarrativeInput): Table | null {
  const rows = unitsAnnexRows(narrative);
  if (rows.length === 0) return null;
  return {
    kind: 'table',
    appendix: true,
    caption: UNITS_ANNEX,
    // Landscape type area (225 mm): two text columns of about 24 characters a line.
    columns: [{ width: 11, align: 'center' }, { width: 34 }, { width: 90 }, { width: 90 }],
    header: [[{ text: '序号' }, { text: '单位' }, { text: '存在的主要问题及原因' }, { text: '对策建议' }]],
    rows: rows.map((r, i) => [i + 1, r.unitName, r.problems || '—', r.countermeasures || '—']),
    note: `注：摘自各成员单位${narrative.kind === 'final' ? '最近一次' : `${narrative.year}年`}报送的年度工作报告，问题、对策各列前三点，原因列第一点。`,
  };
}
