// Chart options travel as JSON, which drops the label formatters of src/core/charts (functions). These put
// back the same formatting on the client — rounded numbers, an optional suffix — without importing ECharts.

type Obj = Record<string, unknown>;

const round = (value: unknown, decimals: number) => String(Number(Number(value).toFixed(decimals)));

/** A copy of `option` whose shown series labels and tooltip values are rounded to `decimals` (plus `suffix`). */
export function withNumberLabels<T extends object>(option: T, decimals = 2, suffix = ''): T {
  const copy = structuredClone(option) as Obj;
  const fmt = (v: unknown) => (v === null || v === undefined || v === '-' ? '—' : `${round(v, decimals)}${suffix}`);
  const series = Array.isArray(copy.series) ? (copy.series as Obj[]) : [];
  for (const s of series) {
    const label = s.label as Obj | undefined;
    if (label?.show && label.formatter === undefined) {
      label.formatter = (p: { value: unknown }) => fmt(Array.isArray(p.value) ? p.value.at(-1) : p.value);
    }
  }
  const tooltip = copy.tooltip as Obj | undefined;
  if (tooltip && tooltip.valueFormatter === undefined) tooltip.valueFormatter = fmt;
  return copy as T;
}
