import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Disaggregation, SourceRef } from '../../../../src/core/catalog/types.ts';
import type { Better, TargetRuleKind } from '../../../../src/core/rules.ts';
import { MUTED_TEXT } from '../../shell/theme.ts';

// Words shared by the catalog pages: how the plan's fields read on screen.

export const SOURCE_KIND_LABELS: Record<SourceRef['kind'], string> = { goal: '主要目标', measure: '策略措施' };

export const DISAGGREGATION_LABELS: Record<Disaggregation, string> = { sex: '分性别', area: '分镇街' };

export const BETTER_LABELS: Record<Better, string> = { higher: '越高越好 ↑', lower: '越低越好 ↓' };

export const RULE_KIND_LABELS: Record<TargetRuleKind, string> = {
  threshold: '数值目标（阈值）',
  maintain: '数值目标（保持）',
  relative_to_base: '较基期变化',
  annual_step: '逐年变化',
  relational: '与参照量比较',
  count_per_body: '每个班子（组织）配备',
  direction_only: '方向性目标（无具体数值）',
};

/** 主要目标 2 / 策略措施 4 */
export const sourceLabel = (source: SourceRef) => `${SOURCE_KIND_LABELS[source.kind]} ${source.number}`;

export function DisaggregationTags({ values }: { values: Disaggregation[] }) {
  if (values.length === 0) return <span style={{ color: MUTED_TEXT }}>—</span>;
  return (
    <>
      {values.map((d) => (
        <Tag key={d} color={d === 'sex' ? 'magenta' : 'cyan'} style={{ marginInlineEnd: 4 }}>
          {DISAGGREGATION_LABELS[d]}
        </Tag>
      ))}
    </>
  );
}

export const MARK_STYLE = { background: '#ffe58f', padding: '0 2px', borderRadius: 2 } as const;

/** `text` with the first occurrence of `part` marked (<mark>); the text unchanged when `part` is absent. */
export function Highlighted({ text, part }: { text: string; part: string }): ReactNode {
  const at = part ? text.indexOf(part) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark style={MARK_STYLE}>{part}</mark>
      {text.slice(at + part.length)}
    </>
  );
}
