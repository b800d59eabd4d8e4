-- One statistic, one series (docs/catalog.md "同一统计指标"): an indicator whose plan file says `sameAs: W2-02`
-- measures the same statistic as that indicator. Its values are entered once, under the indicator named here, and
-- every analysis, report and table reads them from there. Null for an indicator with its own series.
ALTER TABLE indicator ADD COLUMN same_as text;
