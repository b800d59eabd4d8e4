-- 对比数据 (issue 12): the 天津市 and 全国 values the office records beside the district's, per statistic, scope and
-- year, each with the publication it was taken from. Keyed by the plan folder and the code of the indicator that
-- holds the statistic's series: an indicator linked by `sameAs` (0008) has no reference series of its own, so a
-- statistic in both plans is compared with one figure. Codes are unique within a folder (the catalog checks it).
-- The analysis does not read this table (the pages and reports read it next to the analysis, fresh on every
-- request), so it takes no analysis_version trigger (0013).
CREATE TABLE reference_value (
  id serial PRIMARY KEY,
  folder_id text NOT NULL,
  indicator_code text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('tianjin', 'national')),
  year integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  value double precision NOT NULL,
  source text NOT NULL CHECK (length(btrim(source)) > 0),
  updated_by integer REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (folder_id, indicator_code, scope, year)
);
