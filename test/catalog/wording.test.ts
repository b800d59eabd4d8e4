// How a plan's wording states a numeric target (src/core/catalog/wording.ts), shared by the drafter and the plan
// checks: the comparator words before and after a number, 保持 for a level held, lists given 分别, and the numbers
// that are no target (ages, months, ranges, ordinals, years).
import { describe, expect, it } from 'vitest';
import {
  COMPARATOR_READING,
  clausesOf,
  enumeratedNames,
  numericStatements,
  positionOf,
} from '../../src/core/catalog/wording.ts';

/** Each statement as "numbers comparator word [保持]". */
const read = (clause: string) =>
  numericStatements(clause).map(
    (s) =>
      `${s.numbers.map((n) => `${n.written}${n.unit}`).join('、')} ${s.comparator ?? '-'} ${s.word ?? '-'}${s.maintain ? ' 保持' : ''}`,
  );

describe('the numeric statements of a clause', () => {
  it('read the comparator from the word after the number, or else the word before it', () => {
    expect(read('孕产妇死亡率控制在8.5/10万以下')).toEqual(['8.5/10万 <= 以下']);
    expect(read('逐步降至1%以内')).toEqual(['1% <= 以内']);
    expect(read('0—6岁儿童眼保健覆盖率达到90%以上')).toEqual(['90% >= 以上']);
    expect(read('婴儿死亡率不高于3.0‰')).toEqual(['3.0‰ <= 不高于']);
    expect(read('女性比例不低于30%')).toEqual(['30% >= 不低于']);
    expect(read('培训场所数量达到100个')).toEqual(['100个 >= 达到']);
    expect(read('每年6月开展')).toEqual(['6 - -']);
    expect(read('不超过15%')).toEqual(['15% <= 不超过']);
    expect(read('不少于3名')).toEqual(['3名 >= 不少于']);
    expect(read('至少1所')).toEqual(['1所 >= 至少']);
    expect(read('高于5')).toEqual(['5 > 高于']);
    expect(read('超过5%')).toEqual(['5% > 超过']);
    expect(read('保持高水平，低于10%')).toEqual(['10% < 低于']);
    expect(read('达5项')).toEqual(['5项 >= 达']);
    expect(read('力争达到95%')).toEqual(['95% >= 达到']);
    expect(read('均达到95%')).toEqual(['95% >= 达到']);
    // A verb that states no comparator by itself.
    expect(read('降到2‰')).toEqual(['2‰ - -']);
    expect(read('下降到2‰')).toEqual(['2‰ - -']);
    expect(read('实施25项')).toEqual(['25项 - -']);
  });

  it('mark a level to hold every year', () => {
    expect(read('保持在95%以上')).toEqual(['95% >= 以上 保持']);
    expect(read('孕产妇系统管理率保持较高水平并达到95%')).toEqual(['95% >= 达到 保持']);
    expect(read('孕产妇系统管理率达到95%')).toEqual(['95% >= 达到']);
  });

  it('read a list given 分别 as one statement, each number with the unit written last', () => {
    const [list] = numericStatements('新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下');
    expect(list).toEqual({
      numbers: [
        { value: 3, written: '3.0', unit: '‰' },
        { value: 5, written: '5.0', unit: '‰' },
        { value: 6, written: '6.0', unit: '‰' },
      ],
      comparator: '<=',
      word: '以下',
      maintain: false,
      lead: '新生儿、婴儿和5岁以下儿童死亡率分别降至',
      start: 20,
      end: 34,
    });
    expect(read('10、15%')).toEqual(['10%、15% - -']);
  });

  it('skip ages, months, ranges and ordinals', () => {
    for (const clause of ['5岁以下', '5周岁以下', '7至9岁', '1~2', '男女比例保持在103—107', '第3项', '6个月']) {
      expect(read(clause), clause).toEqual([]);
    }
    expect(read('6个月内纯母乳喂养率达到50%以上')).toEqual(['50% >= 以上']);
  });

  it('skip a year, whose 年 reads as a unit: a base year, a deadline, a date', () => {
    expect(read('以2020年为基数下降20%')).toEqual(['20% - -']);
    for (const clause of ['到2030年', '2028年底前', '2021年数据', '2020年度', '2019年末', '2018年前']) {
      expect(read(clause), clause).toEqual([]);
    }
    // Years of schooling are a target.
    expect(read('平均受教育年限达到11.5年')).toEqual(['11.5年 >= 达到']);
  });
});

describe('the names a 分别 statement lists', () => {
  it('are the subject before the verb, split at 、和及与', () => {
    expect(enumeratedNames('新生儿、婴儿和5岁以下儿童死亡率分别降至')).toEqual(['新生儿', '婴儿', '5岁以下儿童死亡率']);
    expect(enumeratedNames('城乡差距，甲及乙与丙都达到')).toEqual(['甲', '乙', '丙']);
    expect(enumeratedNames('主要目标：甲和乙分别提高到')).toEqual(['甲', '乙']);
    expect(enumeratedNames('甲均')).toEqual(['甲']);
    expect(enumeratedNames('主要目标：甲和乙提高到')).toEqual(['甲', '乙']);
    expect(enumeratedNames('甲、、乙达到')).toEqual(['甲', '乙']);
    expect(enumeratedNames('：')).toEqual([]);
  });

  it('match an indicator by the longest part its name contains, none on a tie', () => {
    expect(positionOf('5岁以下儿童死亡率', ['新生儿', '婴儿', '5岁以下儿童死亡率'])).toBe(2);
    expect(positionOf('婴儿死亡率', ['新生儿', '婴儿'])).toBe(1);
    expect(positionOf('新生儿死亡率', ['新生儿', '婴儿'])).toBe(0);
    expect(positionOf('甲乙', ['甲', '乙'])).toBe(-1);
    expect(positionOf('丙', ['甲'])).toBe(-1);
    expect(positionOf('甲乙丙', ['甲乙', '乙丙', '甲'])).toBe(-1);
    expect(positionOf('甲乙丙', ['甲', '甲乙'])).toBe(1);
  });
});

describe('clauses and readings', () => {
  it('cut a text at ，；。！？ and drop empty clauses', () => {
    expect(clausesOf(' 甲，乙；丙。丁！戊？ ，')).toEqual(['甲', '乙', '丙', '丁', '戊']);
  });

  it('read each comparator in the plan’s words', () => {
    expect(COMPARATOR_READING).toEqual({
      '>=': '不低于（含本数）',
      '>': '高于（不含本数）',
      '<=': '不高于（含本数）',
      '<': '低于（不含本数）',
    });
  });
});
