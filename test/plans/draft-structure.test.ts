// How the drafter reads a document's structure (src/core/catalog/draft.ts): the title line (规划 or 纲要, short, no
// sentence), 序言 or 前言, top headings and titled parts, a goal continued on the next line, 主要目标 and 策略措施 with
// or without a colon, and a text saved with a BOM, CR line ends or full-width indents.
import { describe, expect, it } from 'vitest';
import { DraftError, draftPlanFolder } from '../../src/core/catalog/draft.ts';

const BODY = [
  '一、总体目标',
  '妇女健康水平持续提高。',
  '二、发展领域',
  '（一）妇女与健康',
  '主要目标:',
  '1.孕产妇死亡率控制在7.5/10万以下，',
  '婴儿死亡率控制在3‰以下。',
  '2、妇女常见病筛查率达到90%以上。',
  '策略措施',
  '1．保障孕产妇安全分娩。',
  '三、保障措施',
  '（一）加强组织领导',
  '各级政府要加强领导。',
  '（二）加强队伍建设。各单位配齐人员。',
  '四、监测评估',
  '区统计局牵头监测。',
];
const TEXT = ['某区妇女发展纲要（2026—2030年）', '前言', '为促进妇女发展，制定本纲要。', ...BODY].join('\n');

describe('the structure of a plan document', () => {
  it('reads the preface, the sections, titled parts and a domain’s numbered goals and measures', () => {
    const draft = draftPlanFolder(TEXT);
    const plan = draft.plans[0]!.plan;
    expect(plan.sections).toEqual([
      { title: '前言', text: '为促进妇女发展，制定本纲要。' },
      { title: '总体目标', text: '妇女健康水平持续提高。' },
      // （二）加强队伍建设。… is a paragraph with its own title, not a part.
      { title: '加强组织领导', text: '各级政府要加强领导。\n（二）加强队伍建设。各单位配齐人员。' },
      { title: '监测评估', text: '区统计局牵头监测。' },
    ]);
    expect(plan.domains.map(({ indicators: _none, ...d }) => d)).toEqual([
      {
        code: 'W1',
        name: '妇女与健康',
        goals: [
          { number: 1, text: '孕产妇死亡率控制在7.5/10万以下，\n婴儿死亡率控制在3‰以下。' },
          { number: 2, text: '妇女常见病筛查率达到90%以上。' },
        ],
        measures: [{ number: 1, title: '保障孕产妇安全分娩', text: '保障孕产妇安全分娩。' }],
      },
    ]);
    expect(draft.candidates.map((c) => [c.code, c.name, c.quote])).toEqual([
      ['W1-01', '孕产妇死亡率', '孕产妇死亡率控制在7.5/10万以下'],
      ['W1-02', '婴儿死亡率', '婴儿死亡率控制在3‰以下'],
      ['W1-03', '妇女常见病筛查率', '妇女常见病筛查率达到90%以上'],
    ]);
  });

  it('starts with the first heading when there is no preface, and takes 序言 as a title', () => {
    const titles = (lines: string[]) =>
      draftPlanFolder(['某区妇女发展规划（2026—2030年）', ...lines, ...BODY].join('\n')).plans[0]!.plan.sections.map(
        (s) => [s.title, s.text],
      );
    expect(titles([])[0]).toEqual(['总体目标', '妇女健康水平持续提高。']);
    expect(titles(['序言', '序言正文。'])[0]).toEqual(['序言', '序言正文。']);
  });

  it('reads a text saved with a BOM, CR or CRLF line ends and full-width indents as the plain text', () => {
    const plain = draftPlanFolder(TEXT);
    const lines = TEXT.split('\n').map((l, i) => (i % 2 ? `\u3000 ${l}  ` : l));
    expect(draftPlanFolder(`\uFEFF${lines.join('\r\n')}`)).toEqual(plain);
    expect(draftPlanFolder(TEXT.split('\n').join('\r'))).toEqual(plain);
  });

  it('takes no sentence and no line over 60 characters for a title, and says what a title looks like', () => {
    const message =
      '没有找到规划标题：标题应单独成行、以“规划”结尾，下一行是“序言”或“一、……”。请检查文件是否为规划正文。';
    for (const title of [
      '某区妇女发展规划，二〇二六年（2026—2030年）',
      `某区妇女发展${'长'.repeat(60)}规划`,
      '会议纪要',
    ]) {
      expect(() => draftPlanFolder([title, ...BODY].join('\n')), title).toThrow(new DraftError(message));
    }
  });
});
