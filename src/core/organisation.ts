import { z } from 'zod';

// organisation.yaml in a plan folder: the committee, its office, the M&E groups, member units and areas.
// A shipped default that the office confirms or edits in the UI.

const Code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '代码只能包含字母、数字、下划线和连字符');

export const OrganisationSchema = z
  .object({
    committee: z.object({ name: z.string().min(1), shortName: z.string().min(1) }),
    office: z.object({ code: Code, name: z.string().min(1), note: z.string().optional() }),
    monitoringAndEvaluation: z.object({
      leadingGroup: z.string().min(1),
      monitoringGroup: z.object({ name: z.string().min(1), leadUnit: Code }),
      evaluationGroup: z.object({ name: z.string().min(1), leadUnit: Code }),
    }),
    units: z.array(z.object({ code: Code, name: z.string().min(1) })).min(1),
    areas: z.array(z.object({ code: Code, name: z.string().min(1), kind: z.enum(['street', 'town']) })),
  })
  .superRefine((org, ctx) => {
    const codes = [org.office.code, ...org.units.map((u) => u.code)];
    const seen = new Set<string>();
    codes.forEach((code, i) => {
      if (seen.has(code))
        ctx.addIssue({ code: 'custom', path: ['units', i - 1, 'code'], message: `单位代码 ${code} 重复` });
      seen.add(code);
    });
    for (const [key, group] of [
      ['monitoringGroup', org.monitoringAndEvaluation.monitoringGroup],
      ['evaluationGroup', org.monitoringAndEvaluation.evaluationGroup],
    ] as const) {
      if (!seen.has(group.leadUnit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['monitoringAndEvaluation', key, 'leadUnit'],
          message: `牵头单位 ${group.leadUnit} 不在单位名单中`,
        });
      }
    }
    const areaCodes = new Set<string>();
    org.areas.forEach((a, i) => {
      if (areaCodes.has(a.code))
        ctx.addIssue({ code: 'custom', path: ['areas', i, 'code'], message: `镇街代码 ${a.code} 重复` });
      areaCodes.add(a.code);
    });
  });

export type Organisation = z.infer<typeof OrganisationSchema>;
