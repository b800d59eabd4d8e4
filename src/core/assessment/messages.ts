// Chinese wording of flags, warnings and the status reason, built from the kernel's numbers, so that every
// sentence carries the figures a statistician needs to check it by hand.
import { D, F, FLUCTUATION_BITS, S } from './codes.ts';
import { COMPARATORS, type CompiledRule, Kind } from './compile.ts';
import { BAND_HIGH, BAND_LOW, BAND_WINDOW, JUMP_RATIO } from './fluctuation.ts';
import { comparatorSymbol, num } from './format.ts';
import { type KernelOut, METHOD_THEIL_SEN, ON_TRACK_APR } from './kernel.ts';
import type { Flag, WarningKind } from './types.ts';

export interface MessageContext {
  r: CompiledRule;
  /** Decimal places of the value. */
  digits: number;
  /** The plan's base year (before any substitution). */
  plannedBase: number;
}

const RATIO_DIGITS = 3;

/** Decimals a (cleaned) target really has, up to 10: 7.44 has 2 whatever the value's precision (v2 §2). */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  for (let k = 0; k < 10; k++) if (Math.abs(Math.round(x * 10 ** k) - x * 10 ** k) < 1e-6) return k;
  return 10;
}

/**
 * The target at its own precision, so that "7.4 未达到 ≥7.44" never reads as "7.4 未达到 ≥7.4" (v2 §2) — but at most
 * two decimals beyond the indicator's: a target computed from a rate of counts (base 3/5700 × 0.8) would otherwise
 * print "≤49.6315789474", which no statistician writes.
 */
function targetText(c: MessageContext, value: number): string {
  const digits = Math.max(c.digits, Math.min(decimalsOf(value), c.digits + 2));
  return `${comparatorSymbol(COMPARATORS[c.r.cmp] as string)}${num(value, digits)}`;
}

export function buildFlags(o: KernelOut, c: MessageContext): Flag[] {
  const flags: Flag[] = [];
  const v = (x: number) => num(x, c.digits);
  const t = o.year;
  if (o.flags & F.Jump) {
    const delta = o.value - o.prevValue;
    const pct = Number.isFinite(o.jumpRatio) ? `${num(Math.abs(o.jumpRatio) * 100, 1)}%` : '（上年为0）';
    flags.push({
      kind: 'jump',
      year: t,
      message: `${t}年较上年${delta > 0 ? '上升' : '下降'}${pct}，超过${JUMP_RATIO * 100}%（由${v(o.prevValue)}变为${v(o.value)}，变动${v(Math.abs(delta))}，不低于下限${v(c.r.floor)}）`,
      numbers: { previous: o.prevValue, value: o.value, change: delta, ratio: o.jumpRatio, floor: c.r.floor },
    });
  }
  if (o.flags & F.Band) {
    flags.push({
      kind: 'band',
      year: t,
      message: `${t}年数值${v(o.value)}为前${Math.min(BAND_WINDOW, o.n - 1)}年均值${v(o.bandMean)}的${num(o.bandRatio, 2)}倍，超出[${BAND_LOW}, ${BAND_HIGH}]`,
      numbers: { value: o.value, mean: o.bandMean, ratio: o.bandRatio, floor: c.r.floor },
    });
  }
  if (o.flags & F.Zigzag) {
    flags.push({
      kind: 'zigzag',
      year: t,
      message: `${o.n}个年份中变动方向反转${o.reversals}次，年均变动幅度${num(o.meanAbsDelta, RATIO_DIGITS)}大于趋势斜率绝对值${num(Math.abs(o.fluctuationSlope), RATIO_DIGITS)}的2倍`,
      numbers: { reversals: o.reversals, meanAbsDelta: o.meanAbsDelta, slope: o.fluctuationSlope, floor: c.r.floor },
    });
  }
  if (o.flags & F.AnnualStepMissed) {
    for (const year of o.stepMissedYears) {
      flags.push({
        kind: 'annual_step_missed',
        year,
        message: `${year}年年度目标未完成：要求每年${c.r.d > 0 ? '提高' : '降低'}${num(c.r.amount, c.digits)}以上`,
        numbers: { step: c.r.amount },
      });
    }
  }
  if (o.flags & F.SmallNumbers) {
    flags.push({
      kind: 'small_numbers',
      year: t,
      message: `小数波动：年均仅${num(o.eventsPerYear, 1)}例，不按逐年率判断波动；${o.pooledFrom}—${t}年合计${o.events}例/${o.exposure}，合并率${v(o.pooledRate)}，95%精确置信区间[${v(o.ciLow)}, ${v(o.ciHigh)}]`,
      numbers: {
        events: o.events,
        exposure: o.exposure,
        pooledRate: o.pooledRate,
        ciLow: o.ciLow,
        ciHigh: o.ciHigh,
        eventsPerYear: o.eventsPerYear,
      },
    });
  }
  if (o.flags & F.SmallSample) {
    flags.push({
      kind: 'small_sample',
      year: t,
      message: `小样本：${t}年分母仅${o.sampleDenominator}（不足20），逐年变动不作波动判断`,
      numbers: { denominator: o.sampleDenominator },
    });
  }
  return flags;
}

function projectionText(o: KernelOut, c: MessageContext): string {
  const method = o.method === METHOD_THEIL_SEN ? 'Theil–Sen趋势' : '首末两点趋势';
  const clipped = o.clipped ? '（已截至自然界限）' : '';
  return `按${method}（斜率${num(o.slope, 4)}/年）推算${c.r.targetYear}年为${num(o.xhat, c.digits + 1)}${clipped}`;
}

function difficultyText(o: KernelOut): string {
  return o.difficulty === D.Accelerate ? '需加快' : o.difficulty === D.Reverse ? '逆向' : '方向未达';
}

/** One sentence: the values compared, the rule applied, the numbers it used and the conclusion. */
export function statusReason(o: KernelOut, c: MessageContext): string {
  const v = (x: number) => num(x, c.digits);
  const T = c.r.targetYear;
  if (o.n === 0) return `${c.plannedBase}—${T}年无数据。`;
  const prefix =
    o.baseYear !== c.plannedBase ? `基期${c.plannedBase}年缺数，以${o.baseYear}年（${v(o.baseValue)}）代替；` : '';
  const kind = c.r.kind;
  const now = `${o.year}年为${v(o.value)}`;
  if (o.n === 1) return `${prefix}仅有${o.year}年1年数据（${v(o.value)}），数据不足，无法判断趋势。`;

  if (kind === Kind.DirectionOnly) {
    const change = o.value - o.prevValue;
    const want = c.r.d > 0 ? '提高' : '下降';
    const atLimit = c.r.d > 0 ? o.value >= c.r.hi : o.value <= c.r.lo;
    if (atLimit && o.status === S.Improving)
      return `${prefix}${now}，已处于自然极限（${v(c.r.d > 0 ? c.r.hi : c.r.lo)}），无可再${want}，趋势向好。`;
    if (!Number.isNaN(o.halfEarly)) {
      const verdict =
        o.status === S.Improving
          ? '方向符合要求，趋势向好'
          : o.status === S.Difficult
            ? `方向相反且差异有统计学意义（精确条件二项检验 p=${num(o.halfP, 3)}<0.05），预计达标困难（方向未达）`
            : `差异无统计学意义（精确条件二项检验 p=${num(o.halfP, 3)}），趋势不明显（事件数少）`;
      return `${prefix}事件数少，按前后两段合并率比较：前段${v(o.halfEarly)}，后段${v(o.halfLate)}，要求${want}，${verdict}。`;
    }
    const verdict =
      o.status === S.Improving
        ? '趋势向好'
        : o.status === S.ImprovingLastFell
          ? '趋势向好但末年回落'
          : '预计达标困难（方向未达）';
    // A change that rounds to zero at the indicator's precision is no rise ("较上期增加0.0" read as one).
    const shown = v(Math.abs(change));
    const changeText = Number(shown) === 0 ? '与上期持平' : `较上期${change > 0 ? '增加' : '减少'}${shown}`;
    return `${prefix}${now}，${changeText}；${projectionText(o, c)}，要求${want}，${verdict}。`;
  }

  const targetNow = kind === Kind.Relational ? `参照值${v(o.targetNow)}` : `目标${targetText(c, o.targetNow)}`;
  const metText = `${now}，${o.met === 1 ? '达到' : '未达到'}${targetNow}`;
  const projectedMiss = o.projectedMiss
    ? `；${projectionText(o, c)}，将不满足目标，预计达标困难（${difficultyText(o)}）`
    : '';

  if (o.flags & F.SmallNumbers && kind !== Kind.Relational && kind !== Kind.AnnualStep) {
    const pooled = `${o.pooledFrom}—${o.year}年合并率${v(o.pooledRate)}（${o.events}例/${o.exposure}），95%精确置信区间[${v(o.ciLow)}, ${v(o.ciHigh)}]`;
    const verdict =
      o.met === 1
        ? `达到目标${targetText(c, o.target)}，${statusWord(o.status)}`
        : o.status === S.Difficult
          ? `整个区间均未达到目标${targetText(c, o.target)}，预计达标困难（${difficultyText(o)}）`
          : o.year >= T
            ? `未达到目标${targetText(c, o.target)}，未达标`
            : `未达到目标${targetText(c, o.target)}但区间包含目标值，差异无统计学意义，暂不预警`;
    return `${prefix}小数波动按合并计数判断：${pooled}，${verdict}。`;
  }

  if (o.year >= T && !(o.flags & F.SmallNumbers && kind !== Kind.Relational && kind !== Kind.AnnualStep)) {
    // v2 §5: at the target year only met or not met, never a forecast.
    return `${prefix}${metText}，已到目标年，${o.met === 1 ? '已达标' : '未达标'}。`;
  }
  if (kind === Kind.Relational || kind === Kind.Maintain || o.metAtBase === 1) {
    const why = kind === Kind.Maintain ? '保持类目标' : kind === Kind.Relational ? '关系类目标' : '基期已达标';
    const trend =
      o.slope * (kind === Kind.Relational ? (c.r.cmp <= 1 ? 1 : -1) : c.r.d) < 0 ? '趋势回落' : '趋势未回落';
    return `${prefix}${metText}（${why}，按恒定目标规则），${trend}，${statusWord(o.status)}${projectedMiss}。`;
  }

  const schedule = `序时进度CS=${num(o.cs, RATIO_DIGITS)}（应达E=${num(o.expected, RATIO_DIGITS)}，${o.behind ? '落后' : '未落后'}）`;
  if (o.status === S.MetEarly || o.status === S.Met) {
    const pathOnly = kind === Kind.AnnualStep && o.status === S.Met && o.year < T ? '（当年路径目标）' : '';
    return `${prefix}${metText}${pathOnly}，${statusWord(o.status)}。`;
  }
  if (o.status === S.NotMet) return `${prefix}${metText}，已到目标年，未达标。`;
  const apr = `APR=${num(o.apr, RATIO_DIGITS)}`;
  const verdict =
    o.status === S.OnTrack
      ? `${apr}≥${ON_TRACK_APR}，预计可达标`
      : `${apr}${o.apr > 0 ? `<${ON_TRACK_APR}` : '≤0'}，预计达标困难（${difficultyText(o)}）`;
  return `${prefix}${metText}；${schedule}；${projectionText(o, c)}，${verdict}。`;
}

function statusWord(code: number): string {
  switch (code) {
    case S.MetEarly:
      return '提前达标';
    case S.MetAtRisk:
      return '已达标（有回落风险）';
    case S.NotMet:
      return '未达标';
    default:
      return '已达标';
  }
}

export function buildWarning(
  o: KernelOut,
  flags: Flag[],
  reason: string,
): { kind: WarningKind; kinds: WarningKind[]; reasons: string[] } | null {
  const kinds: WarningKind[] = [];
  const reasons: string[] = [];
  if (o.status === S.Difficult || o.projectedMiss) {
    kinds.push('预计达标困难');
    reasons.push(reason);
  }
  if (o.flags & FLUCTUATION_BITS) {
    kinds.push('波动较大');
    for (const f of flags) if (f.kind === 'jump' || f.kind === 'band' || f.kind === 'zigzag') reasons.push(f.message);
  }
  return kinds.length === 0 ? null : { kind: kinds[0] as WarningKind, kinds, reasons };
}
