import { z } from 'zod';
import { MAX_SOURCE_LENGTH, REFERENCE_SCOPES, type ReferenceFigure } from '../../core/reference.ts';

// The 对比数据 API's shapes, written once for the server and the web.

export const ReferenceScopeSchema = z.enum(REFERENCE_SCOPES, {
  message: '对比范围应为 tianjin（天津市）或 national（全国）',
});

const Year = z.coerce
  .number({ message: '年份应为四位数字' })
  .int('年份应为四位数字')
  .min(1949, '年份应为四位数字')
  .max(2100, '年份应为四位数字');

export const ReferenceListQuery = z.object({
  plan: z.string().trim().min(1).max(100).optional(),
  year: Year.optional(),
});

export const ReferenceKeyParams = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9]+-[0-9]{2,}$/, '指标编号格式不正确（如 W1-03）'),
  scope: ReferenceScopeSchema,
  year: Year,
});

export const ReferenceBody = z.object({
  value: z.number({ message: '请填写数值' }).finite('请填写数值'),
  source: z
    .string({ message: '请填写数据来源' })
    .trim()
    .min(1, '请填写数据来源，如《2024年天津市妇女儿童发展规划统计监测报告》')
    .max(MAX_SOURCE_LENGTH, `数据来源最多 ${MAX_SOURCE_LENGTH} 个字`),
});

/** A stored figure with who entered it last and when. */
export interface ReferenceEntry extends ReferenceFigure {
  updatedBy: string | null;
  updatedAt: string;
}

export interface ReferenceIndicator {
  id: number;
  planId: string;
  code: string;
  name: string;
  unit: string;
  /** Decimals the figure is kept with (the indicator's published precision). */
  precision: number;
  /** The code of the indicator whose figures these are: a `sameAs` indicator shows (and edits) its owner's. */
  series: string;
  sameAs: string | null;
  values: ReferenceEntry[];
}

/** GET /api/reference-values: the active folder's indicators with their figures (of one year, if asked). */
export interface ReferenceListResponse {
  folderId: string;
  plans: { id: string; shortTitle: string }[];
  /** The cycle's years (base year to last): the years a figure may be entered for. */
  years: number[];
  indicators: ReferenceIndicator[];
}

/** PUT /api/reference-values/:code/:scope/:year */
export interface ReferenceSaveResponse {
  value: ReferenceEntry & { indicatorCode: string };
}

/** POST /api/reference-values/import: figures written (new or changed) and figures already stored as given. */
export interface ReferenceImportResponse {
  applied: number;
  unchanged: number;
}
