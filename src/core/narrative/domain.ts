// A domain's verdict heading, derived from its roll-up, and its summary sentence.
import { percent } from './format.ts';
import type { NarrativeDomain } from './types.ts';

/** What each domain's heading speaks of, as the national reports name it; unknown domains fall back to the name. */
const SUBJECTS: Record<string, string> = {
  妇女与健康: '妇女健康水平',
  妇女与教育: '妇女受教育水平',
  妇女与经济: '妇女经济地位',
  妇女参与决策和管理: '妇女参与决策和管理水平',
  妇女与社会保障: '妇女社会保障水平',
  妇女与家庭建设: '家庭建设水平',
  妇女与环境: '妇女发展环境',
  妇女与法律: '妇女合法权益保障水平',
  儿童与健康: '儿童健康水平',
  儿童与安全: '儿童安全保障水平',
  儿童与教育: '儿童教育水平',
  儿童与福利: '儿童福利水平',
  儿童与家庭: '家庭对儿童的支持水平',
  儿童与环境: '儿童发展环境',
  儿童与法律保护: '儿童法律保护水平',
};

export type DomainTier = 'strong' | 'steady' | 'lagging' | 'unassessed';

/** ≥ 80% met: strong; ≥ 50%: steady; below: lagging; nothing assessed (direction-only or qualitative): unassessed. */
export function domainTier(d: Pick<NarrativeDomain, 'rate'>): DomainTier {
  if (d.rate === null) return 'unassessed';
  if (d.rate >= 0.8) return 'strong';
  if (d.rate >= 0.5) return 'steady';
  return 'lagging';
}

const PREDICATE: Record<DomainTier, string> = {
  strong: '持续提高',
  steady: '稳步提高',
  lagging: '有待进一步提高',
  unassessed: '不断提升',
};

/** e.g. 妇女健康水平持续提高 (without the （一） the renderer adds). */
export function domainHeading(d: Pick<NarrativeDomain, 'domainName' | 'rate'>): string {
  const subject = SUBJECTS[d.domainName] ?? `${d.domainName.replace(/^(妇女|儿童)与/, '$1')}`;
  return `${subject}${PREDICATE[domainTier(d)]}`;
}

/** The count sentence that opens a domain's paragraph. */
export function domainSummary(d: NarrativeDomain): string {
  const c = d.counts;
  const parts: string[] = [];
  if (d.assessed > 0) {
    const rest = [
      c.预计可达标 ? `预计可达标${c.预计可达标}项` : '',
      c.预计达标困难 ? `预计达标困难${c.预计达标困难}项` : '',
      c.未达标 ? `未达标${c.未达标}项` : '',
      c.数据不足 ? `数据不足${c.数据不足}项` : '',
    ].filter(Boolean);
    parts.push(
      `${d.domainName}领域有目标值的监测指标${d.assessed}项，已实现规划目标${d.met}项，达标率为${percent(d.rate)}` +
        (rest.length ? `；${rest.join('，')}` : ''),
    );
  } else {
    parts.push(`${d.domainName}领域暂无可计算达标率的量化指标`);
  }
  if (d.directionOnly > 0) parts.push(`方向性指标${d.directionOnly}项`);
  if (d.qualitative > 0) parts.push(`定性目标${d.qualitative}项`);
  return `${parts.join('；')}。`;
}
