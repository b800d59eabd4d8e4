-- The whole district's values of a few indicators, found without reading the towns' (issue 16): at national scale
-- an indicator has 54,000 values of which 18 are the district's, and an approval or a save recomputes from those.
CREATE INDEX data_value_district_idx ON data_value (indicator_id, year) WHERE area_id IS NULL;
