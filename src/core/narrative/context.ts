// 经济社会基本情况 of a final evaluation report: a few figures of the district's economy and population that the
// office copies from the statistics bulletins (经济社会基本情况数据), for the cycle's base year and final year. The
// paragraph says only what was entered: a clause whose figure is missing is left out, a comparison with the base
// year is made only where both years are there, and shares and growth are computed here, never typed in.
import { num } from '../assessment/format.ts';
import type { NarrativeInput } from './types.ts';

/** The figures, in the order the form and the paragraph give them. */
export const CONTEXT_FIGURES = [
  { key: 'population', label: '常住人口', unit: '万人', precision: 1, max: 5000 },
  { key: 'female', label: '其中女性', unit: '万人', precision: 1, max: 5000 },
  { key: 'children', label: '0—17岁儿童', unit: '万人', precision: 1, max: 5000 },
  { key: 'gdp', label: '地区生产总值', unit: '亿元', precision: 1, max: 200_000 },
  { key: 'budget', label: '一般公共预算支出', unit: '亿元', precision: 1, max: 50_000 },
  { key: 'livelihoodShare', label: '其中民生支出占比', unit: '%', precision: 1, max: 100 },
  { key: 'urbanIncome', label: '城镇居民人均可支配收入', unit: '元', precision: 0, max: 1_000_000 },
  { key: 'ruralIncome', label: '农村居民人均可支配收入', unit: '元', precision: 0, max: 1_000_000 },
] as const;

export type ContextFigureKey = (typeof CONTEXT_FIGURES)[number]['key'];

/** One year's figures; a figure not entered is absent or null. */
export type ContextYearFigures = Partial<Record<ContextFigureKey, number | null>>;

/** 经济社会基本情况数据 of one plan cycle: the base year's and the final year's figures, and where they come from. */
export interface ContextFigures {
  base: ContextYearFigures;
  final: ContextYearFigures;
  /** 数据来源, e.g. the district statistics bureau's 统计公报 */
  source: string;
}

export const EMPTY_CONTEXT_FIGURES: ContextFigures = { base: {}, final: {}, source: '' };

export interface ContextProblem {
  /** e.g. final.female */
  field: string;
  message: string;
}

/**
 * What is wrong with entered figures, each naming the year and the figure: out of range, or a part larger than
 * its whole (女性 or 儿童 more than 常住人口).
 */
export function checkContextFigures(
  figures: ContextFigures,
  years: { baseYear: number; finalYear: number },
): ContextProblem[] {
  const problems: ContextProblem[] = [];
  for (const [which, year] of [
    ['base', years.baseYear],
    ['final', years.finalYear],
  ] as const) {
    const row = figures[which];
    for (const f of CONTEXT_FIGURES) {
      const v = row[f.key];
      if (v === null || v === undefined) continue;
      const name = `${year}年${f.label.replace(/^其中/, '')}（${f.unit}）`;
      if (!Number.isFinite(v) || v <= 0 || v > f.max) {
        problems.push({ field: `${which}.${f.key}`, message: `${name}应大于0且不超过${f.max}` });
      }
    }
    const population = row.population;
    if (population === null || population === undefined) continue;
    for (const key of ['female', 'children'] as const) {
      const part = row[key];
      if (part !== null && part !== undefined && part > population) {
        const label = key === 'female' ? '女性' : '0—17岁儿童';
        problems.push({
          field: `${which}.${key}`,
          message: `${year}年${label}人数（${part}万人）不能多于常住人口（${population}万人）`,
        });
      }
    }
  }
  return problems;
}

/** True when at least one figure of either year is entered. */
function hasContextFigures(figures: ContextFigures): boolean {
  return [figures.base, figures.final].some((row) => Object.values(row).some((v) => typeof v === 'number'));
}

const figure = (row: ContextYearFigures, key: ContextFigureKey): number | undefined => {
  const v = row[key];
  return typeof v === 'number' ? v : undefined;
};

const precisionOf = (key: ContextFigureKey) => CONTEXT_FIGURES.find((f) => f.key === key)!.precision;

const shown = (key: ContextFigureKey, v: number) => num(v, precisionOf(key));

/** 占49.4% */
const share = (part: number, whole: number) => `占${num((part / whole) * 100, 1)}%`;

/** 增长12.3% / 下降1.2% / 持平, from the base to the final value (one decimal). */
function growth(base: number, final: number): string {
  const rate = Number((((final - base) / base) * 100).toFixed(1));
  if (rate === 0) return '持平';
  return `${rate > 0 ? '增长' : '下降'}${num(Math.abs(rate), 1)}%`;
}

/** 比2020年末增加1.2万人 / 减少0.3万人, at the figure's precision. */
function headcountChange(key: ContextFigureKey, base: number, final: number, baseYear: number): string {
  const d = Number((final - base).toFixed(precisionOf(key)));
  if (d === 0) return `与${baseYear}年末持平`;
  return `比${baseYear}年末${d > 0 ? '增加' : '减少'}${shown(key, Math.abs(d))}万人`;
}

/** 比2020年增长12.3%, or 与2020年持平. */
function growthSince(base: number, final: number, baseYear: number): string {
  const g = growth(base, final);
  return g === '持平' ? `与${baseYear}年持平` : `比${baseYear}年${g}`;
}

/** 全区 for a 区, 全县 for a 县, 全市 for a 市. */
function whole(region: string): string {
  const last = region.slice(-1);
  return `全${['区', '县', '市', '旗'].includes(last) ? last : '区'}`;
}

function populationSentence(f: ContextFigures, years: { base: number; final: number }, all: string): string {
  const pop = figure(f.final, 'population');
  const female = figure(f.final, 'female');
  const children = figure(f.final, 'children');
  if (pop === undefined && female === undefined && children === undefined) return '';
  const parts: string[] = [];
  if (pop !== undefined) {
    const basePop = figure(f.base, 'population');
    let text = `${years.final}年末，${all}常住人口${shown('population', pop)}万人`;
    if (basePop !== undefined) text += `，${headcountChange('population', basePop, pop, years.base)}`;
    if (female !== undefined) text += `，其中女性${shown('female', female)}万人，${share(female, pop)}`;
    parts.push(text);
  } else if (female !== undefined) {
    parts.push(`${years.final}年末，${all}常住人口中女性${shown('female', female)}万人`);
  }
  if (children !== undefined) {
    const baseChildren = figure(f.base, 'children');
    let text = `${parts.length ? '' : `${years.final}年末，${all}`}0—17岁儿童${shown('children', children)}万人`;
    if (pop !== undefined) text += `，${share(children, pop)}`;
    if (baseChildren !== undefined) text += `，${headcountChange('children', baseChildren, children, years.base)}`;
    parts.push(text);
  }
  return `${parts.join('；')}。`;
}

function economySentence(f: ContextFigures, years: { base: number; final: number }, all: string): string {
  const gdp = figure(f.final, 'gdp');
  const budget = figure(f.final, 'budget');
  const livelihood = figure(f.final, 'livelihoodShare');
  const parts: string[] = [];
  if (gdp !== undefined) {
    const baseGdp = figure(f.base, 'gdp');
    // Growth from the entered current-price figures is nominal; the bulletin's real growth is at comparable prices.
    parts.push(
      `${all}地区生产总值${shown('gdp', gdp)}亿元${baseGdp === undefined ? '' : `，按现价计算${growthSince(baseGdp, gdp, years.base)}`}`,
    );
  }
  if (budget !== undefined || livelihood !== undefined) {
    let text = parts.length ? '' : all;
    if (budget !== undefined) {
      const baseBudget = figure(f.base, 'budget');
      text += `一般公共预算支出${shown('budget', budget)}亿元`;
      if (baseBudget !== undefined) text += `，${growthSince(baseBudget, budget, years.base)}`;
      if (livelihood !== undefined) text += '，其中';
    } else {
      text += '一般公共预算支出中';
    }
    if (livelihood !== undefined) {
      text += `民生支出占${shown('livelihoodShare', livelihood)}%`;
      const baseShare = figure(f.base, 'livelihoodShare');
      if (baseShare !== undefined) {
        const d = Number((livelihood - baseShare).toFixed(1));
        text +=
          d === 0
            ? `，与${years.base}年持平`
            : `，比${years.base}年${d > 0 ? '提高' : '下降'}${num(Math.abs(d), 1)}个百分点`;
      }
    }
    parts.push(text);
  }
  return parts.length ? `${years.final}年${parts.join('；')}。` : '';
}

function incomeSentence(f: ContextFigures, years: { base: number; final: number }, lead: string): string {
  const urban = figure(f.final, 'urbanIncome');
  const rural = figure(f.final, 'ruralIncome');
  const baseUrban = figure(f.base, 'urbanIncome');
  const baseRural = figure(f.base, 'ruralIncome');
  if (urban !== undefined && rural !== undefined) {
    let text = `${lead}城镇、农村居民人均可支配收入分别为${shown('urbanIncome', urban)}元和${shown('ruralIncome', rural)}元`;
    if (baseUrban !== undefined && baseRural !== undefined) {
      const [gu, gr] = [growth(baseUrban, urban), growth(baseRural, rural)];
      text += `，比${years.base}年分别${gu.startsWith('增长') && gr.startsWith('增长') ? `增长${gu.slice(2)}和${gr.slice(2)}` : `${gu}和${gr}`}`;
    } else if (baseUrban !== undefined) {
      text += `，其中城镇居民${growthSince(baseUrban, urban, years.base)}`;
    } else if (baseRural !== undefined) {
      text += `，其中农村居民${growthSince(baseRural, rural, years.base)}`;
    }
    return `${text}。`;
  }
  for (const [key, label, value, base] of [
    ['urbanIncome', '城镇', urban, baseUrban],
    ['ruralIncome', '农村', rural, baseRural],
  ] as const) {
    if (value === undefined) continue;
    return `${lead}${label}居民人均可支配收入${shown(key, value)}元${base === undefined ? '' : `，${growthSince(base, value, years.base)}`}。`;
  }
  return '';
}

/** 经济社会基本情况 (final): the entered context figures in two or three sentences; a placeholder saying what to enter until then. */
export function contextText(input: NarrativeInput): string {
  const base = Math.min(...input.plans.map((p) => p.baseYear));
  const years = { base, final: input.year };
  const f = input.context;
  if (!f || !hasContextFigures(f)) {
    return `（待补充：${base + 1}—${input.year}年${input.region}经济社会发展基本情况。请在“报告”页的“经济社会基本情况数据”卡片中填写${base}年和${input.year}年的常住人口（其中女性、0—17岁儿童）、地区生产总值、一般公共预算支出及民生支出占比、城镇和农村居民人均可支配收入，并注明数据来源（如统计公报），再次打开本草稿即按所填数据生成本段。）`;
  }
  const all = whole(input.region);
  const population = populationSentence(f, years, all);
  const economy = economySentence(f, years, all);
  // The income sentence names the year only when no sentence before it has.
  const income = incomeSentence(f, years, population || economy ? '' : `${years.final}年，${all}`);
  const text = population + economy + income;
  if (!text) {
    // Only base-year figures: nothing of the final year to speak of.
    return `（待补充：${input.year}年${input.region}经济社会发展基本情况。已填写${base}年的数据，请在“报告”页的“经济社会基本情况数据”卡片中填写${input.year}年的数据。）`;
  }
  const source = f.source.trim();
  return `${text}${source ? `（数据来源：${source.replace(/[。.]$/, '')}）` : '（待补充：数据来源，如统计公报。）'}`;
}
