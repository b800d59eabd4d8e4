// How the report texts print numbers, lists and quoted free text: a rate of no data as —, 个百分点, 一是 … 十是,
// a sentence ending once, names joined the Chinese way, and a unit's long answer cut at a whole sentence.
import { describe, expect, it } from 'vitest';
import {
  changeUnit,
  excerpt,
  joinNames,
  ordinal,
  percent,
  sentence,
  withUnit,
} from '../../src/core/narrative/format.ts';

describe('numbers in prose', () => {
  it('prints a rate as a percentage, — when there is none, and a gap in 个百分点', () => {
    expect([percent(null), percent(0.5641), percent(0.5641, 2)]).toEqual(['—', '56.4%', '56.41%']);
    expect([withUnit(3.21, '百分点'), withUnit(3.21, '%', 2), withUnit(8.24, '/10万')]).toEqual([
      '3.2个百分点',
      '3.21%',
      '8.2/10万',
    ]);
    expect([changeUnit('百分点'), changeUnit('%')]).toEqual(['个百分点', '%']);
  });
});

describe('the pieces of a sentence', () => {
  it('numbers the points 一是 to 十是', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(ordinal)).toEqual([
      '一是',
      '二是',
      '三是',
      '四是',
      '五是',
      '六是',
      '七是',
      '八是',
      '九是',
      '十是',
    ]);
  });

  it('ends a sentence once, replacing a trailing comma or semicolon', () => {
    expect([' 甲，', '甲；', '甲;', '甲,', '甲！', '甲？', '甲。', '甲。乙'].map(sentence)).toEqual([
      '甲。',
      '甲。',
      '甲。',
      '甲。',
      '甲！',
      '甲？',
      '甲。',
      '甲。乙。',
    ]);
  });

  it('joins names as A、B和C等指标, and counts them beyond six', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['甲'])).toBe('甲');
    expect(joinNames(['甲', '乙'])).toBe('甲和乙等指标');
    expect(joinNames(['甲', '乙', '丙'])).toBe('甲、乙和丙等指标');
    expect(joinNames(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a、b、c、d、e和f等指标');
    expect(joinNames(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a、b、c、d、e、f等7项指标');
    expect(joinNames(['a', 'b', 'c'], 2)).toBe('a、b等3项指标');
  });

  it('quotes free text on one line, cut after a whole sentence past half the length, or with ……', () => {
    expect(excerpt(' 甲 \n  乙  丙\n丁 ')).toBe('甲；乙 丙；丁');
    expect(excerpt('一二三四五六七八', 8)).toBe('一二三四五六七八');
    expect(excerpt('一二三四五。六七八九十', 8)).toBe('一二三四五。');
    expect(excerpt('一二三四五；六七八九十', 8)).toBe('一二三四五；');
    expect(excerpt('一二三四。五六七八九十', 8)).toBe('一二三四。五六七……');
    expect(excerpt('一二三四五六七八九十', 8)).toBe('一二三四五六七八……');
  });
});
