// A domain's heading, lead sentence and grouped text, and the clauses of one indicator they are made of: the words
// of a change for each unit, the verdict for each status and final category, the pooled small numbers.
import { describe, expect, it } from 'vitest';
import { domainHeading, domainSummary, domainText, finalCounts } from '../../src/core/narrative/domain.ts';
import type { NarrativeIndicator } from '../../src/core/narrative/index.ts';
import {
  changeWords,
  finalClause,
  indicatorSentence,
  netChangeWanted,
  pooledWords,
  targetClause,
  targetShort,
  valueClause,
  valueText,
} from '../../src/core/narrative/indicator.ts';
import { domain, ind } from './fixtures.ts';

type Result = NarrativeIndicator['result'];

/** 筛查率, ≥90%, 84.5% in 2025 after 84.0% in 2024 and 80.0% in 2020. */
const share = (result: Partial<Result> = {}, over: Partial<NarrativeIndicator> = {}) =>
  ind(
    { name: '筛查率', unit: '%', target: '≥ 90%（达到90%以上）', values: [80, 82, 81, 83, 84, 84.5], ...over },
    { target: 90, comparator: '>=', ...result },
  );

/** A direction-only share (逐步提高) of 2020–2025 ending at `value`, with its annual status or final category. */
const rising = (name: string, status: string, value: number | null = 5, category?: Result['finalCategory']) =>
  ind(
    { name, unit: '%', target: '逐步提高', values: [1, 2, 3, 4, 5, value] },
    { ruleKind: 'direction_only', status: status as Result['status'], value, met: null, finalCategory: category },
  );

/** A quantitative indicator judged `category` in a final report (null: its final year is missing). */
const judgedAs = (category: Result['finalCategory'] | null, values: (number | null)[] = [1, 2, 3, 4, 5, 6]) =>
  ind({ name: String(category ?? '待确认'), values }, { finalCategory: category });
const PENDING = [1, 2, 3, 4, 5, null];
const EMPTY = [null, null, null, null, null, null];

describe('the change of a value in words', () => {
  it('speaks each unit as the statistics bulletins do', () => {
    const words = (unit: string, better?: 'higher' | 'lower') => [
      changeWords(1, 2.5, { unit, better }),
      changeWords(2.5, 1, { unit, better }),
    ];
    expect(words('%')).toEqual(['提高1.5个百分点', '下降1.5个百分点']);
    expect(words('%', 'lower')).toEqual(['上升1.5个百分点', '下降1.5个百分点']);
    expect(words('‰')).toEqual(['上升1.5个千分点', '下降1.5个千分点']);
    expect(words('/10万')).toEqual(['上升1.5个十万分点', '下降1.5个十万分点']);
    expect(words('1/10万')).toEqual(['上升1.5个十万分点', '下降1.5个十万分点']);
    expect(words('岁')).toEqual(['提高1.5岁', '下降1.5岁']);
    expect(words('年')).toEqual(['提高1.5年', '下降1.5年']);
    expect(words('百分点')).toEqual(['扩大1.5个百分点', '缩小1.5个百分点']);
    expect(words('个百分点')).toEqual(['扩大1.5个百分点', '缩小1.5个百分点']);
    expect(words('万元')).toEqual(['提高1.5万元', '降低1.5万元']);
    expect(words('项')).toEqual(['增加1.5项', '减少1.5项']);
  });

  it('calls a change below half a unit of the published precision 基本持平', () => {
    const count = { unit: '项', precision: 0 };
    expect(changeWords(10, 10.49, count)).toBe('基本持平');
    expect(changeWords(10, 9.51, count)).toBe('基本持平');
    expect(changeWords(10, 10.5, count)).toBe('增加1项');
    expect(changeWords(1, 1.04, { unit: '%' })).toBe('基本持平');
    expect(changeWords(1, 1.06, { unit: '%' })).toBe('提高0.1个百分点');
  });
});

describe('the verdict of an annual report on one indicator', () => {
  it('has a clause for every status', () => {
    const clause = (status: string, result: Partial<Result> = {}, over: Partial<NarrativeIndicator> = {}) =>
      targetClause(share({ status: status as Result['status'], ...result }, over));
    expect(clause('已达标')).toBe('已达到规划目标');
    expect(clause('提前达标')).toBe('已达到规划目标');
    expect(clause('已达标（有回落风险）')).toBe('已达到规划目标，但近年走势不稳，保持达标仍有压力');
    expect(clause('预计可达标')).toBe('距规划目标（≥90.0%）尚有差距，按近年进度可望如期达到');
    expect(clause('预计达标困难')).toBe('距规划目标（≥90.0%）尚有差距，按近年进度如期达到有困难');
    expect(clause('预计达标困难', { met: null, ruleKind: 'direction_only' }, { target: '逐步提高（提高）' })).toBe(
      '近年总体走势未呈现规划要求的变化（逐步提高）',
    );
    expect(clause('未达标')).toBe('尚未达到规划目标（≥90.0%）');
    expect(clause('趋势向好')).toBe('呈规划要求的变化趋势');
    expect(clause('趋势向好但末年回落')).toBe('总体呈规划要求的变化趋势，但比上年有所下降');
    expect(clause('趋势向好但末年回落', {}, { better: 'lower' })).toBe('总体呈规划要求的变化趋势，但比上年有所上升');
    // 基本持平 is never followed by 有所下降.
    expect(clause('趋势向好但末年回落', {}, { values: [1, 2, 3, 4, 5, 5] })).toBe('总体呈规划要求的变化趋势');
    expect(clause('趋势不明显（事件数少）')).toBe('病例数少，近年变化趋势尚不明显');
    expect(clause('数据不足')).toBe('监测年份较少，暂不作判断');
    expect(clause('无数据')).toBe('暂无监测数据');
  });

  it('writes a threshold or maintain target as a symbol, any other rule in the plan’s words', () => {
    expect(targetShort(share({ ruleKind: 'maintain', comparator: '<=', target: 5 }))).toBe('≤5.0%');
    expect(targetShort(share({ ruleKind: 'relative_to_base' }, { target: '较2020年下降10% （按基期值）' }))).toBe(
      '较2020年下降10%',
    );
  });
});

describe('the verdict of a final report on one indicator', () => {
  it('reads a direction as met when the last value is beyond the base, or at the natural limit', () => {
    const net = (value: number | null, baseValue: number | null, over: Partial<NarrativeIndicator> = {}) =>
      netChangeWanted(share({ value, baseValue }, over));
    expect(net(79, 80, { better: 'lower' })).toBe(true);
    expect(net(80, 80, { better: 'lower' })).toBe(false);
    expect(net(0, 0, { better: 'lower' })).toBe(true);
    expect(net(81, 80)).toBe(true);
    expect(net(80, 80)).toBe(false);
    expect(net(100, 100)).toBe(true);
    expect(net(100, 100, { unit: '‰' })).toBe(false);
    expect(net(null, 80)).toBe(false);
    expect(net(80, null)).toBe(false);
  });

  it('has a clause for every final category', () => {
    const clause = (category: Result['finalCategory'], result: Partial<Result> = {}, over = {}) =>
      finalClause(share({ finalCategory: category, ...result }, over), 2025);
    expect(clause('已实现')).toBe('实现规划目标（≥90.0%）');
    expect(clause('基本实现')).toBe('基本实现规划目标（≥90.0%）');
    expect(clause('未实现')).toBe('未实现规划目标（≥90.0%）');
    expect(clause('趋势向好')).toBe('实现规划要求的变化（≥90.0%）');
    expect(clause('趋势向好', { value: 79 })).toBe('期间总体呈规划要求的变化趋势（≥90.0%），但2025年仍低于2020年水平');
    expect(clause('趋势不明显')).toBe('未呈现明显的变化趋势（规划要求≥90.0%）');
    expect(clause('未实现（方向未达）')).toBe('但期间总体呈下降趋势，未实现规划要求的变化（≥90.0%）');
    expect(clause('未实现（方向未达）', { value: 70 }, { better: 'lower' })).toBe(
      '但期间总体呈上升趋势，未实现规划要求的变化（≥90.0%）',
    );
    expect(clause('未实现（方向未达）', { value: 79 })).toBe('未实现规划要求的变化（≥90.0%）');
    const pending = (met: boolean | null) =>
      finalClause(share({ met, value: 84, year: 2024 }, { values: [80, 82, 81, 83, 84, null] }), 2025);
    expect(pending(true)).toBe('2025年数据尚未确认，按最近年份数据已达到规划目标（≥90.0%）');
    expect(pending(false)).toBe('2025年数据尚未确认，按最近年份数据尚未达到规划目标（≥90.0%）');
    expect(pending(null)).toBe('2025年数据尚未确认，规划要求（≥90.0%）');
    expect(finalClause(share({ year: null, value: null }), 2025)).toBe('暂无监测数据');
  });
});

describe('the value clause', () => {
  const small = (message: string, numbers: Record<string, number>) =>
    share({ flags: [{ kind: 'small_numbers', message, numbers }] as Result['flags'] }, { unit: '/10万' });

  it('gives the pooled small numbers in plain words, only when the flag has its years and numbers', () => {
    expect(pooledWords(small('2021—2025年合计3例', { events: 3, pooledRate: 5.123 }))).toBe(
      '因年度病例数少，2021—2025年合计3例，平均为5.1/10万',
    );
    expect(pooledWords(small('合计3例', { events: 3, pooledRate: 5 }))).toBeNull();
    expect(pooledWords(small('2021—2025年合计3例', { pooledRate: 5 }))).toBeNull();
    expect(pooledWords(small('2021—2025年合计3例', { events: 3 }))).toBeNull();
    const jump = share({
      flags: [{ kind: 'jump', message: '2021—2025年合计', numbers: { events: 1 } }] as Result['flags'],
    });
    expect(pooledWords(jump)).toBeNull();
    expect(indicatorSentence(small('2021—2025年合计3例', { events: 3, pooledRate: 5.123 }), 'annual')).toBe(
      '2025年，筛查率为84.5/10万，比上年上升0.5个十万分点，比2020年上升4.5个十万分点；因年度病例数少，2021—2025年合计3例，平均为5.1/10万，已达到规划目标。',
    );
  });

  it('compares with the year before and the base year, each once, at the published precision', () => {
    expect(valueClause(share(), 'annual')).toBe('筛查率为84.5%，比上年提高0.5个百分点，比2020年提高4.5个百分点');
    expect(valueClause(share({}, { values: [80, null, null, null, null, 84.5] }), 'annual')).toBe(
      '筛查率为84.5%，比2020年提高4.5个百分点',
    );
    expect(valueClause(share({ baseYearUsed: 2025 }), 'annual')).toBe('筛查率为84.5%，比上年提高0.5个百分点');
    expect(valueClause(share({ baseValue: null }), 'annual')).toBe('筛查率为84.5%，比上年提高0.5个百分点');
    expect(valueClause(share({ baseYearUsed: 2024, baseValue: 84 }), 'annual')).toBe(
      '筛查率为84.5%，比上年提高0.5个百分点',
    );
    expect(valueClause(share({ baseYearUsed: 2024, baseValue: 84 }), 'final')).toBe(
      '筛查率为84.5%，比2024年提高0.5个百分点',
    );
    expect(valueClause(share(), 'final')).toBe('筛查率为84.5%，比2020年提高4.5个百分点');
    expect(valueClause(share({}, { precision: 2 }), 'annual')).toBe(
      '筛查率为84.50%，比上年提高0.50个百分点，比2020年提高4.50个百分点',
    );
    expect([valueText(null), valueText(4.12345), valueText(4.12345, 3)]).toEqual(['—', '4.1', '4.123']);
  });
});

describe('domain headings', () => {
  it('use 提升 for a 地位, 优化 for an 环境, and the name without 与 for a domain the national reports do not name', () => {
    const headings = (domainName: string) => [0.8, 0.79, 0.6, 0.59].map((rate) => domainHeading({ domainName, rate }));
    expect(headings('妇女与经济')).toEqual([
      '妇女经济地位持续提升',
      '妇女经济地位稳步提升',
      '妇女经济地位稳步提升',
      '妇女经济地位有待进一步提升',
    ]);
    expect(headings('儿童与环境')[0]).toBe('儿童发展环境持续优化');
    expect(headings('妇女与体育')[0]).toBe('妇女体育持续提高');
    expect(headings('儿童与游戏')[3]).toBe('儿童游戏有待进一步提高');
    expect(headings('社会服务')[1]).toBe('社会服务稳步提高');
  });

  it('speak of each domain of the two plans as the national reports do', () => {
    const domains = [
      '妇女与健康',
      '妇女与教育',
      '妇女与经济',
      '妇女参与决策和管理',
      '妇女与社会保障',
      '妇女与家庭建设',
      '妇女与环境',
      '妇女与法律',
      '儿童与健康',
      '儿童与安全',
      '儿童与教育',
      '儿童与福利',
      '儿童与家庭',
      '儿童与环境',
      '儿童与法律保护',
    ];
    expect(domains.map((domainName) => domainHeading({ domainName, rate: 0.9 }))).toEqual([
      '妇女健康水平持续提高',
      '妇女受教育水平持续提高',
      '妇女经济地位持续提升',
      '妇女参与决策和管理水平持续提高',
      '妇女社会保障水平持续提高',
      '家庭建设水平持续提高',
      '妇女发展环境持续优化',
      '妇女合法权益保障水平持续提高',
      '儿童健康水平持续提高',
      '儿童安全保障水平持续提高',
      '儿童教育水平持续提高',
      '儿童福利水平持续提高',
      '家庭对儿童的支持水平持续提高',
      '儿童发展环境持续优化',
      '儿童法律保护水平持续提高',
    ]);
  });

  it('give a domain of direction-only indicators a verdict when at least three in four with data moved as required', () => {
    const heading = (inds: NarrativeIndicator[], kind: 'annual' | 'final' = 'annual') =>
      domainHeading({ domainName: '妇女与健康', rate: null }, inds, kind);
    const good = rising('甲', '趋势向好');
    const fellBack = rising('乙', '趋势向好但末年回落');
    const hard = rising('丙', '预计达标困难');
    expect(heading([good, fellBack, good, hard])).toBe('妇女健康水平稳步提高');
    expect(heading([good, good, hard, hard])).toBe('妇女与健康');
    expect(heading([good])).toBe('妇女与健康');
    expect(heading([good, rising('丁', '趋势向好', null)])).toBe('妇女与健康');
    const final = (category: Result['finalCategory']) => rising('戊', '趋势向好', 5, category);
    expect(heading([final('趋势向好'), final('趋势向好'), final('趋势向好'), final('趋势不明显')], 'final')).toBe(
      '妇女健康水平稳步提高',
    );
    // A final report reads the final category, not the last annual status.
    expect(heading([good, good], 'final')).toBe('妇女与健康');
  });

  it('judge a final report on the targets decided, and keep the name while most are pending', () => {
    const heading = (inds: NarrativeIndicator[]) =>
      domainHeading({ domainName: '妇女与健康', rate: 0.1 }, inds, 'final');
    const met = judgedAs('已实现');
    expect(heading([met, judgedAs('基本实现'), judgedAs('未实现'), met, met])).toBe('妇女健康水平持续提高');
    expect(heading([met, judgedAs('基本实现'), judgedAs('未实现'), judgedAs('未实现')])).toBe(
      '妇女健康水平有待进一步提高',
    );
    expect(heading([met, judgedAs(null, PENDING)])).toBe('妇女与健康');
    expect(heading([met, judgedAs('未实现'), judgedAs(null, PENDING)])).toBe('妇女健康水平有待进一步提高');
    expect(heading([judgedAs(null, EMPTY)])).toBe('妇女与健康');
    expect(domainHeading({ domainName: '妇女与健康', rate: 0.9 }, [], 'final')).toBe('妇女健康水平持续提高');
  });
});

describe('the lead sentence of a domain', () => {
  it('counts the targets met and the directions followed in an annual report', () => {
    const directions = [rising('甲', '趋势向好'), rising('乙', '趋势向好但末年回落'), rising('丙', '预计达标困难')];
    expect(domainSummary(domain(0.75), [...directions, rising('丁', '趋势向好', null)])).toBe(
      '妇女与健康领域有目标值的指标4项中，3项已达到规划目标，1项尚未达到（达标率75.0%）；方向性指标3项中，2项呈规划要求的变化趋势。',
    );
    expect(domainSummary(domain(1, { assessed: 2, met: 2 }))).toBe(
      '妇女与健康领域有目标值的指标2项中，2项已达到规划目标（达标率100.0%）。',
    );
    const none = domain(null, { assessed: 0, met: 0 });
    expect(domainSummary(none, [directions[0]!])).toBe('妇女与健康领域方向性指标1项中，1项呈规划要求的变化趋势。');
    expect(domainSummary(none)).toBe('妇女与健康领域暂无量化指标的监测数据。');
  });

  it('counts each final category, and says so when every direction is still pending', () => {
    const all = [
      judgedAs('已实现'),
      judgedAs('基本实现'),
      judgedAs('未实现'),
      judgedAs(null, PENDING),
      judgedAs(null, EMPTY),
      rising('甲', '趋势向好', 5, '趋势向好'),
      rising('乙', '趋势向好', 5, '趋势不明显'),
      rising('丙', '趋势向好', 5, '未实现（方向未达）'),
      rising('丁', '趋势向好', 4),
    ];
    expect(finalCounts(all)).toEqual({
      quantitative: 5,
      已实现: 1,
      基本实现: 1,
      未实现: 1,
      数据待确认: 1,
      无数据: 1,
      directional: 4,
      趋势向好: 1,
      趋势不明显: 1,
      方向未达: 1,
      directionalPending: 1,
    });
    const summary = (inds: NarrativeIndicator[]) => domainSummary(domain(0), inds, 'final');
    expect(summary(all)).toBe(
      '妇女与健康领域有量化目标的指标5项，已实现1项、基本实现1项、未实现1项、终期数据待确认1项、无数据1项；方向性指标4项，1项实现规划要求的变化，1项终期数据待确认。',
    );
    expect(summary([judgedAs('已实现')])).toBe('妇女与健康领域有量化目标的指标1项，已实现1项。');
    expect(summary([rising('甲', '趋势向好', 4), rising('乙', '趋势向好', 3)])).toBe(
      '妇女与健康领域方向性指标2项，终期数据均待确认。',
    );
    expect(summary([rising('甲', '趋势向好', 5, '趋势向好'), rising('乙', '趋势向好', 3)])).toBe(
      '妇女与健康领域方向性指标2项，1项实现规划要求的变化，1项终期数据待确认。',
    );
    expect(summary([])).toBe('妇女与健康领域以定性目标为主，无量化监测指标。');
  });
});

describe('the text of a domain', () => {
  const met = (name: string, values: (number | null)[]) => ind({ name, values, unit: '%' });

  it('groups an annual report’s indicators by verdict and year, four to a sentence, the missing ones last', () => {
    const behind = ind(
      { name: '壬', values: [1, 2, 3, 4, 5, 6], unit: '%' },
      { status: '未达标', met: false, target: 90, comparator: '>=' },
    );
    const inds = [
      met('甲', [1, 2, 3, 4, 5, 6]),
      met('乙', [1, 2, 3, 4, 5, 7]),
      met('丙', [1, 2, 3, 4, 5, 8]),
      met('丁', [1, 2, 3, 4, 5, 9]),
      met('戊', [1, 2, 3, 4, 5, 10]),
      met('己', [1, 2, 3, 4, 6, null]),
      met('庚', EMPTY),
      met('辛', EMPTY),
      rising('癸', '趋势向好', 5.5),
      behind,
    ];
    expect(domainText(domain(0.75), inds, 'annual', 2025)).toBe(
      [
        '妇女与健康领域有目标值的指标4项中，3项已达到规划目标，1项尚未达到（达标率75.0%）；方向性指标1项中，1项呈规划要求的变化趋势。',
        '2025年，甲为6.0%，比上年提高1.0个百分点，比2020年提高5.0个百分点；乙为7.0%，比上年提高2.0个百分点，比2020年提高6.0个百分点；丙为8.0%，比上年提高3.0个百分点，比2020年提高7.0个百分点；丁为9.0%，比上年提高4.0个百分点，比2020年提高8.0个百分点，均已达到规划目标。2025年，戊为10.0%，比上年提高5.0个百分点，比2020年提高9.0个百分点，已达到规划目标。2024年，己为6.0%，比上年提高2.0个百分点，比2020年提高5.0个百分点，已达到规划目标。',
        '2025年，癸为5.5%，比上年提高0.5个百分点，比2020年提高4.5个百分点，呈规划要求的变化趋势。',
        '2025年，壬为6.0%，比上年提高1.0个百分点，比2020年提高5.0个百分点，尚未达到规划目标（≥90.0%）。',
        '庚、辛暂无监测数据。',
      ].join('\n'),
    );
  });

  it('groups a final report’s indicators by category, each unmet one with its own clause', () => {
    const inds = [
      judgedAs('已实现'),
      judgedAs('基本实现'),
      judgedAs('未实现'),
      judgedAs(null, PENDING),
      rising('甲', '趋势向好', 5.5, '趋势向好'),
      rising('乙', '趋势向好', 0.5, '趋势向好'),
      rising('丙', '趋势向好', 5, '趋势不明显'),
      rising('丁', '趋势向好', 0.5, '未实现（方向未达）'),
    ];
    expect(domainText(domain(0), inds, 'final', 2025)).toBe(
      [
        '妇女与健康领域有量化目标的指标4项，已实现1项、基本实现1项、未实现1项、终期数据待确认1项；方向性指标4项，2项实现规划要求的变化。',
        '2025年，已实现为6.0/10万，比2020年上升5.0个十万分点，实现规划目标。',
        '2025年，基本实现为6.0/10万，比2020年上升5.0个十万分点，基本实现规划目标（≤8.5/10万）。',
        '2025年，未实现为6.0/10万，比2020年上升5.0个十万分点，未实现规划目标（≤8.5/10万）。',
        '2025年，甲为5.5%，比2020年提高4.5个百分点，实现规划要求的变化。',
        '2025年，乙为0.5%，比2020年下降0.5个百分点，期间总体呈规划要求的变化趋势（逐步提高），但2025年仍低于2020年水平。',
        '2025年，丙为5.0%，比2020年提高4.0个百分点，未呈现明显的变化趋势（规划要求逐步提高）；丁为0.5%，比2020年下降0.5个百分点，未实现规划要求的变化（逐步提高）。2024年，待确认为5.0/10万，比2020年上升4.0个十万分点，2025年数据尚未确认，按最近年份数据已达到规划目标（≤8.5/10万）。',
      ].join('\n'),
    );
  });
});
