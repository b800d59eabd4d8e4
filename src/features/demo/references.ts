import type { ReferenceScope } from '../../core/reference.ts';
import type { Db } from '../../db/connection.ts';
import type { Actor } from '../audit/index.ts';
import { folderCatalog, upsertReference } from '../reference/index.ts';

// 对比数据 in the demo: published national figures (国家卫生健康委、教育部 统计公报) for a few well-known statistics,
// so that the indicator pages and the reports show a comparison. They are the real published values, not
// generated ones: the district's demo values are what is made up, and those are marked 演示数据 everywhere.
// Matched by the indicator's name in the active folder (another cycle's codes differ); a linked indicator (sameAs)
// reads its owner's.

interface PublishedFigure {
  name: string;
  scope: ReferenceScope;
  year: number;
  value: number;
  source: string;
}

const HEALTH_2023 = '《2023年我国卫生健康事业发展统计公报》（国家卫生健康委员会）';
const HEALTH_2024 = '《2024年我国卫生健康事业发展统计公报》（国家卫生健康委员会）';
const EDUCATION_2023 = '《2023年全国教育事业发展统计公报》（教育部）';
const EDUCATION_2024 = '《2024年全国教育事业发展统计公报》（教育部）';

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  { name: '孕产妇死亡率', scope: 'national', year: 2023, value: 15.1, source: HEALTH_2023 },
  { name: '孕产妇死亡率', scope: 'national', year: 2024, value: 14.3, source: HEALTH_2024 },
  { name: '婴儿死亡率', scope: 'national', year: 2023, value: 4.5, source: HEALTH_2023 },
  { name: '婴儿死亡率', scope: 'national', year: 2024, value: 4.0, source: HEALTH_2024 },
  { name: '5岁以下儿童死亡率', scope: 'national', year: 2023, value: 6.2, source: HEALTH_2023 },
  { name: '5岁以下儿童死亡率', scope: 'national', year: 2024, value: 5.6, source: HEALTH_2024 },
  { name: '高中阶段毛入学率', scope: 'national', year: 2023, value: 91.8, source: EDUCATION_2023 },
  { name: '高中阶段毛入学率', scope: 'national', year: 2024, value: 92.0, source: EDUCATION_2024 },
];

/** Records the published figures for the folder's indicators of those names, in the folder's cycle years. */
export async function seedDemoReferences(db: Db, folderId: string, actor: Actor): Promise<number> {
  const catalog = await folderCatalog(db, folderId);
  let n = 0;
  await db.transaction(async (tx) => {
    for (const f of PUBLISHED_FIGURES) {
      const ind = catalog.indicators.find((i) => i.name === f.name && i.sameAs === null);
      if (!ind || !catalog.years.includes(f.year)) continue;
      const key = { folderId, indicatorCode: ind.code, scope: f.scope, year: f.year };
      if (await upsertReference(tx, actor, key, { value: f.value, source: f.source }, 'entry')) n++;
    }
  });
  return n;
}
