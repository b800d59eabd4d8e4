// A sample report that exercises every block kind: used by the tests and to look at rendered pages.
import { trendChartOption } from '../../src/core/charts/index.ts';
import { renderChartPng } from '../../src/features/reports/charts/render.ts';
import { heading, paragraph, type ReportDocument, type Table } from '../../src/features/reports/model.ts';

export const CHART_SIZE = { width: 600, height: 340 };

export const sampleTable: Table = {
  kind: 'table',
  caption: '表1　妇女与健康领域主要指标监测情况',
  unit: '单位：%、1/10万',
  columns: [
    { width: 52 },
    { width: 20 },
    { width: 18, decimals: 1 },
    { width: 18, decimals: 1 },
    { width: 18, decimals: 1 },
    { width: 30, align: 'center' },
  ],
  header: [
    [
      { text: '指标', rowSpan: 2 },
      { text: '目标值', rowSpan: 2 },
      { text: '监测值', colSpan: 3 },
      { text: '评估结果', rowSpan: 2 },
    ],
    [{ text: '2020年' }, { text: '2024年' }, { text: '2025年' }],
  ],
  rows: [
    ['孕产妇死亡率（1/10万）', '≤8.5', 17.5, 0, 8.7, '预计可达标'],
    ['妇女常见病筛查率', '≥90', 86.2, 89.4, 91.3, '已达标'],
    ['宫颈癌适龄妇女筛查覆盖率', '≥70', 55.0, 64.8, null, '无数据'],
    ['孕产妇系统管理率', '≥95', 96.1, 96.8, 97.2, '已达标'],
  ],
  note: '注：“—”表示无数据。',
};

const wideTable: Table = {
  kind: 'table',
  appendix: true,
  caption: '2021—2025年各镇街主要指标监测值',
  columns: [{ width: 40 }, ...Array.from({ length: 10 }, () => ({ width: 18, decimals: 1 }))],
  header: [
    [
      { text: '镇街', rowSpan: 2 },
      { text: '孕产妇系统管理率（%）', colSpan: 5 },
      { text: '儿童健康管理率（%）', colSpan: 5 },
    ],
    [2021, 2022, 2023, 2024, 2025, 2021, 2022, 2023, 2024, 2025].map((y) => ({ text: `${y}年` })),
  ],
  rows: Array.from({ length: 30 }, (_, i) => [
    `示例镇街${i + 1}`,
    ...Array.from({ length: 10 }, (_, j) => 90 + ((i * 7 + j * 3) % 100) / 10),
  ]),
};

const LONG_TEXT =
  '2025年，全区各成员单位认真贯彻落实妇女儿童发展规划，围绕规划确定的目标任务，强化责任落实，加大投入力度，' +
  '妇女儿童发展环境持续优化。监测数据显示，规划确定的主要指标总体进展顺利，多数指标已提前实现或预计可如期实现，' +
  '但仍有个别指标进展缓慢，需在下一阶段重点推进。';

export async function sampleReport(demo: boolean): Promise<ReportDocument> {
  const png = await renderChartPng(
    trendChartOption({
      title: '孕产妇死亡率变化情况',
      unit: '1/10万',
      years: [2020, 2021, 2022, 2023, 2024],
      series: [{ name: '合计', values: [17.5, 0, 17.6, null, 8.7] }],
      target: { value: 8.5, label: '目标值 ≤8.5' },
      projection: { fromYear: 2024, toYear: 2025, fromValue: 8.7, toValue: 7.9 },
      demo,
    }),
    { ...CHART_SIZE, scale: 2 },
  );
  return {
    title: '武清区妇女发展规划（2021—2025年）\n2025年度监测报告',
    subtitle: '——基于统计监测数据的分析',
    issuer: '武清区统计局',
    date: '2026年11月',
    demo,
    blocks: [
      heading(1, '总体情况'),
      paragraph(LONG_TEXT, { text: '总体达标率为85.7%。', bold: true }),
      paragraph(LONG_TEXT),
      heading(2, '妇女与健康'),
      heading(3, '孕产妇死亡率'),
      heading(4, '户籍孕产妇'),
      paragraph(LONG_TEXT),
      { kind: 'chart', png, ...CHART_SIZE, caption: '图1　孕产妇死亡率变化情况' },
      paragraph(LONG_TEXT),
      sampleTable,
      heading(3, '妇女常见病筛查率'),
      paragraph(LONG_TEXT),
      heading(2, '妇女与教育'),
      paragraph(LONG_TEXT),
      heading(1, '存在的问题'),
      paragraph(LONG_TEXT),
      heading(1, '下一步工作建议'),
      paragraph(LONG_TEXT),
      paragraph(LONG_TEXT),
      wideTable,
    ],
  };
}
